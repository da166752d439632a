import SlotMatchCore

/// One `BYDAY` entry of a recurrence rule: a weekday, optionally with an ordinal (`MO`, `1FR`, `-1SU`).
///
/// RFC 5545 §3.3.10: with an ordinal, the entry means the nth such weekday of the month (or of the year),
/// counted from the end when negative; only MONTHLY and YEARLY rules may carry ordinals.
public struct RecurrenceWeekday: Sendable, Hashable, CustomStringConvertible {
    /// 0 for every such weekday of the interval; ±1 … ±53 otherwise.
    public var ordinal: Int
    public var weekday: Weekday

    public init(_ weekday: Weekday, ordinal: Int = 0) {
        self.weekday = weekday; self.ordinal = ordinal
    }

    /// The iCalendar form, e.g. `-2MO`.
    public var description: String { (ordinal == 0 ? "" : String(ordinal)) + weekday.icalCode }
}
