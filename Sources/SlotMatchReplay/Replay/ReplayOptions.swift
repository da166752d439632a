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
    /// Above this many request–slot arcs, `hindsight` keeps each request's cheapest arcs only (and says it is not exact).
    public var hindsightArcLimit: Int

    public init(maxTravelMinutes: Int = SlotQuery.defaultMaxTravelMinutes, outsideTargetGraceSeconds: Int64 = 24 * 3600,
                weights: CostWeights = .defaults, hindsightArcLimit: Int = 4_000_000) {
        self.maxTravelMinutes = maxTravelMinutes; self.outsideTargetGraceSeconds = outsideTargetGraceSeconds
        self.weights = weights; self.hindsightArcLimit = hindsightArcLimit
    }
}
