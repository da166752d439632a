import Testing
@testable import SlotMatchImport
import SlotMatchCore

/// The xCal reader and the iCalendar parser give the same component tree (apart from places) for the
/// same calendar written both ways, so both share one recurrence engine.
@Suite struct XCalMatchesICalendarTests {
    private static func shape(_ c: CalendarComponent) -> CalendarComponent {
        CalendarComponent(name: c.name,
                          properties: c.properties.map { CalendarProperty(name: $0.name, parameters: $0.parameters, value: $0.value) },
                          components: c.components.map(shape))
    }

    /// The iCalendar equivalent of `XCalReaderTests.document`, as an agenda would export it (CRLF, folded).
    static let ics = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//SlotMatch//Test//FR",
        "BEGIN:VTIMEZONE", "TZID:Europe/Paris",
        "BEGIN:STANDARD", "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "END:STANDARD",
        "BEGIN:DAYLIGHT", "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "END:DAYLIGHT",
        "END:VTIMEZONE",
        "BEGIN:VEVENT", "UID:snp-lundi@cabinet-martin.invalid", "DTSTAMP:20261201T080000Z",
        "DTSTART;TZID=Europe/Paris:20261207T090000", "DTEND;TZID=Europe/Paris:20261207T120000",
        "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
        "EXDATE;TZID=Europe/Paris:20261228T090000,", " 20270101T090000",
        "SUMMARY:Créneaux SNP\\, cabinet", "X-SLOT-DURATION:PT20M", "END:VEVENT",
        "BEGIN:VEVENT", "UID:conges@cabinet-martin.invalid", "DTSTART;VALUE=DATE:20261224",
        "DTEND;VALUE=DATE:20261226", "TRANSP:OPAQUE", "END:VEVENT",
        "BEGIN:VAVAILABILITY", "UID:dispo@cabinet-martin.invalid", "BUSYTYPE:BUSY-UNAVAILABLE", "PRIORITY:1",
        "BEGIN:AVAILABLE", "UID:dispo-sam@cabinet-martin.invalid",
        "DTSTART;TZID=Europe/Paris:20261226T090000", "DTEND;TZID=Europe/Paris:20261226T120000",
        "RRULE:FREQ=MONTHLY;BYDAY=-1SA", "END:AVAILABLE", "END:VAVAILABILITY",
        "END:VCALENDAR",
    ].joined(separator: "\r\n") + "\r\n"

    @Test func sameTreeBothWays() throws {
        let fromICS = try ICalendarParser.parse(bytes: Array(Self.ics.utf8), file: "martin.ics")
        let fromXCal = try XCalReader.parse(bytes: Array(XCalReaderTests.document.utf8), file: "martin.xml")
        #expect(fromICS.map(Self.shape) == fromXCal.map(Self.shape))
        #expect(fromXCal.map(Self.shape) == [XCalReaderTests.expected])
    }

    @Test func rfc6321ExampleB2BothWays() throws {
        // RFC 6321 B.2.1 (with B.2.2's PRODID); the xCal side is XCalRFCExampleTests' document.
        let ics = """
        BEGIN:VCALENDAR\r
        VERSION:2.0\r
        PRODID:-//Example Inc.//Example Client//EN\r
        BEGIN:VEVENT\r
        DTSTAMP:20060206T001121Z\r
        DTSTART;TZID=US/Eastern:20060102T120000\r
        DURATION:PT1H\r
        RRULE:FREQ=DAILY;COUNT=5\r
        RDATE;TZID=US/Eastern;VALUE=PERIOD:20060102T150000/PT2H\r
        SUMMARY:Event #2\r
        DESCRIPTION:We are having a meeting all this week at 12 pm fo\r
         r one hour\\, with an additional meeting on the first day 2 h\r
         ours long.\\nPlease bring your own lunch for the 12 pm meetin\r
         gs.\r
        UID:00959BC664CA650E933C892C@example.com\r
        END:VEVENT\r
        END:VCALENDAR\r

        """
        let xml = """
        <icalendar xmlns="urn:ietf:params:xml:ns:icalendar-2.0"><vcalendar>
          <properties><version><text>2.0</text></version><prodid><text>-//Example Inc.//Example Client//EN</text></prodid></properties>
          <components><vevent><properties>
            <dtstamp><date-time>2006-02-06T00:11:21Z</date-time></dtstamp>
            <dtstart><parameters><tzid><text>US/Eastern</text></tzid></parameters><date-time>2006-01-02T12:00:00</date-time></dtstart>
            <duration><duration>PT1H</duration></duration>
            <rrule><recur><freq>DAILY</freq><count>5</count></recur></rrule>
            <rdate><parameters><tzid><text>US/Eastern</text></tzid></parameters><period><start>2006-01-02T15:00:00</start><duration>PT2H</duration></period></rdate>
            <summary><text>Event #2</text></summary>
            <description><text>We are having a meeting all this week at 12 pm for one hour, with an additional meeting on the first day 2 hours long.&#x0a;Please bring your own lunch for the 12 pm meetings.</text></description>
            <uid><text>00959BC664CA650E933C892C@example.com</text></uid>
          </properties></vevent></components>
        </vcalendar></icalendar>
        """
        let fromICS = try ICalendarParser.parse(bytes: Array(ics.utf8), file: "b2.ics")
        let fromXCal = try XCalReader.parse(bytes: Array(xml.utf8), file: "b2.xml")
        #expect(fromICS.map(Self.shape) == fromXCal.map(Self.shape))
    }
}
