import SlotMatchMatching

/// The rules every policy of a replay shares, so their results compare: how far a patient may be sent,
/// how late an outside-target booking may be, the visibility the line sees, and the cost of a booking.
public struct ReplayOptions: Sendable, Hashable {
    /// GPs farther than this many travel minutes are not offered (as `SlotQuery.defaultMaxTravelMinutes`).
    public var maxTravelMinutes: Int
    /// When nothing starts by the deadline, online policies may book up to this long after it ("outside target").
    public var outsideTargetGraceSeconds: Int64
    /// The cost of a booking in the exact policies: weights.travelMinute × travel + weights.waitMinute × wait.
    public var weights: CostWeights
    /// Above this many request–slot arcs, `hindsight` starts from each request's cheapest arcs only, then adds the
    /// arcs left out that the flow's potentials price below zero until none is left (still exact).
    public var hindsightArcLimit: Int
    /// At most this many pricing rounds after the first solve; `hindsight` says `exact: false` when they did not
    /// prove the optimum (0: no pricing at all, the optimum of the first network only).
    public var hindsightPricingRounds: Int

    public init(maxTravelMinutes: Int = SlotQuery.defaultMaxTravelMinutes, outsideTargetGraceSeconds: Int64 = 24 * 3600,
                weights: CostWeights = .defaults, hindsightArcLimit: Int = 4_000_000, hindsightPricingRounds: Int = 1_000) {
        self.maxTravelMinutes = maxTravelMinutes; self.outsideTargetGraceSeconds = outsideTargetGraceSeconds
        self.weights = weights; self.hindsightArcLimit = hindsightArcLimit
        self.hindsightPricingRounds = hindsightPricingRounds
    }
}
