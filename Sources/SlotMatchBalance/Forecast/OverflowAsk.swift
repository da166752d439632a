import SlotMatchCore

/// Extra slots to ask one GP for on one day, so their pole meets the expected demand.
public struct OverflowAsk: Sendable, Hashable {
    public var pole: Int32
    public var day: CivilDate
    /// Index into the practitioners.
    public var practitioner: Int32
    public var extraSlots: Int
    public init(pole: Int32, day: CivilDate, practitioner: Int32, extraSlots: Int) {
        self.pole = pole; self.day = day; self.practitioner = practitioner; self.extraSlots = extraSlots
    }
}
