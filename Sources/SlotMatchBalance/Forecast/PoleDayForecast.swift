import SlotMatchCore

/// Expected demand against free SNP slots for one pole on one local day, and the overflow to ask for.
public struct PoleDayForecast: Sendable, Hashable {
    public var pole: Int32
    public var day: CivilDate
    /// Mean requests of the same weekday over the weeks used, in tenths (23 = 2.3 requests).
    public var expectedTenths: Int
    /// Weeks of history the mean is taken over (0: no history for that weekday yet; expected is 0).
    public var weeksUsed: Int
    /// Free SNP slots of the pole's GPs starting that day.
    public var freeSlots: Int
    /// Extra slots to ask the pole's GPs for ("créneaux surnuméraires"): ⌈expected⌉ − free, at least 0.
    public var shortfall: Int

    public init(pole: Int32, day: CivilDate, expectedTenths: Int, weeksUsed: Int, freeSlots: Int, shortfall: Int) {
        self.pole = pole; self.day = day; self.expectedTenths = expectedTenths; self.weeksUsed = weeksUsed
        self.freeSlots = freeSlots; self.shortfall = shortfall
    }
}
