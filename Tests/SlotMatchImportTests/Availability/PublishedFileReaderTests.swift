import Testing
import SlotMatchCore
@testable import SlotMatchImport

private typealias T = CalendarTestSupport

@Suite struct PublishedFileReaderTests {
    let reader = PublishedFileReader(territoryZone: T.paris, zoneLookup: T.lookup)

    @Test func iCalendarFile() throws {
        let ics = T.calendar("BEGIN:VEVENT\nUID:w\nDTSTART;TZID=Europe/Paris:20261207T090000\nDTEND;TZID=Europe/Paris:20261207T093000\nTRANSP:TRANSPARENT\nCATEGORIES:SNP\nEND:VEVENT")
        let result = try reader.read(bytes: ics, file: "a.ics", from: T.paris(1, 0), to: T.paris(31, 0))
        #expect(result.count == 1)
        #expect(result.first?.occurrences.map(\.kind) == [.available])
        #expect(result.first?.practitioner?.digits == T.gp)
    }

    @Test func xCalFileGivesTheSameOccurrencesAsICalendar() throws {
        let xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <icalendar xmlns="urn:ietf:params:xml:ns:icalendar-2.0">
          <vcalendar>
            <properties>
              <version><text>2.0</text></version>
              <x-slotmatch-rpps><unknown>10000000017</unknown></x-slotmatch-rpps>
            </properties>
            <components>
              <vevent>
                <properties>
                  <uid><text>w</text></uid>
                  <dtstart><parameters><tzid><text>Europe/Paris</text></tzid></parameters><date-time>2026-12-07T09:00:00</date-time></dtstart>
                  <dtend><parameters><tzid><text>Europe/Paris</text></tzid></parameters><date-time>2026-12-07T09:30:00</date-time></dtend>
                  <transp><text>TRANSPARENT</text></transp>
                  <categories><text>SNP</text></categories>
                </properties>
              </vevent>
            </components>
          </vcalendar>
        </icalendar>
        """
        let result = try reader.read(bytes: Array(xml.utf8), file: "a.xml", from: T.paris(1, 0), to: T.paris(31, 0))
        let o = try #require(result.first?.occurrences.first)
        #expect(o.kind == .available && o.start == T.paris(7, 9) && o.end == T.paris(7, 9, 30))
    }

    @Test func xCalVAvailabilityIsCombinedLikeICalendar() throws {
        let xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <icalendar xmlns="urn:ietf:params:xml:ns:icalendar-2.0">
          <vcalendar>
            <properties><version><text>2.0</text></version></properties>
            <components>
              <vavailability>
                <properties>
                  <uid><text>office</text></uid>
                  <dtstart><date-time>2026-12-07T08:00:00Z</date-time></dtstart>
                  <dtend><date-time>2026-12-07T17:00:00Z</date-time></dtend>
                  <priority><integer>1</integer></priority>
                </properties>
                <components>
                  <available>
                    <properties>
                      <uid><text>morning</text></uid>
                      <dtstart><date-time>2026-12-07T08:00:00Z</date-time></dtstart>
                      <duration><duration>PT3H</duration></duration>
                    </properties>
                  </available>
                </components>
              </vavailability>
            </components>
          </vcalendar>
        </icalendar>
        """
        let result = try reader.read(bytes: Array(xml.utf8), file: "v.xml", from: T.paris(1, 0), to: T.paris(31, 0))
        let a = try #require(result.first)
        #expect(a.practitioner == nil)
        #expect(a.occurrences.map { "\($0.kind.rawValue) \($0.start.iso8601)–\($0.end.iso8601)" } ==
                ["available 2026-12-07T08:00:00Z–2026-12-07T11:00:00Z", "busy 2026-12-07T11:00:00Z–2026-12-07T17:00:00Z"])
        #expect(a.declaredRange?.start == Instant.parseISO8601("2026-12-07T08:00:00Z"))
    }

    @Test func fhirJSONBundleKeepsSlotsInTheWindow() throws {
        let json = """
        {"resourceType": "Bundle", "type": "collection", "entry": [
          {"fullUrl": "urn:uuid:p1", "resource": {"resourceType": "Practitioner", "id": "p1",
            "identifier": [{"system": "urn:oid:1.2.250.1.71.4.2.1", "value": "810000000017"}]}},
          {"fullUrl": "urn:uuid:s1", "resource": {"resourceType": "Schedule", "id": "s1",
            "actor": [{"reference": "urn:uuid:p1"}]}},
          {"resource": {"resourceType": "Slot", "id": "in", "schedule": {"reference": "urn:uuid:s1"},
            "status": "free", "start": "2026-12-07T09:00:00+01:00", "end": "2026-12-07T09:20:00+01:00"}},
          {"resource": {"resourceType": "Slot", "id": "out", "schedule": {"reference": "urn:uuid:s1"},
            "status": "free", "start": "2027-02-07T09:00:00+01:00", "end": "2027-02-07T09:20:00+01:00"}}
        ]}
        """
        let result = try reader.read(bytes: Array(json.utf8), file: "b.json", from: T.paris(1, 0), to: T.paris(31, 0))
        #expect(result.first?.occurrences.map(\.uid) == ["in"])
        #expect(result.first?.occurrences.first?.kind == .slot)
        #expect(result.first?.practitioner?.digits == T.gp)
    }

    @Test func oversizedAndUnknownFilesAreRejected() throws {
        let small = PublishedFileReader(territoryZone: T.paris, sizeLimit: 10)
        #expect { _ = try small.read(bytes: Array("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".utf8), file: "big.ics", from: T.paris(1, 0), to: T.paris(2, 0)) }
            throws: { ($0 as? InputError)?.problem.contains("limit") == true }
        #expect { _ = try reader.read(bytes: Array("hello".utf8), file: "x.txt", from: T.paris(1, 0), to: T.paris(2, 0)) }
            throws: { ($0 as? InputError)?.place.file == "x.txt" }
    }
}

@Suite struct SystemZoneLookupTests {
    @Test(arguments: ["Europe/Paris", "/mozilla.org/20070129_1/Europe/Paris", "/softwarestudio.org/Olson_20011030_5/Europe/Paris"])
    func findsParis(_ tzid: String) throws {
        let rules = try #require(CalendarAvailabilityReader.systemZoneLookup(tzid, CalendarComponent(name: "VCALENDAR")))
        // 7 December 2026 09:00 in Paris is 08:00Z (CET), 7 July 2026 09:00 is 07:00Z (CEST).
        #expect(rules.instant(of: LocalDateTime(year: 2026, month: 12, day: 7, hour: 9)) == Instant.parseISO8601("2026-12-07T08:00:00Z"))
        #expect(rules.instant(of: LocalDateTime(year: 2026, month: 7, day: 7, hour: 9)) == Instant.parseISO8601("2026-07-07T07:00:00Z"))
    }

    @Test func unknownNamesAreNil() {
        #expect(CalendarAvailabilityReader.systemZoneLookup("Mars/Olympus", CalendarComponent(name: "VCALENDAR")) == nil)
        #expect(CalendarAvailabilityReader.systemZoneLookup("../../etc/passwd", CalendarComponent(name: "VCALENDAR")) == nil)
    }
}
