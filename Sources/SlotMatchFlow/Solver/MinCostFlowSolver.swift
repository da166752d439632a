/// Exact min-cost flow by successive shortest paths on reduced costs, re-optimisable in place.
///
/// **Algorithm.** Primal–dual successive shortest paths (Ahuja, Magnanti & Orlin, *Network Flows*,
/// §9.7): keep a pseudo-flow and node potentials `π` with every residual arc of non-negative
/// reduced cost `c̄(u→v) = c + π(u) − π(v)`; repeatedly run Dijkstra on `c̄` from a node with excess,
/// **stopping at the first node with a deficit** it settles (at distance `D`), augment along that
/// path, and set `π(v) += d(v) − D` for the settled nodes only. Reduced costs stay non-negative, so
/// the final potentials are an `OptimalityCertificate`.
///
/// **Why this algorithm for the balancing graph.** That graph (request → candidate slot → GP →
/// pole → sink, plus request → sink for "left unassigned") is bipartite with unit capacities, the
/// sink is one hop from every request, and slots outnumber requests: most augmenting paths are
/// found after settling a handful of nodes, so one search costs far less than one pass over the
/// graph, which is what network simplex and cost scaling pay per phase. The same invariant makes
/// incremental changes cheap: after adding a request, cancelling one or removing a slot, the
/// potentials are still valid for every untouched arc, and a few shortest paths repair the optimum.
///
/// **Complexity.** O(U · (m + n) log n) for total supply U (each search is a binary-heap Dijkstra
/// that may, in the worst case, settle every node); memory O(n + m): per residual arc a head (Int32),
/// twin (Int32), residual capacity and cost (Int64), in CSR order so a node's arcs are contiguous.
///
/// **Preconditions.** Integer costs and capacities, lower bounds 0, supplies summing to 0.
/// Negative costs are allowed: such arcs are saturated at the start (capacities are finite), which
/// leaves only non-negative reduced costs with `π = 0`. Overflow is not checked: keep
/// |cost| · n and total capacity well below 2⁶².
public struct MinCostFlowSolver: Sendable {
    // Original arcs (ids as in the FlowNetwork, then the arcs added since).
    private var arcTail: [Int32]
    private var arcCapacity: [Int64]
    private var arcCost: [Int64]
    /// Residual position of each original arc's forward copy; its reverse is `twin`.
    private var arcForward: [Int32]

    // Nodes.
    private var supply: [Int64]
    private var firstOut: [Int32]     // CSR: base positions of node v are firstOut[v]..<firstOut[v+1]
    private var extraFirst: [Int32]   // positions added after construction, a linked list per node
    private var excess: [Int64]
    private var potential: [Int64]
    private var supplySum: Int64

    // Residual arcs, by position.
    private var head: [Int32]
    private var residual: [Int64]
    private var cost: [Int64]
    private var twin: [Int32]
    private var extraNext: [Int32]    // for positions ≥ baseCount: next position in the node's extra list
    private let baseCount: Int

    // Search scratch, reused across searches.
    private var dist: [Int64]
    private var predecessor: [Int32]
    private var labelled: [UInt32]
    private var settledMark: [UInt32]
    private var generation: UInt32 = 0
    private var heap = DistanceHeap()
    private var settled: [Int32] = []
    private var active: [Int32] = []

    /// Number of augmenting paths found so far (for benchmarks).
    public private(set) var augmentations = 0
    /// Number of nodes settled by all searches so far (for benchmarks).
    public private(set) var settledCount = 0

    /// Prepares `network` for solving; nothing is solved yet (call `solve()`).
    public init(_ network: FlowNetwork) {
        let n = network.nodeCount, m = network.arcCount
        arcTail = network.tails
        arcCapacity = network.capacities
        arcCost = network.costs
        supply = network.supplies
        supplySum = network.supplyBalance
        excess = network.supplies
        potential = Array(repeating: 0, count: n)

        // Counting sort of 2m residual arcs by tail: forward at the tail, reverse at the head.
        var start = [Int32](repeating: 0, count: n + 1)
        for i in 0..<m {
            start[Int(network.tails[i]) + 1] += 1
            start[Int(network.heads[i]) + 1] += 1
        }
        for v in 0..<n { start[v + 1] += start[v] }
        firstOut = start
        var fill = start
        head = [Int32](repeating: 0, count: 2 * m)
        residual = [Int64](repeating: 0, count: 2 * m)
        cost = [Int64](repeating: 0, count: 2 * m)
        twin = [Int32](repeating: 0, count: 2 * m)
        arcForward = [Int32](repeating: 0, count: m)
        for i in 0..<m {
            let u = Int(network.tails[i]), v = Int(network.heads[i])
            let f = fill[u]; fill[u] += 1
            let r = fill[v]; fill[v] += 1
            let c = network.costs[i], cap = network.capacities[i]
            head[Int(f)] = Int32(v); cost[Int(f)] = c; twin[Int(f)] = r
            head[Int(r)] = Int32(u); cost[Int(r)] = -c; twin[Int(r)] = f
            arcForward[i] = f
            if c < 0 {
                // Saturate: its reverse (cost −c > 0) is then the only residual copy.
                residual[Int(r)] = cap
                excess[u] -= cap; excess[v] += cap
            } else {
                residual[Int(f)] = cap
            }
        }
        baseCount = 2 * m
        extraFirst = Array(repeating: -1, count: n)
        extraNext = []
        dist = Array(repeating: 0, count: n)
        predecessor = Array(repeating: -1, count: n)
        labelled = Array(repeating: 0, count: n)
        settledMark = Array(repeating: 0, count: n)
        active = (0..<n).reversed().compactMap { excess[$0] > 0 ? Int32($0) : nil }
    }

    public var nodeCount: Int { supply.count }
    public var arcCount: Int { arcTail.count }

    // MARK: Solving

    /// Computes a minimum-cost flow from scratch or, after changes, repairs the current one.
    @discardableResult
    public mutating func solve() throws(FlowSolverError) -> Int64 {
        try reoptimize()
        return totalCost
    }

    /// Sends every remaining excess along shortest paths from the current potentials.
    public mutating func reoptimize() throws(FlowSolverError) {
        guard supplySum == 0 else { throw .unbalanced(supplyBalance: supplySum) }
        while let s = active.last {
            if excess[Int(s)] <= 0 { active.removeLast(); continue }
            let target = shortestPath(from: s)
            guard target >= 0 else { throw .infeasible(node: s) }
            augment(from: s, to: target)
        }
    }

    /// Dijkstra on reduced costs from `source` until a node with a deficit is settled; updates the
    /// potentials of the settled nodes. Returns that node, or −1 when none is reachable.
    private mutating func shortestPath(from source: Int32) -> Int32 {
        generation &+= 1
        let gen = generation
        var distA: [Int64] = [], predA: [Int32] = [], labA: [UInt32] = [], setA: [UInt32] = []
        var potA: [Int64] = [], settledA: [Int32] = [], heapA = DistanceHeap()
        swap(&distA, &dist); swap(&predA, &predecessor); swap(&labA, &labelled)
        swap(&setA, &settledMark); swap(&potA, &potential); swap(&settledA, &settled); swap(&heapA, &heap)
        defer {
            swap(&distA, &dist); swap(&predA, &predecessor); swap(&labA, &labelled)
            swap(&setA, &settledMark); swap(&potA, &potential); swap(&settledA, &settled); swap(&heapA, &heap)
        }
        settledA.removeAll(keepingCapacity: true)
        heapA.clear()
        var target: Int32 = -1
        var reach: Int64 = 0
        let extraBase = baseCount
        head.withUnsafeBufferPointer { head in
        residual.withUnsafeBufferPointer { residual in
        cost.withUnsafeBufferPointer { cost in
        firstOut.withUnsafeBufferPointer { firstOut in
        extraFirst.withUnsafeBufferPointer { extraFirst in
        extraNext.withUnsafeBufferPointer { extraNext in
        excess.withUnsafeBufferPointer { excess in
        distA.withUnsafeMutableBufferPointer { dist in
        predA.withUnsafeMutableBufferPointer { pred in
        labA.withUnsafeMutableBufferPointer { lab in
        setA.withUnsafeMutableBufferPointer { done in
        potA.withUnsafeMutableBufferPointer { pot in
            let s = Int(source)
            dist[s] = 0; pred[s] = -1; lab[s] = gen
            heapA.push(0, source)
            search: while !heapA.isEmpty {
                let (d, u32) = heapA.pop()
                let u = Int(u32)
                if done[u] == gen || d > dist[u] { continue }
                done[u] = gen
                settledA.append(u32)
                if excess[u] < 0 { target = u32; reach = d; break search }
                let base = d + pot[u]
                // Relaxes position a; returns true when it settled a deficit node at distance d.
                @inline(__always) func relax(_ a: Int) -> Bool {
                    if residual[a] == 0 { return false }
                    let v = Int(head[a])
                    if done[v] == gen { return false }
                    let nd = base + cost[a] - pot[v]
                    if lab[v] != gen || nd < dist[v] {
                        lab[v] = gen; dist[v] = nd; pred[v] = Int32(a)
                        if nd == d && excess[v] < 0 {
                            // Ties with the current minimum: v is settled now.
                            done[v] = gen; settledA.append(Int32(v))
                            target = Int32(v); reach = d
                            return true
                        }
                        heapA.push(nd, Int32(v))
                    }
                    return false
                }
                var a = Int(firstOut[u]); let end = Int(firstOut[u + 1])
                while a < end {
                    if relax(a) { break search }
                    a += 1
                }
                var x = Int(extraFirst[u])
                while x >= 0 {
                    if relax(x) { break search }
                    x = Int(extraNext[x - extraBase])
                }
            }
            if target >= 0 {
                for v32 in settledA {
                    let v = Int(v32)
                    pot[v] += dist[v] - reach
                }
            }
        }}}}}}}}}}}}
        settledCount += settledA.count
        return target
    }

    private mutating func augment(from source: Int32, to target: Int32) {
        var delta = min(excess[Int(source)], -excess[Int(target)])
        var v = target
        while v != source {
            let a = Int(predecessor[Int(v)])
            delta = min(delta, residual[a])
            v = head[Int(twin[a])]
        }
        v = target
        while v != source {
            let a = Int(predecessor[Int(v)])
            residual[a] -= delta
            residual[Int(twin[a])] += delta
            v = head[Int(twin[a])]
        }
        excess[Int(source)] -= delta
        excess[Int(target)] += delta
        augmentations += 1
    }

    // MARK: Reading the result

    /// The supply of `node` as it stands now.
    public func supply(of node: Int32) -> Int64 { supply[Int(node)] }

    /// Flow on original arc `arc`.
    public func flow(onArc arc: Int32) -> Int64 {
        residual[Int(twin[Int(arcForward[Int(arc)])])]
    }

    /// Flow on every arc, indexed like the network's arcs (including those added since).
    public var flow: [Int64] { (0..<arcCount).map { flow(onArc: Int32($0)) } }

    /// Σ cost·flow of the current flow.
    public var totalCost: Int64 {
        var total: Int64 = 0
        for i in 0..<arcCount { total &+= arcCost[i] &* flow(onArc: Int32(i)) }
        return total
    }

    /// The current potentials: an optimality certificate once `solve()` has returned.
    public var certificate: OptimalityCertificate { OptimalityCertificate(potentials: potential) }

    /// The network as it stands now (after additions, removals and supply changes).
    public var network: FlowNetwork {
        var net = FlowNetwork(nodeCount: 0)
        net.supplies = supply
        net.tails = arcTail
        net.heads = arcForward.map { head[Int($0)] }
        net.capacities = arcCapacity
        net.costs = arcCost
        return net
    }

    /// The current flow, its cost and its certificate.
    public var solution: FlowSolution {
        FlowSolution(flow: flow, cost: totalCost, certificate: certificate)
    }

    // MARK: Changing the network (then call `reoptimize()`)

    /// Adds a node and returns its id. Its potential is 0, the largest any node has (potentials start
    /// at 0 and only decrease), so arcs leaving it with non-negative cost keep non-negative reduced costs.
    @discardableResult
    public mutating func addNode(supply nodeSupply: Int64 = 0) -> Int32 {
        let id = Int32(supply.count)
        supply.append(nodeSupply)
        supplySum += nodeSupply
        firstOut.append(firstOut[firstOut.count - 1])
        extraFirst.append(-1)
        excess.append(nodeSupply)
        potential.append(0)
        dist.append(0); predecessor.append(-1); labelled.append(0); settledMark.append(0)
        if nodeSupply > 0 { active.append(id) }
        return id
    }

    /// Adds the arc `tail → head` and returns its id. An arc of negative reduced cost is saturated,
    /// which moves excess that the next `reoptimize()` routes.
    @discardableResult
    public mutating func addArc(from tail: Int32, to arcHead: Int32, capacity: Int64, cost arcCostValue: Int64) -> Int32 {
        precondition(tail >= 0 && Int(tail) < nodeCount && arcHead >= 0 && Int(arcHead) < nodeCount)
        precondition(capacity >= 0)
        let id = Int32(arcTail.count)
        let f = Int32(head.count), r = f + 1
        arcTail.append(tail); arcCapacity.append(capacity); arcCost.append(arcCostValue); arcForward.append(f)
        head.append(arcHead); cost.append(arcCostValue); twin.append(r)
        head.append(tail); cost.append(-arcCostValue); twin.append(f)
        extraNext.append(extraFirst[Int(tail)]); extraFirst[Int(tail)] = f
        extraNext.append(extraFirst[Int(arcHead)]); extraFirst[Int(arcHead)] = r
        let reduced = arcCostValue + potential[Int(tail)] - potential[Int(arcHead)]
        if reduced < 0 {
            residual.append(0); residual.append(capacity)
            moveExcess(capacity, from: tail, to: arcHead)
        } else {
            residual.append(capacity); residual.append(0)
        }
        return id
    }

    /// Sets the capacity of `arc` to 0 (removes it): any flow it carried becomes excess at its
    /// tail and deficit at its head for `reoptimize()` to reroute.
    public mutating func removeArc(_ arc: Int32) {
        let f = Int(arcForward[Int(arc)]), r = Int(twin[f])
        let carried = residual[r]
        residual[f] = 0; residual[r] = 0
        arcCapacity[Int(arc)] = 0
        if carried > 0 { moveExcess(-carried, from: arcTail[Int(arc)], to: head[f]) }
    }

    /// Changes the supply of `node`; supplies must sum to 0 again before `reoptimize()`.
    public mutating func setSupply(_ node: Int32, _ newSupply: Int64) {
        let delta = newSupply - supply[Int(node)]
        supply[Int(node)] = newSupply
        supplySum += delta
        excess[Int(node)] += delta
        if excess[Int(node)] > 0 { active.append(node) }
    }

    /// Pushes `amount` of flow onto the arc position pair (accounting only): tail loses, head gains.
    private mutating func moveExcess(_ amount: Int64, from tail: Int32, to arcHead: Int32) {
        excess[Int(tail)] -= amount
        excess[Int(arcHead)] += amount
        if excess[Int(tail)] > 0 { active.append(tail) }
        if excess[Int(arcHead)] > 0 { active.append(arcHead) }
    }
}
