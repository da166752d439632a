import SlotMatchFlow

/// A deliberately simple, independent min-cost flow for checking the solver: a super source and
/// sink, then one unit at a time along a Bellman–Ford shortest path in the residual graph (negative
/// arcs allowed, so no potentials are needed). Exponential in nothing, but slow: small networks only.
enum ReferenceMinCostFlow {
    /// The optimal cost, or nil when no feasible flow exists.
    static func cost(of network: FlowNetwork) -> Int64? {
        let n = network.nodeCount + 2, s = n - 2, t = n - 1
        var to: [Int] = [], cap: [Int64] = [], cost: [Int64] = [], from: [Int] = []
        func add(_ u: Int, _ v: Int, _ c: Int64, _ w: Int64) {
            from.append(u); to.append(v); cap.append(c); cost.append(w)
            from.append(v); to.append(u); cap.append(0); cost.append(-w)
        }
        // Negative arcs: saturate up front, as in any textbook reduction; the rest is plain SSP.
        var supply = network.supplies
        var base: Int64 = 0
        for i in 0..<network.arcCount {
            let u = Int(network.tails[i]), v = Int(network.heads[i]), c = network.capacities[i], w = network.costs[i]
            if w < 0 {
                base += w * c; supply[u] -= c; supply[v] += c
                add(v, u, c, -w)
            } else {
                add(u, v, c, w)
            }
        }
        var need: Int64 = 0
        for v in 0..<network.nodeCount {
            if supply[v] > 0 { add(s, v, supply[v], 0); need += supply[v] }
            if supply[v] < 0 { add(v, t, -supply[v], 0) }
        }
        var total = base
        while need > 0 {
            var dist = [Int64](repeating: .max, count: n), pred = [Int](repeating: -1, count: n)
            dist[s] = 0
            for _ in 0..<n {
                var changed = false
                for a in 0..<to.count where cap[a] > 0 && dist[from[a]] != .max && dist[from[a]] + cost[a] < dist[to[a]] {
                    dist[to[a]] = dist[from[a]] + cost[a]; pred[to[a]] = a; changed = true
                }
                if !changed { break }
            }
            if dist[t] == .max { return nil }
            var v = t
            while v != s { let a = pred[v]; cap[a] -= 1; cap[a ^ 1] += 1; v = from[a] }
            total += dist[t]; need -= 1
        }
        return total
    }
}
