import Testing
import SlotMatchCore
import SlotMatchImport

@Suite struct ValueParserTests {
    static func property(_ line: String) -> CalendarProperty {
        let c = try! ContentLine.parse(Array(line.utf8))
        return CalendarProperty(name: c.name, parameters: c.parameters, value: c.value, place: SourcePlace(file: "v.ics", line: 9))
    }

    @Test(arguments: [
        ("a\\,b\\;c\\\\d", "a,b;c\\d"),
        ("line1\\nline2\\Nline3", "line1\nline2\nline3"),
        ("plain", "plain"),
        ("Caf\\é", "Café"),
        ("trailing\\", "trailing\\"),
    ])
    func textUnescape(raw: String, expected: String) {
        #expect(TextValue.unescape(raw) == expected)
    }

    @Test(arguments: [
        ("SNP,Cabinet", ["SNP", "Cabinet"]),
        ("a\\,b,c", ["a,b", "c"]),
        ("one", ["one"]),
        ("x\\\\,y", ["x\\", "y"]),
    ])
    func textLists(raw: String, expected: [String]) {
        #expect(TextValue.splitList(raw) == expected)
    }

    @Test(arguments: [
        ("DTSTART;VALUE=DATE:20261224", DateTimeValue.date(CivilDate(year: 2026, month: 12, day: 24))),
        ("DTSTART:20261224", DateTimeValue.date(CivilDate(year: 2026, month: 12, day: 24))),
        ("DTSTART:19980119T070000Z", DateTimeValue.utc(Instant(secondsSinceEpoch: 885_193_200))),
        ("DTSTART;TZID=America/New_York:19980119T020000",
         DateTimeValue.zoned(LocalDateTime(year: 1998, month: 1, day: 19, hour: 2), tzid: "America/New_York")),
        ("DTSTART:19980118T230000", DateTimeValue.floating(LocalDateTime(year: 1998, month: 1, day: 18, hour: 23))),
        ("DTSTART:20161231T235960Z", DateTimeValue.utc(Instant(secondsSinceEpoch: 1_483_228_799))),
    ])
    func dateTimes(line: String, expected: DateTimeValue) throws {
        #expect(try DateTimeValue.parse(Self.property(line)) == expected)
    }

    @Test(arguments: [
        "DTSTART:2026-12-24", "DTSTART:20261324", "DTSTART:20260230T090000", "DTSTART;VALUE=DATE:20261224T090000",
        "DTSTART;VALUE=DATE-TIME:20261224", "DTSTART:20261224T250000", "DTSTART:", "DTSTART:20261224T0900",
    ])
    func badDateTimes(line: String) {
        do {
            _ = try DateTimeValue.parse(Self.property(line))
            Issue.record("accepted \(line)")
        } catch {
            #expect(error.place.line == 9)
            #expect(error.problem.contains("DTSTART"))
        }
    }

    @Test func dateTimeLists() throws {
        let values = try DateTimeValue.parseList(Self.property("EXDATE;TZID=Europe/Paris:20261225T090000,20270101T090000"))
        #expect(values == [.zoned(LocalDateTime(year: 2026, month: 12, day: 25, hour: 9), tzid: "Europe/Paris"),
                           .zoned(LocalDateTime(year: 2027, month: 1, day: 1, hour: 9), tzid: "Europe/Paris")])
    }

    @Test(arguments: [
        ("P1W", 7, 0), ("P15DT5H0M20S", 15, 5 * 3600 + 20), ("P1DT2H", 1, 7200), ("-PT15M", 0, -900),
        ("PT1H30M", 0, 5400), ("+P2D", 2, 0), ("PT0S", 0, 0), ("-P1DT1S", -1, -1), ("PT90M", 0, 5400),
    ])
    func durations(text: String, days: Int, seconds: Int64) {
        #expect(CalendarDuration.parse(text: text) == CalendarDuration(days: days, seconds: seconds))
    }

    @Test(arguments: ["", "P", "PT", "1H", "P1H", "PT1D", "P1DT", "PT1M1H", "P1D1W", "PTH", "P-1D", "P1.5D"])
    func badDurations(text: String) {
        #expect(CalendarDuration.parse(text: text) == nil)
        #expect(throws: InputError.self) { try CalendarDuration.parse(text: text, name: "DURATION", place: SourcePlace(line: 3)) }
    }

    @Test func aDurationDayIsNominalAcrossDST() {
        // Europe/Paris-like rules: +01:00, then +02:00 from 2026-03-29T01:00Z.
        let paris = ZoneRules(identifier: "Paris", initialOffset: 3600, transitions: [(1_774_746_000, 7200)])
        let start = paris.instant(of: LocalDateTime(year: 2026, month: 3, day: 28, hour: 9))
        let oneDay = CalendarDuration(days: 1)
        #expect(paris.localTime(of: oneDay.end(from: start, in: paris)) == LocalDateTime(year: 2026, month: 3, day: 29, hour: 9))
        #expect(start.seconds(until: oneDay.end(from: start, in: paris)) == 23 * 3600)
        let exact = CalendarDuration(seconds: 24 * 3600)
        #expect(paris.localTime(of: exact.end(from: start, in: paris)) == LocalDateTime(year: 2026, month: 3, day: 29, hour: 10))
    }

    @Test(arguments: [("+0100", 3600), ("-0500", -18000), ("-023000", -9000), ("+0000", 0), ("+054500", 20700), ("+053015", 19815)])
    func utcOffsets(text: String, seconds: Int32) throws {
        let value = try UTCOffsetValue.parse(text: text, name: "TZOFFSETTO", place: SourcePlace(line: 1))
        #expect(value.seconds == seconds)
        // The written form reads back to the same offset.
        #expect(try UTCOffsetValue.parse(text: value.description, name: "X", place: SourcePlace()).seconds == seconds)
    }

    @Test(arguments: ["0100", "+1", "+01:00", "-0000", "+2400", "+0160", "+010099", ""])
    func badUTCOffsets(text: String) {
        #expect(throws: InputError.self) { try UTCOffsetValue.parse(text: text, name: "TZOFFSETFROM", place: SourcePlace(line: 1)) }
    }

    @Test func periods() throws {
        let p = Self.property("RDATE;VALUE=PERIOD:19970101T180000Z/19970102T070000Z,19970101T180000Z/PT5H30M")
        let periods = try PeriodValue.parseList(p)
        #expect(periods.count == 2)
        #expect(periods[0].endInstant(in: .utc) == Instant.parseISO8601("1997-01-02T07:00:00Z"))
        #expect(periods[1].endInstant(in: .utc) == Instant.parseISO8601("1997-01-01T23:30:00Z"))
        #expect(periods[1].end == .duration(CalendarDuration(seconds: 19800)))
    }

    @Test(arguments: ["19970101T180000Z", "19970101/19970102", "19970101T180000Z/-PT1H", "19970101T180000Z/x", "/PT1H"])
    func badPeriods(text: String) {
        #expect(throws: InputError.self) { try PeriodValue.parse(text: text, property: Self.property("RDATE;VALUE=PERIOD:x")) }
    }
}
