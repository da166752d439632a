import SlotMatchCore

/// One answer of the search: the slot, its GP, its cost and why, and the travel and waiting it means.
public struct RankedSlot: Sendable, Hashable {
    public var slotID: Int64
    public var practitioner: Int32
    public var start: Int64
    public var end: Int64
    public var mode: ConsultationMode
    public var cost: Int
    public var breakdown: CostBreakdown
    /// 0 for a video slot.
    public var travelMinutes: Int
    /// Whole minutes from now to the start.
    public var waitMinutes: Int
    /// The slot starts after the deadline: booking it is recorded as outside the target window.
    public var outsideTarget: Bool

    public init(slotID: Int64, practitioner: Int32, start: Int64, end: Int64, mode: ConsultationMode, cost: Int,
                breakdown: CostBreakdown, travelMinutes: Int, waitMinutes: Int, outsideTarget: Bool) {
        self.slotID = slotID; self.practitioner = practitioner; self.start = start; self.end = end; self.mode = mode
        self.cost = cost; self.breakdown = breakdown; self.travelMinutes = travelMinutes; self.waitMinutes = waitMinutes
        self.outsideTarget = outsideTarget
    }

    /// The answer order: cost, then start, then slot id (deterministic).
    @inline(__always)
    static func precedes(cost: Int, start: Int64, id: Int64, _ b: RankedSlot) -> Bool {
        if cost != b.cost { return cost < b.cost }
        if start != b.start { return start < b.start }
        return id < b.slotID
    }
}
