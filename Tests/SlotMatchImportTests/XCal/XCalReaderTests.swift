import Testing
@testable import SlotMatchImport
import SlotMatchCore

/// The tree without places, to compare names, parameters and values only.
private func shape(_ c: CalendarComponent) -> CalendarComponent {
    CalendarComponent(name: c.name,
                      properties: c.properties.map { CalendarProperty(name: $0.name, parameters: $0.parameters, value: $0.value) },
                      components: c.components.map(shape))
}

private func xcal(_ body: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <icalendar xmlns="urn:ietf:params:xml:ns:icalendar-2.0"><vcalendar><components><vevent><properties>
    \(body)
    </properties></vevent></components></vcalendar></icalendar>
    """
}

/// The one property of the one VEVENT of `xcal(body)`.
private func property(_ body: String) throws -> CalendarProperty {
    let calendars = try XCalReader.parse(bytes: Array(xcal(body).utf8), file: "t.xml")
    return try #require(calendars.first?.components.first?.properties.first)
}

@Suite struct XCalReaderTests {
    // RFC 6321 §3.6 value types → RFC 5545 text, with the VALUE parameter the type implies.
    @Test(arguments: [
        ("<dtstart><date-time>2026-12-07T09:00:00</date-time></dtstart>", "DTSTART", "20261207T090000", [String]()),
        ("<dtstart><date-time>2026-12-07T08:00:00Z</date-time></dtstart>", "DTSTART", "20261207T080000Z", []),
        ("<dtstart><date>2026-12-25</date></dtstart>", "DTSTART", "20261225", ["VALUE=DATE"]),
        ("<exdate><date-time>2026-12-25T09:00:00</date-time><date-time>2027-01-01T09:00:00</date-time></exdate>",
         "EXDATE", "20261225T090000,20270101T090000", []),
        ("<rrule><recur><freq>WEEKLY</freq><byday>MO</byday><byday>TU</byday></recur></rrule>", "RRULE", "FREQ=WEEKLY;BYDAY=MO,TU", []),
        ("<rrule><recur><byday>-1SA</byday><freq>MONTHLY</freq><until>2028-12-31T23:00:00Z</until><wkst>MO</wkst></recur></rrule>",
         "RRULE", "FREQ=MONTHLY;BYDAY=-1SA;UNTIL=20281231T230000Z;WKST=MO", []),
        ("<rrule><recur><freq>YEARLY</freq><until>2028-06-30</until><bymonth>1</bymonth><bymonth>7</bymonth><bysetpos>-1</bysetpos></recur></rrule>",
         "RRULE", "FREQ=YEARLY;UNTIL=20280630;BYMONTH=1,7;BYSETPOS=-1", []),
        ("<tzoffsetfrom><utc-offset>+01:00</utc-offset></tzoffsetfrom>", "TZOFFSETFROM", "+0100", []),
        ("<tzoffsetto><utc-offset>-04:30</utc-offset></tzoffsetto>", "TZOFFSETTO", "-0430", []),
        ("<duration><duration>PT1H30M</duration></duration>", "DURATION", "PT1H30M", []),
        ("<rdate><period><start>2026-12-07T09:00:00</start><end>2026-12-07T12:00:00</end></period></rdate>",
         "RDATE", "20261207T090000/20261207T120000", ["VALUE=PERIOD"]),
        ("<rdate><period><start>2026-12-07T09:00:00Z</start><duration>PT3H</duration></period></rdate>",
         "RDATE", "20261207T090000Z/PT3H", ["VALUE=PERIOD"]),
        ("<rdate><date>2026-12-24</date><date>2026-12-31</date></rdate>", "RDATE", "20261224,20261231", ["VALUE=DATE"]),
        ("<summary><text>Permanence SNP, cabinet; salle 2 \\ porte\nB</text></summary>", "SUMMARY",
         "Permanence SNP\\, cabinet\\; salle 2 \\\\ porte\\nB", []),
        ("<categories><text>SNP</text><text>CPTS, Rambouillet</text></categories>", "CATEGORIES", "SNP,CPTS\\, Rambouillet", []),
        ("<priority><integer>2</integer></priority>", "PRIORITY", "2", []),
        ("<x-slot-duration><unknown>PT20M</unknown></x-slot-duration>", "X-SLOT-DURATION", "PT20M", []),
        ("<x-slot-duration><duration>PT20M</duration></x-slot-duration>", "X-SLOT-DURATION", "PT20M", ["VALUE=DURATION"]),
        ("<x-slotmatch-rpps><text>10003456786</text></x-slotmatch-rpps>", "X-SLOTMATCH-RPPS", "10003456786", []),
        ("<organizer><cal-address>mailto:cabinet@example.invalid</cal-address></organizer>", "ORGANIZER", "mailto:cabinet@example.invalid", []),
        ("<geo><latitude>48.6435</latitude><longitude>1.8301</longitude></geo>", "GEO", "48.6435;1.8301", []),
        ("<request-status><code>2.0</code><description>Success, done</description></request-status>", "REQUEST-STATUS", "2.0;Success\\, done", []),
        ("<x-flag><boolean>true</boolean></x-flag>", "X-FLAG", "TRUE", ["VALUE=BOOLEAN"]),
        ("<attach><parameters><encoding><text>BASE64</text></encoding></parameters><binary>SGVs\n  bG8=</binary></attach>", "ATTACH", "SGVsbG8=",
         ["ENCODING=BASE64", "VALUE=BINARY"]),
        ("<dtstart><parameters><tzid><text>Europe/Paris</text></tzid></parameters><date-time>2026-12-07T09:00:00</date-time></dtstart>",
         "DTSTART", "20261207T090000", ["TZID=Europe/Paris"]),
        ("<attendee><parameters><rsvp><boolean>true</boolean></rsvp><member><cal-address>mailto:a@x.invalid</cal-address><cal-address>mailto:b@x.invalid</cal-address></member></parameters><cal-address>mailto:c@x.invalid</cal-address></attendee>",
         "ATTENDEE", "mailto:c@x.invalid", ["RSVP=TRUE", "MEMBER=mailto:a@x.invalid|mailto:b@x.invalid"]),
    ])
    func valueConversion(body: String, name: String, value: String, parameters: [String]) throws {
        let p = try property(body)
        #expect(p.name == name)
        #expect(p.value == value)
        #expect(p.parameters.map { $0.name + "=" + $0.values.joined(separator: "|") } == parameters)
        #expect(p.place.line == 3)
        #expect(p.place.file == "t.xml")
    }

    @Test(arguments: [
        ("<dtstart><date-time>2026-13-07T09:00:00</date-time></dtstart>", "is not a date-time"),
        ("<dtstart><date-time>2026-12-07T09:00:00+01:00</date-time></dtstart>", "is not a date-time"),
        ("<dtstart><date>20261225</date></dtstart>", "is not a date"),
        ("<tzoffsetto><utc-offset>+0100</utc-offset></tzoffsetto>", "is not an offset"),
        ("<duration><duration>1 hour</duration></duration>", "is not a duration"),
        ("<rrule><recur><byday>MO</byday></recur></rrule>", "has no <freq>"),
        ("<rdate><period><start>2026-12-07T09:00:00</start></period></rdate>", "lacks its <end> or <duration>"),
        ("<dtstart></dtstart>", "has no value"),
        ("<rdate><date>2026-12-24</date><date-time>2026-12-31T09:00:00</date-time></rdate>", "mixes"),
        ("<summary><text>a<b>bold</b></text></summary>", "where a plain value was expected"),
    ])
    func badValuesAreErrorsWithTheirLine(body: String, expected: String) {
        #expect {
            _ = try property(body)
        } throws: { error in
            guard let e = error as? InputError else { return false }
            return e.problem.contains(expected) && e.place.line == 3 && e.place.file == "t.xml"
        }
    }

    @Test(arguments: [
        ("<icalendar><vcalendar/></icalendar>", "no namespace"),
        ("<Bundle xmlns=\"http://hl7.org/fhir\"/>", "not an xCal file"),
        ("<icalendar xmlns=\"urn:ietf:params:xml:ns:icalendar-2.0\"><vevent/></icalendar>", "only <vcalendar>"),
        ("<icalendar xmlns=\"urn:ietf:params:xml:ns:icalendar-2.0\"><vcalendar><dtstart/></vcalendar></icalendar>", "only <properties> and <components>"),
    ])
    func wrongStructureIsRefused(xml: String, expected: String) {
        #expect {
            _ = try XCalReader.parse(bytes: Array(xml.utf8), file: "s.xml")
        } throws: { ($0 as? InputError)?.problem.contains(expected) == true }
    }

    /// An xCal file and, written by hand, the tree its iCalendar equivalent gives:
    ///
    ///     BEGIN:VCALENDAR
    ///     VERSION:2.0
    ///     PRODID:-//SlotMatch//Test//FR
    ///     BEGIN:VTIMEZONE
    ///     TZID:Europe/Paris
    ///     BEGIN:STANDARD
    ///     DTSTART:19701025T030000
    ///     RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
    ///     TZOFFSETFROM:+0200
    ///     TZOFFSETTO:+0100
    ///     END:STANDARD
    ///     BEGIN:DAYLIGHT
    ///     DTSTART:19700329T020000
    ///     RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
    ///     TZOFFSETFROM:+0100
    ///     TZOFFSETTO:+0200
    ///     END:DAYLIGHT
    ///     END:VTIMEZONE
    ///     BEGIN:VEVENT
    ///     UID:snp-lundi@cabinet-martin.invalid
    ///     DTSTAMP:20261201T080000Z
    ///     DTSTART;TZID=Europe/Paris:20261207T090000
    ///     DTEND;TZID=Europe/Paris:20261207T120000
    ///     RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH
    ///     EXDATE;TZID=Europe/Paris:20261228T090000,20270101T090000
    ///     SUMMARY:Créneaux SNP\, cabinet
    ///     X-SLOT-DURATION:PT20M
    ///     END:VEVENT
    ///     BEGIN:VEVENT
    ///     UID:conges@cabinet-martin.invalid
    ///     DTSTART;VALUE=DATE:20261224
    ///     DTEND;VALUE=DATE:20261226
    ///     TRANSP:OPAQUE
    ///     END:VEVENT
    ///     BEGIN:VAVAILABILITY
    ///     UID:dispo@cabinet-martin.invalid
    ///     BUSYTYPE:BUSY-UNAVAILABLE
    ///     PRIORITY:1
    ///     BEGIN:AVAILABLE
    ///     UID:dispo-sam@cabinet-martin.invalid
    ///     DTSTART;TZID=Europe/Paris:20261226T090000
    ///     DTEND;TZID=Europe/Paris:20261226T120000
    ///     RRULE:FREQ=MONTHLY;BYDAY=-1SA
    ///     END:AVAILABLE
    ///     END:VAVAILABILITY
    ///     END:VCALENDAR
    static let document = """
    <?xml version="1.0" encoding="UTF-8"?>
    <icalendar xmlns="urn:ietf:params:xml:ns:icalendar-2.0" xmlns:z="urn:example:other">
      <vcalendar>
        <properties>
          <version><text>2.0</text></version>
          <prodid><text>-//SlotMatch//Test//FR</text></prodid>
          <z:vendor-note>ignored: another namespace</z:vendor-note>
        </properties>
        <components>
          <vtimezone>
            <properties><tzid><text>Europe/Paris</text></tzid></properties>
            <components>
              <standard><properties>
                <dtstart><date-time>1970-10-25T03:00:00</date-time></dtstart>
                <rrule><recur><freq>YEARLY</freq><bymonth>10</bymonth><byday>-1SU</byday></recur></rrule>
                <tzoffsetfrom><utc-offset>+02:00</utc-offset></tzoffsetfrom>
                <tzoffsetto><utc-offset>+01:00</utc-offset></tzoffsetto>
              </properties></standard>
              <daylight><properties>
                <dtstart><date-time>1970-03-29T02:00:00</date-time></dtstart>
                <rrule><recur><freq>YEARLY</freq><bymonth>3</bymonth><byday>-1SU</byday></recur></rrule>
                <tzoffsetfrom><utc-offset>+01:00</utc-offset></tzoffsetfrom>
                <tzoffsetto><utc-offset>+02:00</utc-offset></tzoffsetto>
              </properties></daylight>
            </components>
          </vtimezone>
          <vevent>
            <properties>
              <uid><text>snp-lundi@cabinet-martin.invalid</text></uid>
              <dtstamp><date-time>2026-12-01T08:00:00Z</date-time></dtstamp>
              <dtstart><parameters><tzid><text>Europe/Paris</text></tzid></parameters><date-time>2026-12-07T09:00:00</date-time></dtstart>
              <dtend><parameters><tzid><text>Europe/Paris</text></tzid></parameters><date-time>2026-12-07T12:00:00</date-time></dtend>
              <rrule><recur><freq>WEEKLY</freq><interval>2</interval><byday>MO</byday><byday>TH</byday></recur></rrule>
              <exdate><parameters><tzid><text>Europe/Paris</text></tzid></parameters>
                <date-time>2026-12-28T09:00:00</date-time><date-time>2027-01-01T09:00:00</date-time></exdate>
              <summary><text>Créneaux SNP, cabinet</text></summary>
              <x-slot-duration><unknown>PT20M</unknown></x-slot-duration>
            </properties>
          </vevent>
          <vevent>
            <properties>
              <uid><text>conges@cabinet-martin.invalid</text></uid>
              <dtstart><date>2026-12-24</date></dtstart>
              <dtend><date>2026-12-26</date></dtend>
              <transp><text>OPAQUE</text></transp>
            </properties>
          </vevent>
          <vavailability>
            <properties>
              <uid><text>dispo@cabinet-martin.invalid</text></uid>
              <busytype><text>BUSY-UNAVAILABLE</text></busytype>
              <priority><integer>1</integer></priority>
            </properties>
            <components>
              <available><properties>
                <uid><text>dispo-sam@cabinet-martin.invalid</text></uid>
                <dtstart><parameters><tzid><text>Europe/Paris</text></tzid></parameters><date-time>2026-12-26T09:00:00</date-time></dtstart>
                <dtend><parameters><tzid><text>Europe/Paris</text></tzid></parameters><date-time>2026-12-26T12:00:00</date-time></dtend>
                <rrule><recur><freq>MONTHLY</freq><byday>-1SA</byday></recur></rrule>
              </properties></available>
            </components>
          </vavailability>
        </components>
      </vcalendar>
    </icalendar>
    """

    static var expected: CalendarComponent {
        let paris = [CalendarParameter(name: "TZID", values: ["Europe/Paris"])]
        let date = [CalendarParameter(name: "VALUE", values: ["DATE"])]
        func p(_ name: String, _ value: String, _ parameters: [CalendarParameter] = []) -> CalendarProperty {
            CalendarProperty(name: name, parameters: parameters, value: value)
        }
        return CalendarComponent(name: "VCALENDAR", properties: [p("VERSION", "2.0"), p("PRODID", "-//SlotMatch//Test//FR")], components: [
            CalendarComponent(name: "VTIMEZONE", properties: [p("TZID", "Europe/Paris")], components: [
                CalendarComponent(name: "STANDARD", properties: [
                    p("DTSTART", "19701025T030000"), p("RRULE", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"),
                    p("TZOFFSETFROM", "+0200"), p("TZOFFSETTO", "+0100"),
                ]),
                CalendarComponent(name: "DAYLIGHT", properties: [
                    p("DTSTART", "19700329T020000"), p("RRULE", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"),
                    p("TZOFFSETFROM", "+0100"), p("TZOFFSETTO", "+0200"),
                ]),
            ]),
            CalendarComponent(name: "VEVENT", properties: [
                p("UID", "snp-lundi@cabinet-martin.invalid"), p("DTSTAMP", "20261201T080000Z"),
                p("DTSTART", "20261207T090000", paris), p("DTEND", "20261207T120000", paris),
                p("RRULE", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH"),
                p("EXDATE", "20261228T090000,20270101T090000", paris),
                p("SUMMARY", "Créneaux SNP\\, cabinet"), p("X-SLOT-DURATION", "PT20M"),
            ]),
            CalendarComponent(name: "VEVENT", properties: [
                p("UID", "conges@cabinet-martin.invalid"), p("DTSTART", "20261224", date), p("DTEND", "20261226", date),
                p("TRANSP", "OPAQUE"),
            ]),
            CalendarComponent(name: "VAVAILABILITY", properties: [
                p("UID", "dispo@cabinet-martin.invalid"), p("BUSYTYPE", "BUSY-UNAVAILABLE"), p("PRIORITY", "1"),
            ], components: [
                CalendarComponent(name: "AVAILABLE", properties: [
                    p("UID", "dispo-sam@cabinet-martin.invalid"),
                    p("DTSTART", "20261226T090000", paris), p("DTEND", "20261226T120000", paris),
                    p("RRULE", "FREQ=MONTHLY;BYDAY=-1SA"),
                ]),
            ]),
        ])
    }

    @Test func documentGivesTheICalendarTree() throws {
        let calendars = try XCalReader.parse(bytes: Array(Self.document.utf8), file: "martin.xml")
        #expect(calendars.count == 1)
        let tree = try #require(calendars.first)
        #expect(shape(tree) == Self.expected)
        // Places: the component and property lines of the XML.
        #expect(tree.place == SourcePlace(file: "martin.xml", line: 3))
        let event = tree.components(named: "VEVENT")[0]
        #expect(event.place.line == 27)
        #expect(event.property("DTSTART")?.place == SourcePlace(file: "martin.xml", line: 31))
    }

    @Test func severalCalendarsAndABareVCalendarRoot() throws {
        let two = "<icalendar xmlns=\"\(XCalReader.namespace)\"><vcalendar><properties><version><text>2.0</text></version></properties></vcalendar><vcalendar/></icalendar>"
        #expect(try XCalReader.parse(bytes: Array(two.utf8), file: "a").map(\.name) == ["VCALENDAR", "VCALENDAR"])
        let bare = "<vcalendar xmlns=\"\(XCalReader.namespace)\"><components><vevent/></components></vcalendar>"
        #expect(try XCalReader.parse(bytes: Array(bare.utf8), file: "b").first?.components.map(\.name) == ["VEVENT"])
    }
}

/// RFC 6321 Appendix B, both examples, against the trees of their iCalendar data (B.1.1, B.2.1).
/// Known differences of the RFC text itself: B.1.1 lacks `VALUE=DATE` (RFC 5545 requires it for a DATE
/// DTSTART); B.2.1 says "Example Corp." where B.2.2 says "Example Inc."; B.2.2 writes `<tzid>US/Eastern</tzid>`
/// without a `<text>` element; its DESCRIPTION is wrapped over lines here as one line.
@Suite struct XCalRFCExampleTests {
    private func p(_ name: String, _ value: String, _ parameters: [(String, String)] = []) -> CalendarProperty {
        CalendarProperty(name: name, parameters: parameters.map { CalendarParameter(name: $0.0, values: [$0.1]) }, value: value)
    }

    @Test func exampleB1() throws {
        let xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <icalendar xmlns="urn:ietf:params:xml:ns:icalendar-2.0">
         <vcalendar>
          <properties>
           <calscale>
             <text>GREGORIAN</text>
           </calscale>
           <prodid>
            <text>-//Example Inc.//Example Calendar//EN</text>
           </prodid>
           <version>
             <text>2.0</text>
           </version>
          </properties>
          <components>
           <vevent>
            <properties>
             <dtstamp>
               <date-time>2008-02-05T19:12:24Z</date-time>
             </dtstamp>
             <dtstart>
               <date>2008-10-06</date>
             </dtstart>
             <summary>
              <text>Planning meeting</text>
             </summary>
             <uid>
              <text>4088E990AD89CB3DBB484909</text>
             </uid>
            </properties>
           </vevent>
          </components>
         </vcalendar>
        </icalendar>
        """
        let expected = CalendarComponent(name: "VCALENDAR", properties: [
            p("CALSCALE", "GREGORIAN"), p("PRODID", "-//Example Inc.//Example Calendar//EN"), p("VERSION", "2.0"),
        ], components: [CalendarComponent(name: "VEVENT", properties: [
            p("DTSTAMP", "20080205T191224Z"), p("DTSTART", "20081006", [("VALUE", "DATE")]),
            p("SUMMARY", "Planning meeting"), p("UID", "4088E990AD89CB3DBB484909"),
        ])])
        let tree = try XCalReader.parse(bytes: Array(xml.utf8), file: "b1.xml")
        #expect(tree.map(shape) == [expected])
    }

    @Test func exampleB2() throws {
        let xml = """
        <?xml version="1.0" encoding="utf-8" ?>
        <icalendar xmlns="urn:ietf:params:xml:ns:icalendar-2.0">
          <vcalendar>
            <properties>
              <prodid><text>-//Example Inc.//Example Client//EN</text></prodid>
              <version><text>2.0</text></version>
            </properties>
            <components>
              <vtimezone>
                <properties>
                  <last-modified><date-time>2004-01-10T03:28:45Z</date-time></last-modified>
                  <tzid>US/Eastern</tzid>
                </properties>
                <components>
                  <daylight><properties>
                    <dtstart><date-time>2000-04-04T02:00:00</date-time></dtstart>
                    <rrule><recur><freq>YEARLY</freq><byday>1SU</byday><bymonth>4</bymonth></recur></rrule>
                    <tzname><text>EDT</text></tzname>
                    <tzoffsetfrom><utc-offset>-05:00</utc-offset></tzoffsetfrom>
                    <tzoffsetto><utc-offset>-04:00</utc-offset></tzoffsetto>
                  </properties></daylight>
                  <standard><properties>
                    <dtstart><date-time>2000-10-26T02:00:00</date-time></dtstart>
                    <rrule><recur><freq>YEARLY</freq><byday>-1SU</byday><bymonth>10</bymonth></recur></rrule>
                    <tzname><text>EST</text></tzname>
                    <tzoffsetfrom><utc-offset>-04:00</utc-offset></tzoffsetfrom>
                    <tzoffsetto><utc-offset>-05:00</utc-offset></tzoffsetto>
                  </properties></standard>
                </components>
              </vtimezone>
              <vevent>
                <properties>
                  <dtstamp><date-time>2006-02-06T00:11:21Z</date-time></dtstamp>
                  <dtstart><parameters><tzid><text>US/Eastern</text></tzid></parameters><date-time>2006-01-02T12:00:00</date-time></dtstart>
                  <duration><duration>PT1H</duration></duration>
                  <rrule><recur><freq>DAILY</freq><count>5</count></recur></rrule>
                  <rdate>
                    <parameters><tzid><text>US/Eastern</text></tzid></parameters>
                    <period><start>2006-01-02T15:00:00</start><duration>PT2H</duration></period>
                  </rdate>
                  <summary><text>Event #2</text></summary>
                  <description><text>We are having a meeting all this week at 12 pm for one hour, with an additional meeting on the first day 2 hours long.&#x0a;Please bring your own lunch for the 12 pm meetings.</text></description>
                  <uid><text>00959BC664CA650E933C892C@example.com</text></uid>
                </properties>
              </vevent>
              <vevent>
                <properties>
                  <dtstamp><date-time>2006-02-06T00:11:21Z</date-time></dtstamp>
                  <dtstart><parameters><tzid><text>US/Eastern</text></tzid></parameters><date-time>2006-01-04T14:00:00</date-time></dtstart>
                  <duration><duration>PT1H</duration></duration>
                  <recurrence-id><parameters><tzid><text>US/Eastern</text></tzid></parameters><date-time>2006-01-04T12:00:00</date-time></recurrence-id>
                  <summary><text>Event #2 bis</text></summary>
                  <uid><text>00959BC664CA650E933C892C@example.com</text></uid>
                </properties>
              </vevent>
            </components>
          </vcalendar>
        </icalendar>
        """
        let eastern = ("TZID", "US/Eastern")
        let expected = CalendarComponent(name: "VCALENDAR", properties: [
            p("PRODID", "-//Example Inc.//Example Client//EN"), p("VERSION", "2.0"),
        ], components: [
            CalendarComponent(name: "VTIMEZONE", properties: [p("LAST-MODIFIED", "20040110T032845Z"), p("TZID", "US/Eastern")], components: [
                CalendarComponent(name: "DAYLIGHT", properties: [
                    p("DTSTART", "20000404T020000"), p("RRULE", "FREQ=YEARLY;BYDAY=1SU;BYMONTH=4"), p("TZNAME", "EDT"),
                    p("TZOFFSETFROM", "-0500"), p("TZOFFSETTO", "-0400"),
                ]),
                CalendarComponent(name: "STANDARD", properties: [
                    p("DTSTART", "20001026T020000"), p("RRULE", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"), p("TZNAME", "EST"),
                    p("TZOFFSETFROM", "-0400"), p("TZOFFSETTO", "-0500"),
                ]),
            ]),
            CalendarComponent(name: "VEVENT", properties: [
                p("DTSTAMP", "20060206T001121Z"), p("DTSTART", "20060102T120000", [eastern]), p("DURATION", "PT1H"),
                p("RRULE", "FREQ=DAILY;COUNT=5"), p("RDATE", "20060102T150000/PT2H", [eastern, ("VALUE", "PERIOD")]),
                p("SUMMARY", "Event #2"),
                p("DESCRIPTION", "We are having a meeting all this week at 12 pm for one hour\\, with an additional meeting on the first day 2 hours long.\\nPlease bring your own lunch for the 12 pm meetings."),
                p("UID", "00959BC664CA650E933C892C@example.com"),
            ]),
            CalendarComponent(name: "VEVENT", properties: [
                p("DTSTAMP", "20060206T001121Z"), p("DTSTART", "20060104T140000", [eastern]), p("DURATION", "PT1H"),
                p("RECURRENCE-ID", "20060104T120000", [eastern]), p("SUMMARY", "Event #2 bis"),
                p("UID", "00959BC664CA650E933C892C@example.com"),
            ]),
        ])
        let tree = try XCalReader.parse(bytes: Array(xml.utf8), file: "b2.xml")
        #expect(tree.map(shape) == [expected])
    }
}
