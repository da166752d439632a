// slotmatch-flow-bench: solves DIMACS min-cost-flow files with SlotMatch's solver and times it.
//
//   slotmatch-flow-bench solve FILE.min         one JSON object: cost, seconds (solve only), …
//   slotmatch-flow-bench incremental FILE.min   full solve, then timed single insert/cancel/remove repairs
//
// Reading the file is timed apart; the certificate is checked after the clock stops.
import Foundation
import Glibc
import SlotMatchCore
import SlotMatchFlow

/// Seconds on the monotonic clock.
func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

func maxRSSBytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss) * 1024
}

func fail(_ message: String, code: Int32) -> Never {
    FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
    exit(code)
}

func load(_ path: String) -> (FlowNetwork, Double) {
    let start = now()
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)", code: 66) }
    do {
        let network = try DIMACSReader.read(bytes: [UInt8](data), file: path)
        return (network, now() - start)
    } catch {
        fail(error.description, code: 65)
    }
}

/// A solver error in the file's own 1-based node numbers.
func describe(_ error: FlowSolverError) -> String {
    switch error {
    case .unbalanced: return error.description
    case .infeasible(let node):
        return "no feasible flow: the supply of DIMACS node \(node + 1) cannot reach any demand through arcs with spare capacity"
    }
}

func json(_ pairs: KeyValuePairs<String, Any>) -> String {
    var parts: [String] = []
    for (k, v) in pairs {
        let value: String
        switch v {
        case let s as String: value = "\"\(s)\""
        case let d as Double: value = String(format: "%.6f", d)
        case let b as Bool: value = b ? "true" : "false"
        default: value = "\(v)"
        }
        parts.append("\"\(k)\": \(value)")
    }
    return "{" + parts.joined(separator: ", ") + "}"
}

func solve(_ path: String) {
    let (network, readSeconds) = load(path)
    // `seconds` counts building the residual network (CSR) and solving, as LEMON's peer counts its
    // NetworkSimplex/CostScaling set-up; only parsing the file is left out.
    let start = now()
    var solver = MinCostFlowSolver(network)
    let built = now()
    let cost: Int64
    do { cost = try solver.solve() } catch { fail(describe(error), code: 65) }
    let seconds = now() - start
    let setupSeconds = built - start
    let verified = solver.certificate.verify(flow: solver.flow, in: network)
    print(json(["solver": "slotmatch", "cost": cost, "seconds": seconds, "setupSeconds": setupSeconds, "readSeconds": readSeconds,
                "nodes": network.nodeCount, "arcs": network.arcCount, "augmentations": solver.augmentations,
                "settledNodes": solver.settledCount, "certificateVerified": verified, "maxRSSBytes": maxRSSBytes()]))
    if !verified { exit(1) }
}

func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s.isEmpty ? 0 : s[s.count / 2] }

/// Full solve, then `trials` of each change: insert a copy of a random supply-1 node (a request),
/// cancel a random request, remove a random arc carrying flow out of a request's candidate (a slot).
/// Every change is repaired from the current potentials; at the end the repaired optimum is
/// compared with a fresh solve of the changed network.
func incremental(_ path: String, trials: Int) {
    let (network, _) = load(path)
    let start = now()
    var solver = MinCostFlowSolver(network)
    do { try solver.solve() } catch { fail(error.description, code: 65) }
    let fullSeconds = now() - start
    guard let sink = network.supplies.indices.min(by: { network.supplies[$0] < network.supplies[$1] }),
          network.supplies[sink] < 0 else { fail("no demand node", code: 65) }
    let requests = network.supplies.indices.filter { network.supplies[$0] == 1 }
    guard !requests.isEmpty else { fail("no supply-1 node to copy", code: 65) }
    var outArcs = [[Int32]](repeating: [], count: network.nodeCount)
    for i in 0..<network.arcCount { outArcs[Int(network.tails[i])].append(Int32(i)) }
    var random = SplitMix64(state: 42)
    var insert: [Double] = [], cancel: [Double] = [], remove: [Double] = []
    var cancelled = Set<Int>()
    do {
        for _ in 0..<trials {
            // Insert: a new request with the candidates of an existing one.
            let model = requests[random.next(requests.count)]
            let t0 = now()
            let r = solver.addNode(supply: 1)
            for a in outArcs[model] {
                solver.addArc(from: r, to: network.heads[Int(a)], capacity: network.capacities[Int(a)], cost: network.costs[Int(a)])
            }
            solver.setSupply(Int32(sink), solver.supply(of: Int32(sink)) - 1)
            try solver.reoptimize()
            insert.append(now() - t0)

            // Cancel: the request no longer needs a slot.
            var victim = requests[random.next(requests.count)]
            while cancelled.contains(victim) { victim = requests[random.next(requests.count)] }
            cancelled.insert(victim)
            let t1 = now()
            solver.setSupply(Int32(victim), 0)
            solver.setSupply(Int32(sink), solver.supply(of: Int32(sink)) + 1)
            try solver.reoptimize()
            cancel.append(now() - t1)

            // Remove a slot in use: the arc out of a request's chosen candidate.
            var arc: Int32 = -1
            for _ in 0..<1000 {
                let q = requests[random.next(requests.count)]
                if let used = outArcs[q].first(where: { solver.flow(onArc: $0) > 0 && network.heads[Int($0)] != Int32(sink) }) {
                    let slot = network.heads[Int(used)]
                    arc = outArcs[Int(slot)].first ?? -1
                    if arc >= 0 && solver.flow(onArc: arc) > 0 { break }
                    arc = -1
                }
            }
            if arc >= 0 {
                let t2 = now()
                solver.removeArc(arc)
                try solver.reoptimize()
                remove.append(now() - t2)
            }
        }
    } catch { fail(error.description, code: 65) }
    let repairedCost = solver.totalCost
    let changed = solver.network
    let verified = solver.certificate.verify(flow: solver.flow, in: changed)
    var fresh = MinCostFlowSolver(changed)
    let freshCost: Int64
    do { freshCost = try fresh.solve() } catch { fail(error.description, code: 65) }
    let insertMedian = median(insert)
    print(json(["solver": "slotmatch", "fullSolveSeconds": fullSeconds, "trials": trials,
                "insertMedianSeconds": insertMedian, "cancelMedianSeconds": median(cancel),
                "removeSlotMedianSeconds": median(remove),
                "insertSpeedup": fullSeconds / max(insertMedian, 1e-9),
                "repairedCost": repairedCost, "freshCost": freshCost, "sameOptimum": repairedCost == freshCost,
                "certificateVerified": verified, "maxRSSBytes": maxRSSBytes()]))
    if repairedCost != freshCost || !verified { exit(1) }
}

let usage = """
OVERVIEW: Solves DIMACS min-cost-flow files with SlotMatch's solver and times it.

USAGE: slotmatch-flow-bench <subcommand> FILE.min

SUBCOMMANDS:
  solve FILE.min                 Solve; print one JSON object (cost, seconds excluding reading, maxRSSBytes).
  incremental FILE.min [TRIALS]  Solve, then time single insert/cancel/remove-slot repairs (default 20 each).
"""

let arguments = Array(CommandLine.arguments.dropFirst())
switch (arguments.first, arguments.count) {
case ("solve", 2): solve(arguments[1])
case ("incremental", 2): incremental(arguments[1], trials: 20)
case ("incremental", 3): incremental(arguments[1], trials: Int(arguments[2]) ?? 20)
case ("-h", _), ("--help", _), ("help", _): print(usage)
default:
    FileHandle.standardError.write(Data("Error: expected a subcommand and a file.\n\(usage)\n".utf8))
    exit(64)
}
