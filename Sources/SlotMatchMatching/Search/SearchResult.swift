/// The answer to a slot search: up to k ranked slots; when there are none, why, and the earliest
/// feasible slot after the deadline (flagged `outsideTarget`) if any.
public struct SearchResult: Sendable, Hashable {
    public var slots: [RankedSlot]
    /// Empty when `slots` is not.
    public var reasons: [NoSlotReason]
    public var outsideTargetOffer: RankedSlot?

    public init(slots: [RankedSlot], reasons: [NoSlotReason] = [], outsideTargetOffer: RankedSlot? = nil) {
        self.slots = slots; self.reasons = reasons; self.outsideTargetOffer = outsideTargetOffer
    }
}
