import SlotMatchCore
import SlotMatchFlow
import SlotMatchMatching

extension ReplayEngine {
    /// Calls gathered per window [kW, (k+1)W); at the window's end the exact min-cost assignment of the
    /// window's calls to the slots still free (start ≥ window end + travel); calls left without a slot in
    /// target fall back to the nearest outside target, as the online policies do.
    func runBatch(windowSeconds w: Int64, progress: ((Double) -> Void)?) -> PolicyRun {
        let inst = instance
        let n = inst.requestCount
        var state = ReplayState(inst)
        var outcomes = [RequestOutcome](repeating: RequestOutcome(status: .unserved), count: n)
        var exact = true
        var r = 0
        var group: [Int] = []
        while r < n {
            let window = inst.requestAt[r] >= 0 ? inst.requestAt[r] / w : (inst.requestAt[r] - w + 1) / w
            let decisionAt = (window + 1) * w
            group.removeAll(keepingCapacity: true)
            while r < n && inst.requestAt[r] < decisionAt {
                if let o = noSlotOutcome(r) { outcomes[r] = o } else { group.append(r) }
                r += 1
            }
            if group.isEmpty { continue }
            let (assigned, wasExact) = assign(group, decisionAt: { _ in decisionAt }, arcsPerRequest: 5_000, state: &state)
            exact = exact && wasExact
            for (k, q) in group.enumerated() {
                if let (s, c) = assigned[k] {
                    outcomes[q] = book(q, slot: s, candidate: c, state: &state)
                }
            }
            for (k, q) in group.enumerated() where assigned[k] == nil {
                outcomes[q] = fallback(q, decisionAt: decisionAt, state: &state)
            }
            if let progress { progress(Double(r) / Double(max(1, n))) }
        }
        return PolicyRun(policy: .batch(windowSeconds: w), outcomes: outcomes, exact: exact)
    }

    /// The exact assignment of `group` to free slots in target: a min-cost flow with request → slot arcs
    /// (cost weights.travelMinute × travel + weights.waitMinute × wait), slot → cap cell (1), cap cell → sink
    /// (cap left) and request → sink at a cost above any total of booking costs, so the most requests are
    /// served first. Returns (slot, candidate) per request and whether no arc was dropped.
    func assign(_ group: [Int], decisionAt: (Int) -> Int64, arcsPerRequest: Int,
                state: inout ReplayState) -> ([(Int, Int)?], Bool) {
        let inst = instance
        let video = ModeSet.video.rawValue
        let wTravel = Int64(inst.options.weights.travelMinute), wWait = Int64(inst.options.weights.waitMinute)
        var exact = true
        var arcRequest: [Int32] = [], arcSlot: [Int32] = [], arcCandidate: [Int32] = [], arcCost: [Int64] = []
        var local: [(cost: Int64, slot: Int32, candidate: Int32)] = []
        for (k, r) in group.enumerated() {
            local.removeAll(keepingCapacity: true)
            let at = decisionAt(r)
            let latest = inst.requestDeadline[r]
            let place = Int(inst.requestPlace[r])
            for c in Int(inst.placeFirst[place]) ..< Int(inst.placeFirst[place + 1]) {
                let m = modes(r, candidate: c)
                if m == 0 { continue }
                let g = Int(inst.candidateGP[c])
                let travelSeconds = Int64(inst.candidateTravel[c]) * 60
                let earliestAny = at + (m & video != 0 ? 0 : travelSeconds)
                if earliestAny > latest { continue }
                let end = Int(inst.gpFirstSlot[g + 1])
                var s = state.free(from: inst.firstSlot(ofGP: g, notBefore: earliestAny))
                while s < end && inst.slotStart[s] <= latest {
                    let sm = inst.slotMode[s]
                    let cell = Int(inst.slotCell[s])
                    if sm & m != 0 && (sm == video || inst.slotStart[s] >= at + travelSeconds)
                        && state.cellUsed[cell] < inst.cellLimit[cell] {
                        let travel = Int64(ReplayInstance.patientTravel(mode: sm, travel: inst.candidateTravel[c]))
                        let wait = (inst.slotStart[s] - inst.requestAt[r]) / 60
                        local.append((wTravel * travel + wWait * wait, Int32(s), Int32(c)))
                    }
                    s = state.free(from: s + 1)
                }
            }
            if local.count > arcsPerRequest {
                exact = false
                local.sort { ($0.cost, $0.slot) < ($1.cost, $1.slot) }
                local.removeLast(local.count - arcsPerRequest)
            }
            for a in local {
                arcRequest.append(Int32(k)); arcSlot.append(a.slot); arcCandidate.append(a.candidate); arcCost.append(a.cost)
            }
        }
        var result = [(Int, Int)?](repeating: nil, count: group.count)
        guard !arcSlot.isEmpty else { return (result, exact) }
        // Nodes: requests, then the slots used, then their cap cells, then the sink.
        var network = FlowNetwork(nodeCount: 0)
        for _ in group { _ = network.addNode(supply: 1) }
        // Slot and cap-cell nodes in first-use order; each arc remembers its slot's node (no lookups later).
        var slotNode: [Int32: Int32] = [:], cellNode: [Int32: Int32] = [:]
        var arcSlotNode: [Int32] = []
        arcSlotNode.reserveCapacity(arcSlot.count)
        var slotEdges: [(node: Int32, cell: Int32)] = []
        var cellsInOrder: [(cell: Int32, node: Int32)] = []
        for s in arcSlot {
            if let node = slotNode[s] { arcSlotNode.append(node); continue }
            let node = network.addNode()
            slotNode[s] = node
            arcSlotNode.append(node)
            slotEdges.append((node, inst.slotCell[Int(s)]))
        }
        var slotToCell: [(slot: Int32, cellNode: Int32)] = []
        for e in slotEdges {
            let cn: Int32
            if let known = cellNode[e.cell] { cn = known } else {
                cn = network.addNode(); cellNode[e.cell] = cn; cellsInOrder.append((e.cell, cn))
            }
            slotToCell.append((e.node, cn))
        }
        let sink = network.addNode(supply: -Int64(group.count))
        let maxCost = arcCost.max() ?? 0
        let unserved = min(1_000_000_000_000, (maxCost + 1) * Int64(group.count + 1))
        network.reserveArcs(arcSlot.count + group.count + slotToCell.count + cellsInOrder.count)
        var firstArc: Int32 = -1
        for i in arcSlot.indices {
            let a = network.addArc(from: arcRequest[i], to: arcSlotNode[i], capacity: 1, cost: arcCost[i])
            if i == 0 { firstArc = a }
        }
        for k in group.indices { _ = network.addArc(from: Int32(k), to: sink, capacity: 1, cost: unserved) }
        for e in slotToCell { _ = network.addArc(from: e.slot, to: e.cellNode, capacity: 1, cost: 0) }
        for c in cellsInOrder {
            let left = Int64(inst.cellLimit[Int(c.cell)] - state.cellUsed[Int(c.cell)])
            _ = network.addArc(from: c.node, to: sink, capacity: max(0, left), cost: 0)
        }
        var solver = MinCostFlowSolver(network)
        do { _ = try solver.solve() } catch { return (result, false) }  // always feasible: every request reaches the sink
        for i in arcSlot.indices where solver.flow(onArc: firstArc + Int32(i)) > 0 {
            result[Int(arcRequest[i])] = (Int(arcSlot[i]), Int(arcCandidate[i]))
        }
        return (result, exact)
    }
}
