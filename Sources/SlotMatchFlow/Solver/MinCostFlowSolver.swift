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
/// **Incremental use.** `addNode`, `addArc`, `removeArc` and `setSupply` change the network in
/// place (added arcs live in per-node linked lists beside the CSR); `reoptimize()` then routes only
/// the excess the change created. A deficit left by a removal is first passed down flow-carrying
/// arcs of reduced cost 0 (this keeps every optimality condition), so it meets the rerouted unit
/// near the sink after a short search.
///
/// **Complexity.** O(U · (m + n) log n) for total supply U (each search is a binary-heap Dijkstra
/// that may, in the worst case, settle every node); memory O(n + m): per residual arc a head (Int32),
/// twin (Int32), residual capacity and cost (Int64), in CSR order so a node's arcs are contiguous.
///
/// **Preconditions.** Integer costs and capacities, lower bounds 0, supplies summing to 0.
/// Negative costs are allowed: the initial potentials are then Bellman–Ford distances when the
/// arcs with capacity hold no negative cycle; otherwise every negative arc is saturated at the
/// start (capacities are finite), which leaves only non-negative reduced costs with `π = 0`. Arithmetic overflow is not checked here:
/// the readers bound costs to ±`FlowNetwork.maximumCost` and capacities to `maximumCapacity`,
/// which keeps every distance and potential far below 2⁶³.
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
    private var isForwardPosition: [Bool]
    private var extraNext: [Int32]    // for positions ≥ baseCount: next position in the node's extra list
    private let baseCount: Int

    // Search scratch, reused across searches.
    private var dist: [Int64]
    private var predecessor: [Int32]
    /// Per node: 2·generation once labelled in the current search, 2·generation + 1 once settled.
    private var mark: [UInt32]
    private var generation: UInt32 = 0
    private var heap = DistanceHeap()
    private var settled: [Int32] = []
    private var zeroStack: [Int32] = []
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
        potential = Array(repeating: 0, count: n)

        // Counting sort of 2m residual arcs by tail: forward at the tail, reverse at the head.
        var start = [Int32](repeating: 0, count: n + 1)
        start.withUnsafeMutableBufferPointer { start in
            for t in network.tails { start[Int(t) + 1] += 1 }
            for h in network.heads { start[Int(h) + 1] += 1 }
        }
        for v in 0..<n { start[v + 1] += start[v] }
        firstOut = start
        var fill = start
        var headA = [Int32](repeating: 0, count: 2 * m)
        var residualA = [Int64](repeating: 0, count: 2 * m)
        var costA = [Int64](repeating: 0, count: 2 * m)
        var twinA = [Int32](repeating: 0, count: 2 * m)
        var forwardFlag = [Bool](repeating: false, count: 2 * m)
        var forwardA = [Int32](repeating: 0, count: m)
        var excessA = network.supplies
        // One pass over the arcs on raw buffers: this runs on 2 million arcs at national scale.
        network.tails.withUnsafeBufferPointer { tails in
        network.heads.withUnsafeBufferPointer { heads in
        network.costs.withUnsafeBufferPointer { costs in
        network.capacities.withUnsafeBufferPointer { caps in
        fill.withUnsafeMutableBufferPointer { fill in
        headA.withUnsafeMutableBufferPointer { head in
        residualA.withUnsafeMutableBufferPointer { residual in
        costA.withUnsafeMutableBufferPointer { cost in
        twinA.withUnsafeMutableBufferPointer { twin in
        forwardFlag.withUnsafeMutableBufferPointer { isForward in
        forwardA.withUnsafeMutableBufferPointer { arcForward in
        excessA.withUnsafeMutableBufferPointer { excess in
            for i in 0..<m {
                let u = Int(tails[i]), v = Int(heads[i])
                let f = Int(fill[u]); fill[u] += 1
                let r = Int(fill[v]); fill[v] += 1
                let c = costs[i], cap = caps[i]
                head[f] = Int32(v); cost[f] = c; twin[f] = Int32(r)
                head[r] = Int32(u); cost[r] = -c; twin[r] = Int32(f)
                arcForward[i] = Int32(f)
                isForward[f] = true
                residual[f] = cap
            }
        }}}}}}}}}}}}
        head = headA; residual = residualA; cost = costA; twin = twinA
        isForwardPosition = forwardFlag; arcForward = forwardA; excess = excessA
        baseCount = 2 * m
        extraFirst = Array(repeating: -1, count: n)
        extraNext = []
        dist = Array(repeating: 0, count: n)
        predecessor = Array(repeating: -1, count: n)
        mark = Array(repeating: 0, count: n)
        if network.costs.contains(where: { $0 < 0 }) && !initialPotentialsByBellmanFord() {
            saturateNegativeArcs()
        }
        active = (0..<n).reversed().compactMap { excess[$0] > 0 ? Int32($0) : nil }
    }

    /// Negative costs, first way: potentials = shortest distances from a virtual source (queue-based
    /// Bellman–Ford over arcs with capacity, AMO §5.4), after which every reduced cost is ≥ 0 and no
    /// flow has to move. Gives up (returns false) on a negative cycle or after 20·(n + m) relaxations.
    private mutating func initialPotentialsByBellmanFord() -> Bool {
        let n = nodeCount
        var distance = [Int64](repeating: 0, count: n)
        var inQueue = [Bool](repeating: true, count: n)
        var passes = [Int32](repeating: 0, count: n)
        var queue = [Int32](0..<Int32(n))
        var headIndex = 0
        var budget = 20 * (n + head.count)
        while headIndex < queue.count {
            let u = Int(queue[headIndex]); headIndex += 1
            if headIndex > 4 * n { queue.removeFirst(headIndex); headIndex = 0 }
            inQueue[u] = false
            passes[u] += 1
            if passes[u] > Int32(n) { return false }   // a negative cycle
            for a in Int(firstOut[u])..<Int(firstOut[u + 1]) where isForwardPosition[a] && residual[a] > 0 {
                budget -= 1
                if budget < 0 { return false }
                let v = Int(head[a])
                let candidate = distance[u] + cost[a]
                if candidate < distance[v] {
                    distance[v] = candidate
                    if !inQueue[v] { inQueue[v] = true; queue.append(Int32(v)) }
                }
            }
        }
        potential = distance
        return true
    }

    /// Negative costs, second way (any network, negative cycles included): saturate every arc of
    /// negative cost; its reverse (cost −c > 0) is then its only residual copy, and the excess this
    /// moves is routed by the solve.
    private mutating func saturateNegativeArcs() {
        for i in 0..<arcTail.count where arcCost[i] < 0 {
            let f = Int(arcForward[i]), r = Int(twin[f])
            let cap = residual[f]
            residual[f] = 0; residual[r] = cap
            excess[Int(arcTail[i])] -= cap; excess[Int(head[f])] += cap
        }
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
        if generation >= UInt32.max / 2 - 1 {
            generation = 0
            for i in mark.indices { mark[i] = 0 }
        }
        generation += 1
        let labelStamp = 2 * generation, doneStamp = 2 * generation + 1
        var distA: [Int64] = [], predA: [Int32] = [], markA: [UInt32] = []
        var potA: [Int64] = [], settledA: [Int32] = [], heapA = DistanceHeap()
        swap(&distA, &dist); swap(&predA, &predecessor); swap(&markA, &mark)
        swap(&potA, &potential); swap(&settledA, &settled); swap(&heapA, &heap)
        defer {
            swap(&distA, &dist); swap(&predA, &predecessor); swap(&markA, &mark)
            swap(&potA, &potential); swap(&settledA, &settled); swap(&heapA, &heap)
        }
        settledA.removeAll(keepingCapacity: true)
        heapA.clear()
        var sameDistance: [Int32] = []
        swap(&sameDistance, &zeroStack)
        sameDistance.removeAll(keepingCapacity: true)
        defer { swap(&sameDistance, &zeroStack) }
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
        markA.withUnsafeMutableBufferPointer { mark in
        potA.withUnsafeMutableBufferPointer { pot in
            let s = Int(source)
            dist[s] = 0; pred[s] = -1; mark[s] = labelStamp
            heapA.push(0, source)
            // Nodes reached at exactly the current minimum distance are final at once: they wait on a
            // stack instead of the heap (zero reduced costs are common on reverse and slot arcs).
            var current: Int64 = 0
            search: while true {
                let d: Int64, u32: Int32
                if let top = sameDistance.popLast() {
                    d = current; u32 = top
                } else if !heapA.isEmpty {
                    (d, u32) = heapA.pop()
                    current = d
                } else {
                    break search
                }
                let u = Int(u32)
                if mark[u] == doneStamp || d > dist[u] { continue }
                mark[u] = doneStamp
                settledA.append(u32)
                if excess[u] < 0 { target = u32; reach = d; break search }
                let base = d + pot[u]
                // Relaxes position a; returns true when it settled a deficit node at distance d.
                @inline(__always) func relax(_ a: Int) -> Bool {
                    if residual[a] == 0 { return false }
                    let v = Int(head[a])
                    let mv = mark[v]
                    if mv == doneStamp { return false }
                    let nd = base + cost[a] - pot[v]
                    if mv != labelStamp || nd < dist[v] {
                        mark[v] = labelStamp; dist[v] = nd; pred[v] = Int32(a)
                        if nd == d && excess[v] < 0 {
                            // Ties with the current minimum: v is settled now.
                            mark[v] = doneStamp; settledA.append(Int32(v))
                            target = Int32(v); reach = d
                            return true
                        }
                        if nd == d { sameDistance.append(Int32(v)) } else { heapA.push(nd, Int32(v)) }
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
        }}}}}}}}}}}
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
        dist.append(0); predecessor.append(-1); mark.append(0)
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
        isForwardPosition.append(true); isForwardPosition.append(false)
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
        if carried > 0 {
            moveExcess(-carried, from: arcTail[Int(arc)], to: head[f])
            passDeficitDownstream(from: head[f])
        }
    }

    /// Changes the supply of `node`; supplies must sum to 0 again before `reoptimize()`.
    public mutating func setSupply(_ node: Int32, _ newSupply: Int64) {
        let delta = newSupply - supply[Int(node)]
        supply[Int(node)] = newSupply
        supplySum += delta
        excess[Int(node)] += delta
        if excess[Int(node)] > 0 { active.append(node) }
        if excess[Int(node)] < 0 { passDeficitDownstream(from: node) }
    }

    /// Moves a deficit at `node` down the flow it sends, over arcs of reduced cost exactly 0.
    ///
    /// Taking flow off such an arc keeps every reduced-cost condition (its forward copy gains
    /// capacity at reduced cost 0), so the optimality invariant holds. This carries the deficit left
    /// by a removed slot or a cancelled request down to the sink, where the rerouted unit finds it
    /// after a short search, instead of a search that must reach back up to a GP node. At most
    /// `limit` steps, so zero-cost flow cycles cannot trap it.
    private mutating func passDeficitDownstream(from node: Int32, limit: Int = 64) {
        var v = Int(node)
        for _ in 0..<limit {
            guard excess[v] < 0 else { return }
            var next = -1
            var positions = Array(Int(firstOut[v])..<Int(firstOut[v + 1]))
            var x = Int(extraFirst[v])
            while x >= 0 { positions.append(x); x = Int(extraNext[x - baseCount]) }
            for a in positions {
                let r = Int(twin[a])
                // A forward copy carrying flow (its reverse has residual) with reduced cost 0.
                guard isForwardPosition[a], residual[r] > 0 else { continue }
                let w = Int(head[a])
                if cost[a] + potential[v] - potential[w] != 0 { continue }
                let delta = min(-excess[v], residual[r])
                residual[r] -= delta; residual[a] += delta
                excess[v] += delta; excess[w] -= delta
                next = w
                break
            }
            if next < 0 { return }
            v = next
        }
    }


    /// Pushes `amount` of flow onto the arc position pair (accounting only): tail loses, head gains.
    private mutating func moveExcess(_ amount: Int64, from tail: Int32, to arcHead: Int32) {
        excess[Int(tail)] -= amount
        excess[Int(arcHead)] += amount
        if excess[Int(tail)] > 0 { active.append(tail) }
        if excess[Int(arcHead)] > 0 { active.append(arcHead) }
    }
}
