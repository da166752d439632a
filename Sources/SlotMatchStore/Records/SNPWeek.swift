import SlotMatchCore

/// The week over which a GP's weekly SNP cap is counted: the ISO 8601 week (Monday 00:00 to the next
/// Monday 00:00) in the territory's local time (Europe/Paris), as UTC instants.
///
/// A week with a DST change is 167 or 169 hours long; midnight is never in a Paris gap (changes happen at
/// 02:00/03:00), so both bounds exist (RFC 5545 §3.3.5 resolution applies otherwise).
public struct SNPWeek: Sendable, Hashable {
    /// The Monday the week starts on, local date.
    public var monday: CivilDate
    /// Monday 00:00 local, as a UTC instant (inclusive).
    public var start: Instant
    /// The next Monday 00:00 local (exclusive).
    public var end: Instant

    /// The ISO week that contains `instant` in `zone`.
    public init(containing instant: Instant, zone: ZoneRules) {
        let date = zone.localTime(of: instant).date
        // ISO 8601 §4.1.4: weeks start on Monday (Weekday.monday.rawValue == 1).
        monday = date.adding(days: 1 - date.weekday.rawValue)
        start = zone.instant(of: LocalDateTime(date: monday, secondOfDay: 0))
        end = zone.instant(of: LocalDateTime(date: monday.adding(days: 7), secondOfDay: 0))
    }
}
