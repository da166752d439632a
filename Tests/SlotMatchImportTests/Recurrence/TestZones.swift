import SlotMatchCore

/// Hand-built zone rules for the recurrence tests, computed with CivilDate so that no test reads
/// the system's zoneinfo: US Eastern (the RFC 5545 examples' America/New_York) and Europe/Paris.
enum TestZones {
    /// America/New_York 1990-2040. Until 2006: first Sunday of April 02:00 EST → EDT, last Sunday of
    /// October 02:00 EDT → EST. From 2007: second Sunday of March, first Sunday of November.
    static let newYork: ZoneRules = {
        var transitions: [(instant: Int64, offsetAfter: Int32)] = []
        for year in 1990 ... 2040 {
            let spring = year < 2007 ? nth(1, .sunday, month: 4, year: year) : nth(2, .sunday, month: 3, year: year)
            let autumn = year < 2007 ? last(.sunday, month: 10, year: year) : nth(1, .sunday, month: 11, year: year)
            transitions.append((utc(spring, hour: 7), -4 * 3600))   // 02:00 EST
            transitions.append((utc(autumn, hour: 6), -5 * 3600))   // 02:00 EDT
        }
        return ZoneRules(identifier: "America/New_York", initialOffset: -5 * 3600, transitions: transitions)
    }()

    /// Europe/Paris 1996-2040: last Sunday of March 01:00 UTC → +2, last Sunday of October 01:00 UTC → +1.
    static let paris: ZoneRules = {
        var transitions: [(instant: Int64, offsetAfter: Int32)] = []
        for year in 1996 ... 2040 {
            transitions.append((utc(last(.sunday, month: 3, year: year), hour: 1), 2 * 3600))
            transitions.append((utc(last(.sunday, month: 10, year: year), hour: 1), 3600))
        }
        return ZoneRules(identifier: "Europe/Paris", initialOffset: 3600, transitions: transitions)
    }()

    /// The `n`th `weekday` of a month.
    static func nth(_ n: Int, _ weekday: Weekday, month: Int, year: Int) -> CivilDate {
        let first = CivilDate(year: year, month: month, day: 1)
        let shift = (weekday.rawValue - first.weekday.rawValue + 7) % 7
        return first.adding(days: shift + 7 * (n - 1))
    }

    /// The last `weekday` of a month.
    static func last(_ weekday: Weekday, month: Int, year: Int) -> CivilDate {
        let end = CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))
        return end.adding(days: -((end.weekday.rawValue - weekday.rawValue + 7) % 7))
    }

    static func utc(_ date: CivilDate, hour: Int) -> Int64 { Int64(date.daysSinceEpoch) * 86_400 + Int64(hour) * 3600 }
}
