import Testing
import SlotMatchCore
import SlotMatchConfig
@testable import SlotMatchImport

/// One realistic GP agenda through the whole pipeline (parser → reader → cutter), every rule at once:
/// an Outlook-style VTIMEZONE under a Windows name, alternate weeks, the last Saturday of the month (BYSETPOS),
/// a public holiday as EXDATE;VALUE=DATE, a moved session, an all-day absence, a holiday week as opaque busy time,
/// a folded line, X-SLOT-DURATION.
@Suite struct RealisticCalendarTests {
    static let ics = """
    BEGIN:VCALENDAR\r
    VERSION:2.0\r
    PRODID:-//Cabinet du Lac//Agenda 4.2//FR\r
    BEGIN:VTIMEZONE\r
    TZID:Romance Standard Time\r
    BEGIN:STANDARD\r
    DTSTART:16011028T030000\r
    RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r
    TZOFFSETFROM:+0200\r
    TZOFFSETTO:+0100\r
    END:STANDARD\r
    BEGIN:DAYLIGHT\r
    DTSTART:16010325T020000\r
    RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r
    TZOFFSETFROM:+0100\r
    TZOFFSETTO:+0200\r
    END:DAYLIGHT\r
    END:VTIMEZONE\r
    BEGIN:VEVENT\r
    UID:snp-monday\r
    ORGANIZER;CN=Dr Claire Martin;X-RPPS=10000000017:mailto:c.martin@example.org\r
    DTSTART;TZID=Romance Standard Time:20261207T090000\r
    DTEND;TZID=Romance Standard Time:20261207T100000\r
    RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO\r
    TRANSP:TRANSPARENT\r
    CATEGORIES:Consultations,SNP\r
    DESCRIPTION:Créneaux réservés à la régulation SAS du territoire de Rambouille\r
     t\\, une semaine sur deux.\r
    END:VEVENT\r
    BEGIN:VEVENT\r
    UID:garde-samedi\r
    DTSTART;TZID=Romance Standard Time:20261128T090000\r
    DTEND;TZID=Romance Standard Time:20261128T120000\r
    RRULE:FREQ=MONTHLY;BYDAY=SA;BYSETPOS=-1\r
    TRANSP:TRANSPARENT\r
    CATEGORIES:snp\r
    X-SLOT-DURATION:PT30M\r
    END:VEVENT\r
    BEGIN:VEVENT\r
    UID:snp-friday\r
    DTSTART;TZID=Romance Standard Time:20261204T140000\r
    DTEND;TZID=Romance Standard Time:20261204T150000\r
    RRULE:FREQ=WEEKLY\r
    EXDATE;VALUE=DATE:20261225,20270101\r
    TRANSP:TRANSPARENT\r
    CATEGORIES:SNP\r
    END:VEVENT\r
    BEGIN:VEVENT\r
    UID:snp-friday\r
    RECURRENCE-ID;TZID=Romance Standard Time:20261211T140000\r
    DTSTART;TZID=Romance Standard Time:20261210T160000\r
    DTEND;TZID=Romance Standard Time:20261210T170000\r
    TRANSP:TRANSPARENT\r
    CATEGORIES:SNP\r
    END:VEVENT\r
    BEGIN:VEVENT\r
    UID:formation\r
    DTSTART;VALUE=DATE:20261218\r
    SUMMARY:Formation DPC\r
    END:VEVENT\r
    BEGIN:VEVENT\r
    UID:vacances\r
    DTSTART;TZID=Romance Standard Time:20261221T000000\r
    DTEND;TZID=Romance Standard Time:20261224T000000\r
    TRANSP:OPAQUE\r
    SUMMARY:Congés\r
    END:VEVENT\r
    END:VCALENDAR\r

    """

    @Test func slotsOfDecember() throws {
        let paris = try #require(ZoneInfoDatabase.system.rules(for: "Europe/Paris"))
        let reader = PublishedFileReader(territoryZone: paris)
        let from = paris.instant(of: LocalDateTime(year: 2026, month: 12, day: 1))
        let to = paris.instant(of: LocalDateTime(year: 2027, month: 1, day: 1))
        let result = try reader.read(bytes: Array(Self.ics.utf8), file: "martin.ics", from: from, to: to)
        let availability = try #require(result.first)
        #expect(availability.practitioner?.digits == "10000000017")
        let slots = SlotCutter().slots(from: availability, practitioner: try RPPS("10000000017"), source: "martin.ics",
                                       from: from, to: to, now: from)
        let readings = slots.map { slot -> String in
            let l = paris.localTime(of: slot.start)
            return "\(l.date.day) \(l.hour):\(l.minute < 10 ? "0" : "")\(l.minute)/\(slot.durationSeconds / 60)"
        }
        #expect(readings == [
            "4 14:00/15", "4 14:15/15", "4 14:30/15", "4 14:45/15",        // Friday (11th moved, 18th absent, 25th holiday)
            "7 9:00/15", "7 9:15/15", "7 9:30/15", "7 9:45/15",            // Monday, alternate weeks (21st in the holiday week)
            "10 16:00/15", "10 16:15/15", "10 16:30/15", "10 16:45/15",    // the moved Friday session
            "26 9:00/30", "26 9:30/30", "26 10:00/30", "26 10:30/30", "26 11:00/30", "26 11:30/30",  // last Saturday
        ])
    }
}
