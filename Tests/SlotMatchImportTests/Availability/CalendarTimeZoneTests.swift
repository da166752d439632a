import Testing
import SlotMatchCore
import SlotMatchConfig
@testable import SlotMatchImport

private typealias T = CalendarTestSupport

/// The reader with its default TZID resolution (the file's VTIMEZONEs, then the system database).
@Suite struct CalendarTimeZoneTests {
    let reader = CalendarAvailabilityReader(territoryZone: ZoneInfoDatabase.system.rules(for: "Europe/Paris") ?? T.paris)

    func occurrences(_ ics: [UInt8]) throws -> [PublishedOccurrence] {
        let components = try ICalendarParser.parse(bytes: ics, file: "tz.ics")
        return try reader.read(components, file: "tz.ics", from: T.paris(1, 0), to: T.paris(31, 0)).first?.occurrences ?? []
    }

    @Test(arguments: ["Europe/Paris", "Romance Standard Time", "W. Europe Standard Time", "/mozilla.org/20070129_1/Europe/Paris"])
    func namedZones(_ tzid: String) throws {
        let ics = T.calendar("BEGIN:VEVENT\nUID:e\nDTSTART;TZID=\"\(tzid)\":20261207T090000\nDTEND;TZID=\"\(tzid)\":20261207T100000\nEND:VEVENT")
        #expect(try occurrences(ics).map(\.start.iso8601) == ["2026-12-07T08:00:00Z"])
    }

    @Test func fileDefinedZoneComesFirst() throws {
        // A VTIMEZONE named "Paris" with the EU rules, and one named "Europe/Paris" that the file defines as UTC+3:
        // the file's own definition wins (RFC 5545 §3.6.5).
        let ics = T.calendar("""
        BEGIN:VTIMEZONE
        TZID:Paris
        BEGIN:STANDARD
        DTSTART:19701025T030000
        RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
        TZOFFSETFROM:+0200
        TZOFFSETTO:+0100
        END:STANDARD
        BEGIN:DAYLIGHT
        DTSTART:19700329T020000
        RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
        TZOFFSETFROM:+0100
        TZOFFSETTO:+0200
        END:DAYLIGHT
        END:VTIMEZONE
        BEGIN:VTIMEZONE
        TZID:Europe/Paris
        BEGIN:STANDARD
        DTSTART:19700101T000000
        TZOFFSETFROM:+0300
        TZOFFSETTO:+0300
        END:STANDARD
        END:VTIMEZONE
        BEGIN:VEVENT
        UID:a
        DTSTART;TZID=Paris:20261207T090000
        DTEND;TZID=Paris:20261207T100000
        END:VEVENT
        BEGIN:VEVENT
        UID:b
        DTSTART;TZID=Europe/Paris:20261207T090000
        DTEND;TZID=Europe/Paris:20261207T100000
        END:VEVENT
        """)
        let byUID = Dictionary(uniqueKeysWithValues: try occurrences(ics).map { ($0.uid, $0.start.iso8601) })
        #expect(byUID["a"] == "2026-12-07T08:00:00Z")
        #expect(byUID["b"] == "2026-12-07T06:00:00Z")
    }

    @Test func unknownZoneSuggestsAName() throws {
        let ics = T.calendar("BEGIN:VEVENT\nUID:e\nDTSTART;TZID=Paris Time:20261207T090000\nEND:VEVENT")
        #expect { _ = try occurrences(ics) } throws: { error in
            guard let e = error as? InputError else { return false }
            return e.place.file == "tz.ics" && e.place.line == 7 && e.problem.contains("Paris Time")
        }
    }
}
