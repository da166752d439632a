import SlotMatchBalance
import SlotMatchCore
import SlotMatchFlow

/// The desk's warm optimum for `requests.assign`: the requests of the current window with the `BalancingSolver`
/// holding their joint optimum, so that the next single-request call adds its request with `addRequest` (a few
/// shortest augmenting paths from the current potentials) instead of solving the whole window again.
///
/// Valid while the store's slots, roster and loads are those it was built on (checked by the change sequence,
/// then by comparing the planner's input), for at most `maximumAgeSeconds` of clock (wait costs count from `now`).
struct AssignWindow {
    /// How long a window's `now` may stand for the clock.
    static let maximumAgeSeconds: Int64 = 60

    /// The store's change sequence when the window's slots were read.
    var sequence: Int64
    var now: Instant
    var horizonEnd: Instant
    /// The planner's input: the window's slots, GPs and every request in it (in solver order).
    var input: BalanceInput
    var solver: BalancingSolver
    /// Search cost of each candidate edge, by `request << 32 | slot`.
    var edgeCost: [Int64: Int64]
    var penalties: [Int64]
    var hasCandidate: Set<Int32>
    /// Every request's candidates are all its feasible slots (fewer than the planner's k were found), so the
    /// flow's certificate alone proves the optimum over every feasible slot after an `addRequest`.
    var exhaustive: Bool
    /// The fresh solve's pricing rounds proved the optimum over every feasible slot.
    var provenFresh = false
    /// Requests of the last call the planner could not take, with why (`deadline-passed`, `outside-territory`, `no-gp-slot`).
    var leftOut: [String: String] = [:]
    /// `addRequest` repairs done since the window's fresh solve.
    var incrementalAdds = 0

    init(sequence: Int64, now: Instant, horizonEnd: Instant, input: BalanceInput, plan: BalancePlan, solver: BalancingSolver,
         candidatesPerRequest: Int) {
        self.sequence = sequence; self.now = now; self.horizonEnd = horizonEnd; self.input = input; self.solver = solver
        edgeCost = [:]
        hasCandidate = []
        var perRequest = [Int](repeating: 0, count: input.requests.count)
        for e in plan.problem.edges {
            edgeCost[Int64(e.request) << 32 | Int64(e.slot)] = e.cost
            hasCandidate.insert(e.request)
            perRequest[Int(e.request)] += 1
        }
        penalties = plan.problem.requests.map(\.unassignedPenalty)
        exhaustive = perRequest.allSatisfy { $0 < candidatesPerRequest }
    }

    /// Remembers why the builder left requests out.
    mutating func note(_ built: BalanceInputBuilder.Built) {
        for id in built.overdue { leftOut[id] = "deadline-passed" }
        for line in built.skipped {
            guard let colon = line.firstIndex(of: ":") else { continue }
            leftOut[String(line[..<colon])] = line.contains("commune") ? "outside-territory" : "no-gp-slot"
        }
    }

    /// Adds one request with its candidates (from the planner on this very window) and repairs the optimum.
    mutating func add(_ request: BalanceRequest, penalty: Int64, candidates: [AssignmentProblem.Edge]) throws(InputError) {
        let r = try solver.addRequest(AssignmentProblem.Request(unassignedPenalty: penalty),
                                      candidates: candidates.map { (slot: $0.slot, cost: $0.cost) })
        input.requests.append(request)
        penalties.append(penalty)
        for e in candidates { edgeCost[Int64(r) << 32 | Int64(e.slot)] = e.cost; hasCandidate.insert(r) }
        incrementalAdds += 1
    }
}
