// slotmatch-replay-bench: a year of department-scale demand (about 1.4 M inhabitants, 200,000 requests,
// 1,000 GPs) through the replay policies; prints build time, throughput and peak memory.
// Run: swift build -c release --product slotmatch-replay-bench && .build/release/slotmatch-replay-bench [--requests N] [--gps N] [--policies p1,p2] (default nearest,ranked,batch:60m,batch:15m,hindsight)
import Foundation
import SlotMatchConfig
import SlotMatchCore
import SlotMatchReplay

func argument(_ name: String, _ fallback: String) -> String {
    let args = CommandLine.arguments
    if let i = args.firstIndex(of: "--" + name), i + 1 < args.count { return args[i + 1] }
    return fallback
}

/// Peak resident memory (VmHWM) in MiB, from /proc.
func peakMemoryMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kb / 1024
    }
    return 0
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let t0 = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
}

func fmt(_ v: Double, _ places: Int = 2) -> String { String(format: "%.\(places)f", v) }

var blackHole = 0

let targetRequests = Int(argument("requests", "200000")) ?? 200_000
let gpCount = Int(argument("gps", "1000")) ?? 1000
let policyNames = argument("policies", "nearest,ranked,batch:60m,batch:15m,hindsight").split(separator: ",").map(String.init)

let base = try TerritoryFile.loadDefault()
let zone = ZoneInfoDatabase.system.rules(for: base.timeZoneIdentifier) ?? .utc
let communes = SyntheticCommunes.communes(for: .department, territory: base)
let territory = try Territory(name: "Synthetic department", timeZoneIdentifier: base.timeZoneIdentifier, communes: communes,
                              poles: base.poles, travel: base.travel)
let population = communes.reduce(0) { $0 + $1.population }

// Demand: the standard profile with the baseline raised so a year gives about `targetRequests`.
let start = CivilDate(year: 2027, month: 1, day: 4)
var profile = DemandProfile.standard
let meanEpidemic = (0 ..< 364).map { profile.epidemicFactor(dayOfYear: start.adding(days: $0).dayOfYear) }.reduce(0, +) / 364
profile.requestsPerThousandPerWeek = Double(targetRequests) / (Double(population) / 1000 * 52 * meanEpidemic)
var demand: [DemandRecord] = []
let simulateSeconds = seconds {
    demand = DemandSimulator(scale: .department, territory: base, zone: zone, profile: profile).records(start: start, days: 364, seed: 2027)
}

// Supply: GPs in communes drawn by population, two or three weekly SNP sessions of four 15-minute slots.
var rng = SplitMix64(seed: 1000)
var cumulative: [Double] = []
var total = 0.0
for c in communes { total += Double(c.population); cumulative.append(total) }
var practitioners: [Practitioner] = []
var slots: [Slot] = []
for g in 0 ..< gpCount {
    let u = rng.unit() * total
    let ci = cumulative.firstIndex { $0 > u } ?? (communes.count - 1)
    let c = communes[ci]
    let prefix = "1" + String(repeating: "0", count: 9 - String(g + 1).count) + String(g + 1)
    let rpps = try RPPS(prefix + String(RPPS.checkDigit(forPrefix: prefix)))
    let location = GeoPoint(latitude: c.location.latitude + (rng.unit() - 0.5) * 0.01, longitude: c.location.longitude + (rng.unit() - 0.5) * 0.01)
    practitioners.append(Practitioner(rpps: rpps, displayName: "Dr Bench \(g)", site: PracticeSite(communeInsee: c.insee, location: location),
                                      modes: [.office, .homeVisit, .video]))
    let sessions = 2 + rng.below(2)
    var plan: [(day: Int, hour: Int)] = []
    for _ in 0 ..< sessions { plan.append((rng.below(6), 8 + rng.below(12))) }
    for week in 0 ..< 52 {
        for (day, hour) in plan {
            let date = start.adding(days: week * 7 + day)
            let begin = zone.instant(of: LocalDateTime(date: date, secondOfDay: hour * 3600))
            for q in 0 ..< 4 {
                let s = begin.adding(minutes: 15 * q)
                slots.append(Slot(practitioner: rpps, start: s, end: s.adding(minutes: 15), mode: q == 3 ? .video : .office,
                                  visibility: .snp, source: "bench"))
            }
        }
    }
}

print("slotmatch-replay-bench: synthetic department, \(communes.count) communes, \(population) inhabitants")
print("demand: \(demand.count) requests over 364 days (simulated in \(fmt(simulateSeconds)) s, baseline \(fmt(profile.requestsPerThousandPerWeek)) /1000/week)")
print("supply: \(practitioners.count) GPs, \(slots.count) slots")
var instance: ReplayInstance?
let buildSeconds = try seconds {
    instance = try ReplayInstance(territory: territory, zone: zone, supply: ReplaySupply(practitioners: practitioners, slots: slots), demand: demand)
}
guard let instance else { fatalError("no instance") }
demand = []
slots = []
print("instance built in \(fmt(buildSeconds)) s; peak memory so far \(fmt(peakMemoryMiB(), 0)) MiB")
let engine = ReplayEngine(instance)
var results: [(name: String, inTarget: Int, cost: Int64)] = []
var bound: (inTarget: Int, cost: Int64)?
for name in policyNames {
    guard let policy = ReplayPolicy(name) else { print("unknown policy \(name)"); continue }
    var run: PolicyRun?
    let t = seconds { run = engine.run(policy) }
    guard let run else { continue }
    let kpis = PolicyKPIs(run: run, instance: instance)
    blackHole &+= kpis.overall.servedInTarget
    let rate = Double(instance.requestCount) / t
    let cost = engine.bookingCost(of: run)
    if policy == .hindsight { bound = (kpis.overall.servedInTarget, cost) } else { results.append((name, kpis.overall.servedInTarget, cost)) }
    print("\(name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(fmt(t, 3)) s  \(fmt(rate / 1e6, 2)) M requests/s  in target \(kpis.overall.servedInTarget)/\(kpis.overall.needingSlot) (\(fmt(kpis.overall.shareInTarget * 100, 1)) %)  booking cost \(cost)  exact \(run.exact)  peak memory \(fmt(peakMemoryMiB(), 0)) MiB")
}
if let bound {
    // Lexicographic bound: more in target, or as many at no more booking cost.
    let beaten = results.filter { $0.inTarget > bound.inTarget || ($0.inTarget == bound.inTarget && $0.cost < bound.cost) }
    print(beaten.isEmpty ? "hindsight bound holds against \(results.map(\.name).joined(separator: ", "))"
                         : "HINDSIGHT BEATEN by \(beaten.map(\.name).joined(separator: ", "))")
}
print("blackhole \(blackHole)")
