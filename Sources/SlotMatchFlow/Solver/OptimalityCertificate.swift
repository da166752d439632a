/// Proof that a flow is a minimum-cost one: node potentials satisfying complementary slackness.
///
/// With reduced cost `c̄(u→v) = cost + potential[u] − potential[v]`, a feasible flow is optimal
/// exactly when every residual arc has `c̄ ≥ 0`: an arc with spare capacity (`flow < capacity`)
/// has `c̄ ≥ 0`, and an arc carrying flow (`flow > 0`) has `c̄ ≤ 0` (its reverse residual arc is
/// non-negative). This is LP duality for min-cost flow (Ahuja, Magnanti & Orlin, *Network Flows*,
/// §9.3, Theorem 9.3): the potentials are the dual prices, so anyone can check the optimum in O(m)
/// without trusting the solver.
public struct OptimalityCertificate: Sendable, Hashable {
    /// One potential per node.
    public var potentials: [Int64]

    public init(potentials: [Int64]) { self.potentials = potentials }

    /// The first violated condition (capacity, conservation or reduced cost), or `nil` when `flow`
    /// is feasible for `network` and these potentials prove it optimal.
    public func violation(flow: [Int64], in network: FlowNetwork) -> String? {
        guard flow.count == network.arcCount else {
            return "the flow has \(flow.count) values for \(network.arcCount) arcs"
        }
        guard potentials.count == network.nodeCount else {
            return "the certificate has \(potentials.count) potentials for \(network.nodeCount) nodes"
        }
        var balance = network.supplies
        for i in 0..<network.arcCount {
            let f = flow[i], cap = network.capacities[i]
            if f < 0 || f > cap { return "arc \(i) carries \(f), outside 0…\(cap)" }
            let u = Int(network.tails[i]), v = Int(network.heads[i])
            balance[u] -= f; balance[v] += f
            let reduced = network.costs[i] + potentials[u] - potentials[v]
            if f < cap && reduced < 0 {
                return "arc \(i) (\(u)→\(v)) has spare capacity and reduced cost \(reduced) < 0"
            }
            if f > 0 && reduced > 0 {
                return "arc \(i) (\(u)→\(v)) carries flow and has reduced cost \(reduced) > 0"
            }
        }
        if let node = balance.firstIndex(where: { $0 != 0 }) {
            return "node \(node) is not balanced: supply minus outflow plus inflow is \(balance[node])"
        }
        return nil
    }

    /// True when `flow` is feasible for `network` and proven optimal by these potentials.
    public func verify(flow: [Int64], in network: FlowNetwork) -> Bool {
        violation(flow: flow, in: network) == nil
    }
}
