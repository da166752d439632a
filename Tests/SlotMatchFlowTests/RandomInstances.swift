import SlotMatchFlow

/// Random test instances: general feasible networks and small balancing problems.
enum RandomInstances {
    /// A feasible network: random arcs (some with negative costs), plus for every supply pair a
    /// direct expensive arc that makes the supplies routable.
    /// With `acyclic`, arcs only go from lower to higher ids, so negative costs form no negative
    /// cycle (the solver then starts from Bellman–Ford potentials instead of saturating them).
    static func network(seed: UInt64, nodes: Int = 12, arcs: Int = 40, acyclic: Bool = false) -> FlowNetwork {
        var rng = SeededRandom(seed: seed)
        var net = FlowNetwork(nodeCount: nodes)
        for _ in 0..<arcs {
            var u = Int32(rng.int(0...nodes - 1)), v = Int32(rng.int(0...nodes - 1))
            if u == v { continue }
            if acyclic && u > v { swap(&u, &v) }
            net.addArc(from: u, to: v, capacity: Int64(rng.int(0...6)), cost: Int64(rng.int(-4...20)))
        }
        for _ in 0..<4 {
            var u = Int32(rng.int(0...nodes - 1)), v = Int32(rng.int(0...nodes - 1))
            if u == v { continue }
            if acyclic && u > v { swap(&u, &v) }
            let k = Int64(rng.int(1...5))
            net.supplies[Int(u)] += k; net.supplies[Int(v)] -= k
            net.addArc(from: u, to: v, capacity: k, cost: 60)
        }
        return net
    }

    /// A balancing problem with `requests` requests and a few slots, GPs and poles.
    static func problem(seed: UInt64, requests: Int, slots: Int, practitioners: Int = 3, poles: Int = 2,
                        edgesPerRequest: Int = 3) -> AssignmentProblem {
        var rng = SeededRandom(seed: seed)
        let curves = [LoadCostCurve.flat,
                      LoadCostCurve(marginalCosts: [0, 7], breakpoints: [1]),
                      LoadCostCurve(marginalCosts: [1, 3, 20], breakpoints: [1, 2])]
        let reqs = (0..<requests).map { _ in AssignmentProblem.Request(unassignedPenalty: Int64(rng.int(10...60))) }
        let sl = (0..<slots).map { _ in AssignmentProblem.Slot(practitioner: Int32(rng.int(0...practitioners - 1))) }
        var edges: [AssignmentProblem.Edge] = []
        for r in 0..<requests {
            var chosen = Set<Int>()
            for _ in 0..<edgesPerRequest { chosen.insert(rng.int(0...slots - 1)) }
            for s in chosen.sorted() { edges.append(.init(request: Int32(r), slot: Int32(s), cost: Int64(rng.int(0...30)))) }
        }
        let gps = (0..<practitioners).map { _ in
            AssignmentProblem.Practitioner(weeklyCap: Int64(rng.int(0...3)), load: curves[rng.int(0...2)],
                                           pole: Int32(rng.int(0...poles - 1)))
        }
        let ps = (0..<poles).map { _ in AssignmentProblem.Pole(load: curves[rng.int(0...2)]) }
        return AssignmentProblem(requests: reqs, slots: sl, edges: edges, practitioners: gps, poles: ps)
    }
}
