import SlotMatchFlow

/// The result of a balance run: the moves, what they gain, the loads before and after, and the exact flow
/// problem solved (for `--export-dimacs`), with the optimality certificate checked.
public struct BalancePlan: Sendable {
    public var moves: [BalanceMove]
    /// Requests left without a slot (index into `BalanceInput.requests`), most urgent first.
    public var unassigned: [Int32]
    /// The slot index each request ends with (−1: none), parallel to `BalanceInput.requests`.
    public var slotOfRequest: [Int32]
    /// Total cost of the situation before (edges + penalties + load costs), by the same measure as `costAfter`.
    public var costBefore: Int64
    /// The optimum found.
    public var costAfter: Int64
    public var practitionerLoads: [PractitionerWeekLoad]
    public var poleLoads: [PoleLoad]
    /// The assignment problem given to the solver, and its network (what `--export-dimacs` writes).
    public var problem: AssignmentProblem
    public var network: FlowNetwork
    /// The solver's certificate verified against its flow (reduced costs non-negative on every residual arc).
    public var certified: Bool
    /// Candidate edges in the final problem.
    public var candidateEdgeCount: Int
    /// Solves done by the pricing rounds (1 when the first candidates already sufficed).
    public var pricingRounds: Int
    /// The optimality certificate also proves that no feasible slot left out of the candidates could lower the cost:
    /// the plan is optimal over every feasible slot, not only the k best of each request.
    public var exactOverAllFeasibleSlots: Bool
    /// The solver holding this optimum, to repair it incrementally (`addRequest`) instead of solving afresh.
    public var solver: BalancingSolver?

    public init(moves: [BalanceMove], unassigned: [Int32], slotOfRequest: [Int32], costBefore: Int64, costAfter: Int64,
                practitionerLoads: [PractitionerWeekLoad], poleLoads: [PoleLoad], problem: AssignmentProblem,
                network: FlowNetwork, certified: Bool, candidateEdgeCount: Int, pricingRounds: Int = 1,
                exactOverAllFeasibleSlots: Bool = false, solver: BalancingSolver? = nil) {
        self.moves = moves; self.unassigned = unassigned; self.slotOfRequest = slotOfRequest
        self.costBefore = costBefore; self.costAfter = costAfter
        self.practitionerLoads = practitionerLoads; self.poleLoads = poleLoads; self.problem = problem
        self.network = network; self.certified = certified; self.candidateEdgeCount = candidateEdgeCount
        self.pricingRounds = pricingRounds; self.exactOverAllFeasibleSlots = exactOverAllFeasibleSlots
        self.solver = solver
    }

    /// The DIMACS min-cost-flow text of the solved network (1-based nodes, `c` comment lines first).
    public func dimacs(comments: [String] = []) -> [UInt8] { DIMACSWriter.bytes(of: network, comments: comments) }
}
