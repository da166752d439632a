import Testing
import SlotMatchCore
import SlotMatchConfig
import SlotMatchImport

@Suite struct VTimeZoneRulesTests {
    static func calendar(_ body: String) throws -> CalendarComponent {
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + body.split(separator: "\n").map { $0 + "\r\n" }.joined() + "END:VCALENDAR\r\n"
        return try ICalendarParser.parse(bytes: Array(text.utf8), file: "tz.ics")[0]
    }

    /// As Thunderbird and most CalDAV servers export it.
    static let paris = """
    BEGIN:VTIMEZONE
    TZID:Europe/Paris
    X-LIC-LOCATION:Europe/Paris
    BEGIN:DAYLIGHT
    TZOFFSETFROM:+0100
    TZOFFSETTO:+0200
    TZNAME:CEST
    DTSTART:19700329T020000
    RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
    END:DAYLIGHT
    BEGIN:STANDARD
    TZOFFSETFROM:+0200
    TZOFFSETTO:+0100
    TZNAME:CET
    DTSTART:19701025T030000
    RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
    END:STANDARD
    END:VTIMEZONE
    """

    /// RFC 5545 §3.6.5's example with two eras of US rules (UNTIL in UTC).
    static let newYork = """
    BEGIN:VTIMEZONE
    TZID:US-Eastern
    BEGIN:DAYLIGHT
    DTSTART:19870405T020000
    RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU;UNTIL=20060402T070000Z
    TZOFFSETFROM:-0500
    TZOFFSETTO:-0400
    END:DAYLIGHT
    BEGIN:DAYLIGHT
    DTSTART:20070311T020000
    RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
    TZOFFSETFROM:-0500
    TZOFFSETTO:-0400
    END:DAYLIGHT
    BEGIN:STANDARD
    DTSTART:19671029T020000
    RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20061029T060000Z
    TZOFFSETFROM:-0400
    TZOFFSETTO:-0500
    END:STANDARD
    BEGIN:STANDARD
    DTSTART:20071104T020000
    RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
    TZOFFSETFROM:-0400
    TZOFFSETTO:-0500
    END:STANDARD
    END:VTIMEZONE
    """

    static func expectSameOffsets(_ a: ZoneRules, _ b: ZoneRules, years: ClosedRange<Int>, checksLocalReadings: Bool = true) {
        let start = Int64(CivilDate(year: years.lowerBound, month: 1, day: 1).daysSinceEpoch) * 86_400
        let end = Int64(CivilDate(year: years.upperBound + 1, month: 1, day: 1).daysSinceEpoch) * 86_400
        var mismatches = 0
        var t = start
        while t < end {
            let i = Instant(secondsSinceEpoch: t)
            if a.offset(at: i) != b.offset(at: i) { mismatches += 1; if mismatches < 5 { Issue.record("offsets differ at \(i)") } }
            // Local readings resolve the same way too (gaps and repeats included).
            let local = LocalDateTime(wallSeconds: t)
            if checksLocalReadings, a.resolve(local) != b.resolve(local) { mismatches += 1; if mismatches < 5 { Issue.record("\(local) resolves differently") } }
            t += 3600
        }
        #expect(mismatches == 0)
    }

    @Test func parisFromVTimeZoneAgreesWithTZifEveryHour2025To2030() throws {
        let zones = try VTimeZoneRules.zones(in: try Self.calendar(Self.paris))
        let own = try #require(zones["Europe/Paris"])
        let system = try #require(ZoneInfoDatabase.system.rules(for: "Europe/Paris"))
        Self.expectSameOffsets(own, system, years: 2025 ... 2030)
        // Rules without end reach the horizon.
        #expect(own.offset(at: Instant.parseISO8601("2099-07-01T00:00:00Z")!) == 7200)
        #expect(own.offset(at: Instant.parseISO8601("2099-10-25T00:59:59Z")!) == 7200)
        #expect(own.offset(at: Instant.parseISO8601("2099-10-25T01:00:00Z")!) == 3600)
    }

    @Test func erasWithUntilAgreeWithNewYork1990To2030() throws {
        let own = try VTimeZoneRules.rules(from: try Self.calendar(Self.newYork).components[0])
        #expect(own.identifier == "US-Eastern")
        let system = try #require(ZoneInfoDatabase.system.rules(for: "America/New_York"))
        Self.expectSameOffsets(own, system, years: 1990 ... 2030, checksLocalReadings: false)
    }

    @Test func outlooksRomanceStandardTimeFrom1601AgreesWithParis() throws {
        let body = """
        BEGIN:VTIMEZONE
        TZID:Romance Standard Time
        BEGIN:STANDARD
        DTSTART:16010101T030000
        TZOFFSETFROM:+0200
        TZOFFSETTO:+0100
        RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
        END:STANDARD
        BEGIN:DAYLIGHT
        DTSTART:16010101T020000
        TZOFFSETFROM:+0100
        TZOFFSETTO:+0200
        RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
        END:DAYLIGHT
        END:VTIMEZONE
        """
        let resolver = try TZIDResolver(calendar: try Self.calendar(body))
        let own = try #require(resolver.rules(for: "Romance Standard Time"))
        #expect(resolver.calendarZones["Romance Standard Time"] == own)  // the file's zone, not the Windows mapping
        let system = try #require(ZoneInfoDatabase.system.rules(for: "Europe/Paris"))
        Self.expectSameOffsets(own, system, years: 2025 ... 2030, checksLocalReadings: false)
    }

    @Test func onsetsFromRDates() throws {
        let body = """
        BEGIN:VTIMEZONE
        TZID:Paris RDATE
        BEGIN:DAYLIGHT
        TZOFFSETFROM:+0100
        TZOFFSETTO:+0200
        DTSTART:20250330T020000
        RDATE:20260329T020000
        END:DAYLIGHT
        BEGIN:STANDARD
        TZOFFSETFROM:+0200
        TZOFFSETTO:+0100
        DTSTART:20241027T030000
        RDATE:20251026T030000,20261025T030000
        END:STANDARD
        END:VTIMEZONE
        """
        let own = try VTimeZoneRules.rules(from: try Self.calendar(body).components[0])
        let system = try #require(ZoneInfoDatabase.system.rules(for: "Europe/Paris"))
        Self.expectSameOffsets(own, system, years: 2025 ... 2026)
        #expect(own.transitionInstants.count == 5)
    }

    @Test func theResolverPrefersTheFilesZoneAndFallsBackToIANA() throws {
        let body = Self.paris.replacingTZID("Europe/Paris", with: "Heure de Paris (export)")
        let resolver = try TZIDResolver(calendar: try Self.calendar(body))
        let own = try #require(resolver.rules(for: "Heure de Paris (export)"))
        #expect(own.offset(at: Instant.parseISO8601("2027-07-01T00:00:00Z")!) == 7200)
        #expect(resolver.rules(for: "America/New_York")?.offset(at: Instant.parseISO8601("2027-07-01T00:00:00Z")!) == -14400)
    }

    @Test(arguments: [
        ("BEGIN:VTIMEZONE\nBEGIN:STANDARD\nDTSTART:19701025T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nEND:STANDARD\nEND:VTIMEZONE", "no TZID"),
        ("BEGIN:VTIMEZONE\nTZID:X\nEND:VTIMEZONE", "no STANDARD or DAYLIGHT"),
        ("BEGIN:VTIMEZONE\nTZID:X\nBEGIN:STANDARD\nDTSTART:19701025T030000\nTZOFFSETFROM:+0200\nEND:STANDARD\nEND:VTIMEZONE", "no TZOFFSETTO"),
        ("BEGIN:VTIMEZONE\nTZID:X\nBEGIN:STANDARD\nDTSTART:19701025T030000\nTZOFFSETFROM:+02\nTZOFFSETTO:+0100\nEND:STANDARD\nEND:VTIMEZONE", "not a UTC offset"),
        ("BEGIN:VTIMEZONE\nTZID:X\nBEGIN:STANDARD\nDTSTART:19701025T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nRRULE:FREQ=YEARLY;BYMONTH=13\nEND:STANDARD\nEND:VTIMEZONE", "BYMONTH"),
        ("BEGIN:VTIMEZONE\nTZID:X\nBEGIN:STANDARD\nDTSTART:19701025T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nRRULE:FREQ=HOURLY\nEND:STANDARD\nEND:VTIMEZONE", "more than"),
        ("BEGIN:VTIMEZONE\nTZID:X\nBEGIN:STANDARD\nDTSTART;VALUE=DATE:19701025\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nEND:STANDARD\nEND:VTIMEZONE", "date without time"),
    ])
    func rejects(body: String, says: String) throws {
        let calendar = try Self.calendar(body)
        do {
            _ = try VTimeZoneRules.zones(in: calendar)
            Issue.record("accepted")
        } catch {
            #expect(error.problem.contains(says), "\(error)")
            #expect(error.place.file == "tz.ics")
            #expect(error.place.line != nil)
        }
    }
}

extension String {
    fileprivate func replacingTZID(_ old: String, with new: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).map { $0 == "TZID:" + old ? "TZID:" + new : String($0) }.joined(separator: "\n")
    }
}
