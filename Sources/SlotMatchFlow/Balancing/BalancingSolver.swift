import SlotMatchCore

/// Solves an `AssignmentProblem` exactly and keeps the optimum up to date as requests and slots change.
///
/// Wraps `MinCostFlowSolver` on the `BalancingNetwork`. `addRequest`, `cancelRequest` and
/// `removeSlot` change the network in place and repair the optimum with a few shortest augmenting
/// paths from the current potentials (no fresh solve); `certificate` proves the result optimal.
/// Complexity and preconditions: those of `MinCostFlowSolver`; every request can always stay
/// unassigned, so the problem is always feasible.
public struct BalancingSolver: Sendable {
    public private(set) var layout: BalancingNetwork
    private var solver: MinCostFlowSolver
    /// Per request: its candidate arcs and their slots (initial edges, then added requests').
    private var candidates: [[(arc: Int32, slot: Int32)]]
    private var penaltyArcs: [Int32]
    private var cancelled: [Bool]
    private var outstanding: Int64

    public init(_ problem: AssignmentProblem) throws(InputError) {
        layout = try BalancingNetwork(problem)
        solver = MinCostFlowSolver(layout.network)
        candidates = Array(repeating: [], count: problem.requests.count)
        for (i, e) in problem.edges.enumerated() { candidates[Int(e.request)].append((layout.edgeArcs[i], e.slot)) }
        penaltyArcs = layout.penaltyArcs
        cancelled = Array(repeating: false, count: problem.requests.count)
        outstanding = Int64(problem.requests.count)
    }

    /// Computes (or, after changes, repairs) the optimal assignment.
    @discardableResult
    public mutating func solve() -> BalancedAssignment {
        // Always feasible and balanced: every request has its arc to the sink.
        do { try solver.reoptimize() } catch { preconditionFailure("balancing network is always feasible: \(error)") }
        return assignment
    }

    /// Adds a request with its feasible candidates (slot, search cost) and repairs the optimum.
    /// Returns the new request's index.
    @discardableResult
    public mutating func addRequest(_ request: AssignmentProblem.Request,
                                    candidates slots: [(slot: Int32, cost: Int64)]) throws(InputError) -> Int32 {
        let maxCost = FlowNetwork.maximumCost
        for (k, c) in slots.enumerated() {
            if c.slot < 0 || Int(c.slot) >= layout.slotCount {
                throw InputError(SourcePlace(jsonPath: "$.candidates[\(k)].slot"), "slot \(c.slot) does not exist",
                                 remedy: "Use an index below \(layout.slotCount).")
            }
            if c.cost.magnitude > maxCost.magnitude {
                throw InputError(SourcePlace(jsonPath: "$.candidates[\(k)].cost"), "the cost \(c.cost) is outside ±\(maxCost)",
                                 remedy: "Scale the search costs down.")
            }
        }
        guard request.unassignedPenalty >= 0 && request.unassignedPenalty <= maxCost else {
            throw InputError(SourcePlace(jsonPath: "$.unassignedPenalty"), "the penalty \(request.unassignedPenalty) is outside 0…\(maxCost)",
                             remedy: "Give a penalty between 0 and \(maxCost).")
        }
        let node = solver.addNode(supply: 1)
        let index = Int32(candidates.count)
        candidates.append(slots.map { c in
            (solver.addArc(from: node, to: layout.slotNode(c.slot), capacity: 1, cost: c.cost), c.slot)
        })
        penaltyArcs.append(solver.addArc(from: node, to: layout.sink, capacity: 1, cost: request.unassignedPenalty))
        cancelled.append(false)
        outstanding += 1
        solver.setSupply(layout.sink, -outstanding)
        solve()
        return index
    }

    /// Request `request` no longer needs a slot (cancelled appointment); repairs the optimum.
    public mutating func cancelRequest(_ request: Int32) {
        guard request >= 0, Int(request) < cancelled.count, !cancelled[Int(request)] else { return }
        cancelled[Int(request)] = true
        solver.setSupply(nodeOfRequest(request), 0)
        outstanding -= 1
        solver.setSupply(layout.sink, -outstanding)
        solve()
    }

    /// Slot `slot` is gone (taken elsewhere, agenda changed); repairs the optimum.
    public mutating func removeSlot(_ slot: Int32) {
        guard slot >= 0, Int(slot) < layout.slotCount else { return }
        solver.removeArc(layout.slotArcs[Int(slot)])
        solve()
    }

    private func nodeOfRequest(_ request: Int32) -> Int32 {
        Int(request) < layout.requestCount ? request : Int32(layout.network.nodeCount) + (request - Int32(layout.requestCount))
    }

    /// The current assignment (optimal after `solve()` or any change).
    public var assignment: BalancedAssignment {
        var slotOf = [Int32](repeating: -1, count: candidates.count)
        var unassigned: [Int32] = []
        for r in 0..<candidates.count where !cancelled[r] {
            if let used = candidates[r].first(where: { solver.flow(onArc: $0.arc) > 0 }) {
                slotOf[r] = used.slot
            } else if solver.flow(onArc: penaltyArcs[r]) > 0 {
                unassigned.append(Int32(r))
            }
        }
        let gpLoads = layout.practitionerArcs.map { $0.reduce(Int64(0)) { $0 + solver.flow(onArc: $1) } }
        let poleLoads = layout.poleArcs.map { $0.reduce(Int64(0)) { $0 + solver.flow(onArc: $1) } }
        return BalancedAssignment(slotOfRequest: slotOf, unassigned: unassigned, practitionerLoads: gpLoads,
                                  poleLoads: poleLoads, cost: solver.totalCost)
    }

    /// The network as it stands after the changes, its optimal flow and the certificate.
    public var network: FlowNetwork { solver.network }
    public var solution: FlowSolution { solver.solution }
}
