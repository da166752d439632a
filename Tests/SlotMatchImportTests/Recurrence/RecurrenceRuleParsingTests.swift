import SlotMatchCore
import SlotMatchImport
import Testing

/// RRULE text → `RecurrenceRule`: the grammar of RFC 5545 §3.3.10 and its rejections.
@Suite struct RecurrenceRuleParsingTests {
    @Test func readsEveryPart() throws {
        let rule = try RecurrenceRule(parsing:
            "freq=Yearly;interval=2;count=7;bysecond=0,30;byminute=15;byhour=9,17;byday=MO,+2TU,-1SU;" +
            "bymonthday=1,-1;byyearday=100,-366;bymonth=1,12;bysetpos=1,-2;wkst=su")
        #expect(rule == RecurrenceRule(
            frequency: .yearly, interval: 2, count: 7, bySecond: [0, 30], byMinute: [15], byHour: [9, 17],
            byDay: [RecurrenceWeekday(.monday), RecurrenceWeekday(.tuesday, ordinal: 2), RecurrenceWeekday(.sunday, ordinal: -1)],
            byMonthDay: [1, -1], byYearDay: [100, -366], byMonth: [1, 12], bySetPosition: [1, -2], weekStart: .sunday))
        #expect(try RecurrenceRule(parsing: "FREQ=YEARLY;BYWEEKNO=1,-53").byWeekNumber == [1, -53])
    }

    struct UntilCase: Sendable, CustomTestStringConvertible {
        let text: String
        let until: RecurrenceUntil
        var testDescription: String { text }
    }

    static let untils: [UntilCase] = [
        UntilCase(text: "FREQ=DAILY;UNTIL=20261231", until: .date(CivilDate(year: 2026, month: 12, day: 31))),
        UntilCase(text: "FREQ=DAILY;UNTIL=20261231T170000", until: .local(LocalDateTime(year: 2026, month: 12, day: 31, hour: 17))),
        UntilCase(text: "FREQ=DAILY;UNTIL=20261231T170000Z",
                  until: .utc(Instant(secondsSinceEpoch: LocalDateTime(year: 2026, month: 12, day: 31, hour: 17).wallSeconds))),
        UntilCase(text: "UNTIL=19971007T000000Z;FREQ=WEEKLY", until: .utc(Instant(secondsSinceEpoch: 876_182_400))),
    ]

    @Test(arguments: untils)
    func readsUntilInEachForm(_ c: UntilCase) throws {
        #expect(try RecurrenceRule(parsing: c.text).until == c.until)
    }

    @Test func toleratesATrailingSemicolonAndSpaces() throws {
        #expect(try RecurrenceRule(parsing: "FREQ=WEEKLY; BYDAY=MO ;") == RecurrenceRule(frequency: .weekly, byDay: [RecurrenceWeekday(.monday)]))
    }

    struct Rejection: Sendable, CustomTestStringConvertible {
        let text: String
        /// A phrase the problem must contain, so the message says what is wrong.
        let problem: String
        var testDescription: String { text }
    }

    static let rejections: [Rejection] = [
        Rejection(text: "", problem: "no FREQ"),
        Rejection(text: "INTERVAL=2;BYDAY=MO", problem: "no FREQ"),
        Rejection(text: "FREQ=FORTNIGHTLY", problem: "not a recurrence frequency"),
        Rejection(text: "FREQ=WEEKLY;BYDAYS=MO", problem: "'BYDAYS' is not a part"),
        Rejection(text: "FREQ=WEEKLY;X-NAME=1", problem: "is not a part"),
        Rejection(text: "FREQ=WEEKLY;BYDAY", problem: "has no '='"),
        Rejection(text: "FREQ=WEEKLY;BYDAY=", problem: "has no value"),
        Rejection(text: "FREQ=WEEKLY;FREQ=DAILY", problem: "gives FREQ twice"),
        Rejection(text: "FREQ=DAILY;COUNT=5;UNTIL=20261231", problem: "both COUNT and UNTIL"),
        Rejection(text: "FREQ=DAILY;COUNT=0", problem: "COUNT=0 is out of range"),
        Rejection(text: "FREQ=DAILY;COUNT=-3", problem: "out of range"),
        Rejection(text: "FREQ=DAILY;COUNT=ten", problem: "is not a number"),
        Rejection(text: "FREQ=DAILY;INTERVAL=0", problem: "INTERVAL=0 is out of range"),
        Rejection(text: "FREQ=DAILY;INTERVAL=99999999999999999999999", problem: "out of range"),
        Rejection(text: "FREQ=DAILY;UNTIL=2026-12-31", problem: "not a date or a date-time"),
        Rejection(text: "FREQ=DAILY;UNTIL=20260230", problem: "does not exist"),
        Rejection(text: "FREQ=DAILY;UNTIL=20261231T250000Z", problem: "time of day that does not exist"),
        Rejection(text: "FREQ=DAILY;BYSECOND=61", problem: "out of range"),
        Rejection(text: "FREQ=DAILY;BYMINUTE=60", problem: "out of range"),
        Rejection(text: "FREQ=DAILY;BYHOUR=24", problem: "BYHOUR=24 is out of range"),
        Rejection(text: "FREQ=DAILY;BYHOUR=-1", problem: "out of range"),
        Rejection(text: "FREQ=MONTHLY;BYMONTHDAY=32", problem: "out of range"),
        Rejection(text: "FREQ=MONTHLY;BYMONTHDAY=0", problem: "out of range"),
        Rejection(text: "FREQ=MONTHLY;BYMONTHDAY=1,,2", problem: "is not a number"),
        Rejection(text: "FREQ=YEARLY;BYYEARDAY=367", problem: "out of range"),
        Rejection(text: "FREQ=YEARLY;BYWEEKNO=54", problem: "out of range"),
        Rejection(text: "FREQ=YEARLY;BYMONTH=13", problem: "out of range"),
        Rejection(text: "FREQ=YEARLY;BYMONTH=-1", problem: "out of range"),
        Rejection(text: "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=367", problem: "out of range"),
        Rejection(text: "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0", problem: "out of range"),
        Rejection(text: "FREQ=MONTHLY;BYDAY=XX", problem: "not a day of the week"),
        Rejection(text: "FREQ=MONTHLY;BYDAY=54MO", problem: "out of range"),
        Rejection(text: "FREQ=MONTHLY;BYDAY=0MO", problem: "out of range"),
        Rejection(text: "FREQ=WEEKLY;WKST=XY", problem: "not a day of the week"),
        Rejection(text: "FREQ=MONTHLY;BYWEEKNO=2", problem: "only allowed in a YEARLY rule"),
        Rejection(text: "FREQ=WEEKLY;BYDAY=1MO", problem: "only allowed with FREQ=MONTHLY or YEARLY"),
        Rejection(text: "FREQ=DAILY;BYDAY=-1FR", problem: "only allowed with FREQ=MONTHLY or YEARLY"),
        Rejection(text: "FREQ=YEARLY;BYWEEKNO=20;BYDAY=1MO", problem: "together with BYWEEKNO"),
        Rejection(text: "FREQ=WEEKLY;BYMONTHDAY=3", problem: "BYMONTHDAY is not allowed"),
        Rejection(text: "FREQ=MONTHLY;BYYEARDAY=3", problem: "BYYEARDAY is not allowed"),
        Rejection(text: "FREQ=MONTHLY;BYSETPOS=1", problem: "BYSETPOS needs another BYxxx part"),
    ]

    @Test(arguments: rejections)
    func rejectsWithPlaceProblemAndRemedy(_ r: Rejection) {
        let place = SourcePlace(file: "dr-martin.ics", line: 12, column: 1)
        do {
            _ = try RecurrenceRule(parsing: r.text, at: place)
            Issue.record("accepted \(r.text)")
        } catch let error as InputError {
            #expect(error.place == place)
            #expect(error.problem.contains(r.problem), "\(error.problem)")
            #expect(!error.remedy.isEmpty)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
