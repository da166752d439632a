import SlotMatchCore
import SlotMatchImport
import Testing

/// The raw wall-clock iterator as a VTIMEZONE reader uses it: onsets up to a horizon year.
@Suite struct RecurrenceReadingsTests {
    @Test func onsetsOfADaylightRuleUpToAHorizonYear() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")
        let onsets = rule.readings(from: LocalDateTime(year: 1981, month: 3, day: 29, hour: 2),
                                   through: LocalDateTime(year: 2030, month: 12, day: 31, hour: 23, minute: 59, second: 59),
                                   zone: .fixed(identifier: "CET", offsetSeconds: 3600))
        #expect(onsets.count == 50)
        #expect(onsets.allSatisfy { $0.date.weekday == .sunday && $0.date.month == 3 && $0.date.day >= 25 && $0.hour == 2 })
        #expect(onsets.last == LocalDateTime(year: 2030, month: 3, day: 31, hour: 2))
    }

    @Test func aUTCUntilIsReadWithTheOffsetBeforeTheOnset() throws {
        // US daylight time 1987-2006: first Sunday of April 02:00 EST, i.e. 07:00Z.
        let rule = try RecurrenceRule(parsing: "FREQ=YEARLY;BYMONTH=4;BYDAY=1SU;UNTIL=20060402T070000Z")
        let onsets = rule.readings(from: LocalDateTime(year: 1987, month: 4, day: 5, hour: 2),
                                   through: LocalDateTime(year: 2040, month: 1, day: 1),
                                   zone: .fixed(identifier: "EST", offsetSeconds: -5 * 3600))
        #expect(onsets.count == 20)
        #expect(onsets.last == LocalDateTime(year: 2006, month: 4, day: 2, hour: 2))
        // One second earlier, the 2006 onset (07:00Z) is past UNTIL.
        let late = try RecurrenceRule(parsing: "FREQ=YEARLY;BYMONTH=4;BYDAY=1SU;UNTIL=20060402T065959Z")
        #expect(late.readings(from: LocalDateTime(year: 1987, month: 4, day: 5, hour: 2), through: LocalDateTime(year: 2040, month: 1, day: 1),
                              zone: .fixed(identifier: "EST", offsetSeconds: -5 * 3600)).count == 19)
    }

    @Test func extremeWindowsDoNotOverflow() throws {
        let set = RecurrenceSet(start: .zoned(LocalDateTime(year: 2026, month: 12, day: 7, hour: 9), TestZones.paris),
                                rules: [try RecurrenceRule(parsing: "FREQ=DAILY")])
        #expect(set.occurrences(from: Instant(secondsSinceEpoch: .min), to: Instant(secondsSinceEpoch: .max), limit: 3).count == 3)
        #expect(set.occurrences(from: Instant(secondsSinceEpoch: .max - 10), to: Instant(secondsSinceEpoch: .max)).isEmpty)
        // 9999-12-28T12:26:40Z: the 29th, 30th and 31st remain before iCalendar runs out of years.
        let last = set.occurrences(from: Instant(secondsSinceEpoch: 253_402_000_000), to: Instant(secondsSinceEpoch: .max))
        #expect(last.count == 3 && last.last.map { TestZones.paris.localTime(of: $0).date.year } == 9999)
    }
}
