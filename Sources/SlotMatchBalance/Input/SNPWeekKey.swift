import SlotMatchCore

/// The ISO week (Monday 00:00 → Monday 00:00 local time) an instant falls in, as the Monday's day number.
///
/// The same week the store's booking counts the weekly SNP cap in (`SNPWeek`), computed on integers.
public enum SNPWeekKey {
    /// Days since 1970-01-01 of the local Monday of the week containing `seconds` (UTC) in `zone`.
    public static func days(of seconds: Int64, in zone: ZoneRules) -> Int {
        let date = zone.localTime(of: Instant(secondsSinceEpoch: seconds)).date
        return date.daysSinceEpoch - (date.weekday.rawValue - 1)
    }
}
