/// Why a min-cost flow could not be found: the network is not balanced, or no feasible flow exists.
public enum FlowSolverError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Supplies do not sum to zero (the sum is given).
    case unbalanced(supplyBalance: Int64)
    /// The excess of `node` cannot reach any node with a demand through arcs with spare capacity.
    case infeasible(node: Int32)

    public var description: String {
        switch self {
        case .unbalanced(let sum):
            return "the supplies sum to \(sum), not 0: every unit offered must be demanded somewhere"
        case .infeasible(let node):
            return "no feasible flow: the supply of node \(node) cannot reach any demand through arcs with spare capacity"
        }
    }
}
