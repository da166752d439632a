import SlotMatchCore
import SlotMatchFlow
import SlotMatchMatching

extension ReplayEngine {
    /// Every call known in advance, one exact assignment over the whole period, decisions at each call's time.
    ///
    /// **Objective (lexicographic).** First the most requests served in target, then the least total booking
    /// cost (`bookingCost`, the same cost model as `batch`): request → sink costs `penalty` > (largest booking
    /// cost + 1) × (requests + 1), more than any difference of total booking costs, so one more request in target
    /// always outweighs every cost saving. Any policy's in-target bookings are a feasible assignment of this
    /// problem (the same feasibility rule, no decision before the call, each slot once, the weekly caps), so no
    /// policy serves more in target, and one serving as many costs at least as much.
    ///
    /// **Exact at any size (column generation on the flow dual).** Above `hindsightArcLimit` request–slot arcs
    /// only each request's cheapest arcs go into the first network. After each solve, every feasible arc left
    /// out is priced with the solver's potentials π (reduced cost `cost + π(request) − π(slot)`; a slot or cap cell
    /// not in the network takes the potential of its cell, or of the sink, which keeps its own arcs at reduced cost
    /// 0); arcs of negative reduced cost are added (the 8 most negative per request) and the flow solved again
    /// (from scratch: after many additions that is faster than repairing it in place). When no arc is left with a
    /// negative reduced cost, the potentials prove the flow optimal for the full network (AMO §9.3, complementary
    /// slackness), and the run says `exact: true`. It says `exact: false`
    /// only when `hindsightPricingRounds` rounds did not reach that proof. The first network also offers each
    /// request the slot `nearest` gave it in target, and those of `including` (see `hindsight(including:)`): by
    /// construction the result is then no worse than those runs even when it is not proven optimal.
    func runHindsight(including: [PolicyRun] = [], progress: ((Double) -> Void)?) -> PolicyRun {
        let inst = instance
        let n = inst.requestCount
        var state = ReplayState(inst)
        var outcomes = [RequestOutcome](repeating: RequestOutcome(status: .unserved), count: n)
        var group: [Int] = []
        for r in 0 ..< n {
            if let o = noSlotOutcome(r) { outcomes[r] = o } else { group.append(r) }
        }
        progress?(0.05)
        // Seeds: the slot `nearest` (and every run in `including`) gave each request in target.
        var seeds = [[Int32]](repeating: [], count: group.count)
        let position = Dictionary(uniqueKeysWithValues: group.enumerated().map { ($1, $0) })
        for other in [runNearest(progress: nil)] + including {
            for (r, o) in other.outcomes.enumerated() where o.status == .servedInTarget && o.slot >= 0 {
                if let k = position[r], !seeds[k].contains(o.slot) { seeds[k].append(o.slot) }
            }
        }
        let (assigned, exact) = hindsightAssignment(group, seeds: seeds, progress: progress)
        progress?(0.95)
        for (k, q) in group.enumerated() {
            if let (s, c) = assigned[k] { outcomes[q] = book(q, slot: s, candidate: c, state: &state) }
        }
        for (k, q) in group.enumerated() where assigned[k] == nil {
            outcomes[q] = RequestOutcome(status: .unserved, reason: diagnose(q, decisionAt: inst.requestAt[q], state: &state))
        }
        return PolicyRun(policy: .hindsight, outcomes: outcomes, exact: exact)
    }

    /// The total booking cost of a run's in-target bookings under the exact policies' cost model:
    /// Σ weights.travelMinute × patient travel + weights.waitMinute × wait (minutes, call → slot start).
    /// `hindsight` has the least of all runs serving as many requests in target.
    public func bookingCost(of run: PolicyRun) -> Int64 {
        let wTravel = Int64(instance.options.weights.travelMinute), wWait = Int64(instance.options.weights.waitMinute)
        var total: Int64 = 0
        for o in run.outcomes where o.status == .servedInTarget && o.slot >= 0 {
            total += wTravel * Int64(o.travelMinutes) + wWait * Int64(o.waitMinutes)
        }
        return total
    }

    /// Every feasible in-target booking of request `r` with nothing booked yet (the shared rule of
    /// `ReplayInstance`, decision at the call): `body(cost, slot, candidate)`, by candidate then slot.
    @inline(__always)
    static func forEachInTargetArc(_ inst: ReplayInstance, _ r: Int, _ body: (Int64, Int32, Int32) -> Void) {
        let video = ModeSet.video.rawValue, home = ModeSet.homeVisit.rawValue
        let wTravel = Int64(inst.options.weights.travelMinute), wWait = Int64(inst.options.weights.waitMinute)
        let at = inst.requestAt[r], latest = inst.requestDeadline[r]
        let wanted = inst.requestModes[r]
        let place = Int(inst.requestPlace[r])
        for c in Int(inst.placeFirst[place]) ..< Int(inst.placeFirst[place + 1]) {
            let g = Int(inst.candidateGP[c])
            var m = wanted & inst.gpModes[g]
            if Double(inst.candidateKm[c]) > inst.gpRadiusKm[g] { m &= ~home }
            if m == 0 { continue }
            let travelSeconds = Int64(inst.candidateTravel[c]) * 60
            let earliestAny = at + (m & video != 0 ? 0 : travelSeconds)
            if earliestAny > latest {
                if wanted & video == 0 { break }  // candidates come by travel: the rest start later still
                continue
            }
            let end = Int(inst.gpFirstSlot[g + 1])
            var s = inst.firstSlot(ofGP: g, notBefore: earliestAny)
            while s < end && inst.slotStart[s] <= latest {
                let sm = inst.slotMode[s]
                if sm & m != 0 && (sm == video || inst.slotStart[s] >= at + travelSeconds) && inst.cellLimit[Int(inst.slotCell[s])] > 0 {
                    let travel = Int64(ReplayInstance.patientTravel(mode: sm, travel: inst.candidateTravel[c]))
                    body(wTravel * travel + wWait * ((inst.slotStart[s] - at) / 60), Int32(s), Int32(c))
                }
                s += 1
            }
        }
    }

    /// The hindsight min-cost flow (see `runHindsight`): (slot, candidate) per request of `group`, and whether
    /// the potentials prove the flow optimal over every feasible arc. `seeds[k]` are slots the first network
    /// must offer request k (the slots other runs gave it), so even unproven the result is no worse than theirs.
    func hindsightAssignment(_ group: [Int], seeds: [[Int32]], progress: ((Double) -> Void)?) -> ([(Int, Int)?], Bool) {
        let inst = instance
        let requestCount = group.count
        var result = [(Int, Int)?](repeating: nil, count: requestCount)
        guard requestCount > 0 else { return (result, true) }
        let perRequest = max(8, inst.options.hindsightArcLimit / requestCount)
        let perRound = 8

        // First network: each request's cheapest arcs (all of them below the limit) and its seeds; the largest cost.
        var arcs: [[(cost: Int64, slot: Int32, candidate: Int32)]] = []
        arcs.reserveCapacity(requestCount)
        var maxCost: Int64 = 0
        var pruned = false
        var local: [(cost: Int64, slot: Int32, candidate: Int32)] = []
        for (k, r) in group.enumerated() {
            local.removeAll(keepingCapacity: true)
            ReplayEngine.forEachInTargetArc(inst, r) { cost, s, c in
                local.append((cost, s, c))
                if cost > maxCost { maxCost = cost }
            }
            if local.count > perRequest {
                pruned = true
                local.sort { ($0.cost, $0.slot) < ($1.cost, $1.slot) }
                var kept = Array(local.prefix(perRequest))
                for seed in seeds[k] where !kept.contains(where: { $0.slot == seed }) {
                    if let a = local.first(where: { $0.slot == seed }) { kept.append(a) }
                }
                arcs.append(kept)
            } else {
                arcs.append(local)
            }
        }
        // Lexicographic: one request more in target is worth more than any difference of total booking costs.
        let (scaled, overflow) = (maxCost + 1).multipliedReportingOverflow(by: Int64(requestCount + 1))
        guard !overflow, scaled < (1 << 52) else { return (result, false) }
        let penalty = scaled

        var stamp = [Int32](repeating: -1, count: inst.slotCount)
        var violators: [(reduced: Int64, cost: Int64, slot: Int32, candidate: Int32)] = []
        var round = 0
        while true {
            // Nodes: requests 0..<requestCount (supply 1), the sink, then slots and cap cells as arcs reach them.
            var network = FlowNetwork(nodeCount: 0)
            for _ in group { _ = network.addNode(supply: 1) }
            let sink = network.addNode(supply: -Int64(requestCount))
            var slotNode = [Int32](repeating: -1, count: inst.slotCount)
            var cellNode = [Int32](repeating: -1, count: inst.cellLimit.count)
            var arcID: [[Int32]] = []
            arcID.reserveCapacity(requestCount)
            for k in 0 ..< requestCount { _ = network.addArc(from: Int32(k), to: sink, capacity: 1, cost: penalty) }
            for k in 0 ..< requestCount {
                var ids: [Int32] = []
                ids.reserveCapacity(arcs[k].count)
                for a in arcs[k] {
                    let s = Int(a.slot)
                    if slotNode[s] < 0 {
                        let cell = Int(inst.slotCell[s])
                        if cellNode[cell] < 0 {
                            cellNode[cell] = network.addNode()
                            _ = network.addArc(from: cellNode[cell], to: sink, capacity: Int64(inst.cellLimit[cell]), cost: 0)
                        }
                        slotNode[s] = network.addNode()
                        _ = network.addArc(from: slotNode[s], to: cellNode[cell], capacity: 1, cost: 0)
                    }
                    ids.append(network.addArc(from: Int32(k), to: slotNode[s], capacity: 1, cost: a.cost))
                }
                arcID.append(ids)
            }
            var solver = MinCostFlowSolver(network)
            network = FlowNetwork(nodeCount: 0)
            do { _ = try solver.solve() } catch { return (result, false) }  // always feasible: every request reaches the sink
            for k in 0 ..< requestCount {
                result[k] = nil
                for (j, id) in arcID[k].enumerated() where solver.flow(onArc: id) > 0 {
                    result[k] = (Int(arcs[k][j].slot), Int(arcs[k][j].candidate))
                }
            }
            if !pruned { return (result, true) }

            // Pricing: the arcs left out whose reduced cost is negative (a slot or cell not in the network takes
            // its cell's potential, or the sink's, which keeps its own arcs at reduced cost 0).
            let potential = solver.certificate.potentials
            let sinkPotential = potential[Int(sink)]
            var added = 0
            for (k, r) in group.enumerated() {
                for a in arcs[k] { stamp[Int(a.slot)] = Int32(k) }
                let requestPotential = potential[k]
                violators.removeAll(keepingCapacity: true)
                ReplayEngine.forEachInTargetArc(inst, r) { cost, s, c in
                    if stamp[Int(s)] == Int32(k) { return }
                    let sn = slotNode[Int(s)]
                    let slotPotential: Int64
                    if sn >= 0 { slotPotential = potential[Int(sn)] } else {
                        let cn = cellNode[Int(inst.slotCell[Int(s)])]
                        slotPotential = cn >= 0 ? potential[Int(cn)] : sinkPotential
                    }
                    let reduced = cost + requestPotential - slotPotential
                    if reduced < 0 { violators.append((reduced, cost, s, c)) }
                }
                if violators.isEmpty { continue }
                if violators.count > perRound {
                    violators.sort { ($0.reduced, $0.slot) < ($1.reduced, $1.slot) }
                    violators.removeLast(violators.count - perRound)
                }
                for v in violators { arcs[k].append((v.cost, v.slot, v.candidate)) }
                added += violators.count
            }
            if added == 0 { return (result, true) }
            if round >= inst.options.hindsightPricingRounds { return (result, false) }  // out of rounds: not proven
            round += 1
            progress?(min(0.9, 0.1 + 0.05 * Double(round)))
        }
    }
}
