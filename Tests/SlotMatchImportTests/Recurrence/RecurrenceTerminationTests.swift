import SlotMatchCore
import SlotMatchImport
import Testing

/// Rules that can never produce an instance after DTSTART must end, not search forever.
@Suite struct RecurrenceTerminationTests {
    static let neverMatching = [
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31",
        "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31;BYDAY=MO",
        "FREQ=YEARLY;BYYEARDAY=366;BYMONTH=1",
        "FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29",   // DTSTART 2025: every 4 years from 2025 never leap
        "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=MONTHLY;BYDAY=MO;BYMONTHDAY=1,2;BYMONTH=6;BYSETPOS=3",
        "FREQ=WEEKLY;BYDAY=MO;BYSETPOS=2",
        "FREQ=WEEKLY;BYMONTH=11;BYDAY=SU;BYHOUR=9;BYSETPOS=-2",
        "FREQ=DAILY;BYMONTH=4;BYMONTHDAY=31",
        "FREQ=DAILY;BYSECOND=60",
        "FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=HOURLY;INTERVAL=2;BYHOUR=1,3,5",
        "FREQ=MINUTELY;BYMONTHDAY=-31;BYMONTH=6",
        "FREQ=MINUTELY;INTERVAL=2;BYMINUTE=1,3",
        "FREQ=SECONDLY;BYMONTH=11;BYMONTHDAY=31",
        "FREQ=SECONDLY;INTERVAL=2;BYSECOND=1",
    ]

    @Test(arguments: neverMatching)
    func endsWithOnlyDtstart(_ text: String) throws {
        let start = LocalDateTime(year: 2025, month: 1, day: 6, hour: 10)
        let rule = try RecurrenceRule(parsing: text)
        var expansion = rule.expand(from: start)
        #expect(expansion.next() == start)
        #expect(expansion.next() == nil)
        let set = RecurrenceSet(start: .floating(start, TestZones.paris), rules: [rule])
        let all = set.occurrences(from: Instant(secondsSinceEpoch: 0), to: Instant(secondsSinceEpoch: 300_000_000_000))
        #expect(all == [TestZones.paris.instant(of: start)])
    }

    @Test func anUnboundedRuleStopsAtYear9999() throws {
        var expansion = try RecurrenceRule(parsing: "FREQ=YEARLY;INTERVAL=1000").expand(from: LocalDateTime(year: 2026, month: 6, day: 1))
        var years: [Int] = []
        while let next = expansion.next() { years.append(next.date.year) }
        #expect(years == [2026, 3026, 4026, 5026, 6026, 7026, 8026, 9026])
    }

    @Test func hugeIntervalsDoNotOverflow() throws {
        for f in ["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"] {
            var expansion = try RecurrenceRule(parsing: "FREQ=\(f);INTERVAL=\(Int.max)").expand(from: LocalDateTime(year: 2026, month: 6, day: 1))
            #expect(expansion.next() != nil)
            #expect(expansion.next() == nil)
        }
    }

    @Test func everySecondOfTheYearIsNeverHeldInMemoryAtOnce() throws {
        let all = (0 ... 59).map(String.init).joined(separator: ",")
        let hours = (0 ... 23).map(String.init).joined(separator: ",")
        let every = "FREQ=YEARLY;BYYEARDAY=\((1 ... 366).map(String.init).joined(separator: ","));BYHOUR=\(hours);BYMINUTE=\(all);BYSECOND=\(all)"
        let start = LocalDateTime(year: 2026, month: 1, day: 1)
        let first = try RecurrenceRule(parsing: every).expand(from: start)
        #expect(first.prefix(3).map { $0 } == [start, LocalDateTime(year: 2026, month: 1, day: 1, second: 1), LocalDateTime(year: 2026, month: 1, day: 1, second: 2)])
        // BYSETPOS=-1 over 31,536,000 candidates: the last second of each year.
        let last = try RecurrenceRule(parsing: every + ";BYSETPOS=-1;COUNT=3").expand(from: start).map { $0 }
        #expect(last == [start, LocalDateTime(year: 2026, month: 12, day: 31, hour: 23, minute: 59, second: 59),
                         LocalDateTime(year: 2027, month: 12, day: 31, hour: 23, minute: 59, second: 59)])
    }
}
