/// A directed network for min-cost flow: nodes with supplies, arcs with capacities and integer costs.
///
/// Stored as parallel contiguous arrays (arc `i` goes `tails[i] → heads[i]`), the shape DIMACS files
/// and every solver here read. Node and arc ids are `Int32` to halve the memory of national-scale
/// networks (300 000 nodes, 2 000 000 arcs); costs, capacities and supplies are `Int64`.
/// Lower bounds are always 0. A positive supply is an offer of flow, a negative one a demand.
public struct FlowNetwork: Sendable, Hashable {
    /// Supply of every node (positive: source of that much flow; negative: demand).
    public var supplies: [Int64]
    public var tails: [Int32]
    public var heads: [Int32]
    public var capacities: [Int64]
    public var costs: [Int64]

    /// Largest capacity or supply readers accept (2⁴⁰): with costs up to `maximumCost` and fewer
    /// than 2³¹ nodes, every distance and potential the solver forms stays far below 2⁶³.
    public static let maximumCapacity: Int64 = 1 << 40
    /// Largest cost magnitude readers accept (2²⁰, about one million).
    public static let maximumCost: Int64 = 1 << 20

    /// A network of `nodeCount` nodes without supply and without arcs.
    public init(nodeCount: Int) {
        supplies = Array(repeating: 0, count: nodeCount)
        tails = []; heads = []; capacities = []; costs = []
    }

    public var nodeCount: Int { supplies.count }
    public var arcCount: Int { tails.count }

    /// Adds a node and returns its id.
    @discardableResult
    public mutating func addNode(supply: Int64 = 0) -> Int32 {
        supplies.append(supply)
        return Int32(supplies.count - 1)
    }

    /// Adds the arc `tail → head` and returns its id. Ids must be existing nodes; capacity ≥ 0.
    @discardableResult
    public mutating func addArc(from tail: Int32, to head: Int32, capacity: Int64, cost: Int64) -> Int32 {
        precondition(Int(tail) < nodeCount && Int(head) < nodeCount && tail >= 0 && head >= 0, "arc end is not a node")
        precondition(capacity >= 0, "negative capacity")
        tails.append(tail); heads.append(head); capacities.append(capacity); costs.append(cost)
        return Int32(tails.count - 1)
    }

    public mutating func reserveArcs(_ count: Int) {
        tails.reserveCapacity(count); heads.reserveCapacity(count)
        capacities.reserveCapacity(count); costs.reserveCapacity(count)
    }

    /// Sum of all supplies: 0 when the network is balanced (a precondition of every solver here).
    public var supplyBalance: Int64 { supplies.reduce(0, &+) }

    /// The cost of a flow (one value per arc): Σ cost·flow.
    public func cost(of flow: [Int64]) -> Int64 {
        var total: Int64 = 0
        for i in 0..<min(flow.count, arcCount) { total &+= costs[i] &* flow[i] }
        return total
    }
}
