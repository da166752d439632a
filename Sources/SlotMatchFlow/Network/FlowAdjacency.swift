/// The arcs of a `FlowNetwork` grouped by tail, in compressed sparse row (CSR) form.
///
/// `arcs[firstOut[v] ..< firstOut[v + 1]]` are the ids of the arcs leaving node `v`, in id order:
/// two contiguous `Int32` arrays, built in O(n + m) by a counting sort. For code that walks a
/// network node by node (exporters, checks); the solver keeps its own residual CSR.
public struct FlowAdjacency: Sendable, Hashable {
    public let firstOut: [Int32]
    public let arcs: [Int32]

    public init(_ network: FlowNetwork) {
        var start = [Int32](repeating: 0, count: network.nodeCount + 1)
        for t in network.tails { start[Int(t) + 1] += 1 }
        for v in 0..<network.nodeCount { start[v + 1] += start[v] }
        var fill = start
        var order = [Int32](repeating: 0, count: network.arcCount)
        for (i, t) in network.tails.enumerated() {
            order[Int(fill[Int(t)])] = Int32(i)
            fill[Int(t)] += 1
        }
        firstOut = start
        arcs = order
    }

    /// Ids of the arcs leaving `node`.
    public func arcs(leaving node: Int32) -> ArraySlice<Int32> {
        arcs[Int(firstOut[Int(node)])..<Int(firstOut[Int(node) + 1])]
    }
}
