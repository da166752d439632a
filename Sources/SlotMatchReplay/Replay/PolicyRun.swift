/// The outcome of every request of an instance under one policy.
public struct PolicyRun: Sendable, Hashable {
    public var policy: ReplayPolicy
    /// In the instance's request order.
    public var outcomes: [RequestOutcome]
    /// `hindsight`: true when the flow's potentials prove its assignment optimal over every feasible request–slot
    /// arc (false only when `ReplayOptions.hindsightPricingRounds` ran out). `batch`: false when a window dropped arcs
    /// (over 5,000 per request). Others: true.
    public var exact: Bool

    public init(policy: ReplayPolicy, outcomes: [RequestOutcome], exact: Bool = true) {
        self.policy = policy; self.outcomes = outcomes; self.exact = exact
    }
}
