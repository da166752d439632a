/// The outcome of every request of an instance under one policy.
public struct PolicyRun: Sendable, Hashable {
    public var policy: ReplayPolicy
    /// In the instance's request order.
    public var outcomes: [RequestOutcome]
    /// False when an exact policy had to drop some request–slot arcs (see `ReplayOptions.hindsightArcLimit`).
    public var exact: Bool

    public init(policy: ReplayPolicy, outcomes: [RequestOutcome], exact: Bool = true) {
        self.policy = policy; self.outcomes = outcomes; self.exact = exact
    }
}
