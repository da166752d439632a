import SlotMatchCore
import SlotMatchMatching

/// The knobs of a balance run: the operator's cost, how many candidates per request, the penalties and the
/// shape of the convex load costs.
public struct BalanceSettings: Sendable, Hashable {
    /// The operator's weights (`docs/ranking.md`). Travel, wait and the treating-GP bonus price the candidate
    /// edges; `practitionerLoad` and `poleLoad` are the slopes of the convex load costs at full capacity.
    public var weights: CostWeights
    public var travel: TravelModel
    /// Candidates per request: its k best feasible slots from the slot index (plus its current slot).
    public var candidatesPerRequest: Int
    /// Leaving a within-48h request without a slot costs at least this (the planner raises it above any edge and
    /// load cost the horizon allows, so a feasible slot is always taken); doubling per more urgent level.
    public var basePenalty: Int64
    /// What taking away a pending appointment costs, at least (raised to 16 × the base penalty): the job moves,
    /// never drops.
    public var keepPenalty: Int64
    /// Load thresholds in ‰ of the capacity where the marginal load cost steps up.
    public var loadBreakpointsPermille: [Int64]
    /// Marginal load cost per segment, in quarters of the weight (`[0, 1, 2, 4]`: free to 50 %, then ¼, ½, all).
    public var loadQuarterSlopes: [Int64]
    public var maxTravelMinutes: Int
    /// Most solves of the pricing rounds (each doubles the candidate lists that could still improve the optimum).
    public var maxPricingRounds: Int

    public init(weights: CostWeights = .defaults, travel: TravelModel = TravelModel(), candidatesPerRequest: Int = 32,
                basePenalty: Int64 = 300, keepPenalty: Int64 = 1_000_000, loadBreakpointsPermille: [Int64] = [500, 750, 900],
                loadQuarterSlopes: [Int64] = [0, 1, 2, 4], maxTravelMinutes: Int = SlotQuery.defaultMaxTravelMinutes,
                maxPricingRounds: Int = 6) {
        self.weights = weights.clamped; self.travel = travel; self.candidatesPerRequest = candidatesPerRequest
        self.basePenalty = basePenalty; self.keepPenalty = keepPenalty
        self.loadBreakpointsPermille = loadBreakpointsPermille; self.loadQuarterSlopes = loadQuarterSlopes
        self.maxTravelMinutes = maxTravelMinutes
        self.maxPricingRounds = max(1, maxPricingRounds)
    }

    public static let defaults = BalanceSettings()

    /// Most candidate edges the pricing rounds may grow to: 4 × k per request, at least 100,000 (memory stays in
    /// the tens of megabytes; beyond it the plan is still optimal over its candidates, reported as not exact).
    public func candidateEdgeBudget(requests: Int) -> Int { max(100_000, 4 * candidatesPerRequest * requests) }
}
