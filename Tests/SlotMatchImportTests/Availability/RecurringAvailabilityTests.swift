import Testing
import SlotMatchCore
@testable import SlotMatchImport

private typealias T = CalendarTestSupport

@Suite struct RecurringAvailabilityTests {
    /// The example of docs/slot-rules.md, end to end.
    @Test func documentedExample() throws {
        let ics = T.calendar("""
        BEGIN:VEVENT
        UID:snp-monday
        DTSTART;TZID=Europe/Paris:20261207T090000
        DTEND;TZID=Europe/Paris:20261207T101000
        RRULE:FREQ=WEEKLY
        TRANSP:TRANSPARENT
        CATEGORIES:SNP
        X-SLOT-DURATION:PT20M
        END:VEVENT
        BEGIN:VEVENT
        UID:meeting
        DTSTART;TZID=Europe/Paris:20261214T092000
        DTEND;TZID=Europe/Paris:20261214T093000
        END:VEVENT
        """)
        let a = try T.read(ics, from: T.paris(7, 0), to: T.paris(15, 0))
        #expect(T.starts(try T.slots(a)) == ["7 09:00", "7 09:20", "7 09:40", "14 09:00", "14 09:40"])
    }

    @Test func weeklyWindowsWithMovedAndCancelledSessionsAndHolidays() throws {
        let ics = T.calendar("""
        BEGIN:VEVENT
        UID:fri
        DTSTART;TZID=Europe/Paris:20261204T140000
        DTEND;TZID=Europe/Paris:20261204T150000
        RRULE:FREQ=WEEKLY;BYDAY=FR
        EXDATE;VALUE=DATE:20261225
        TRANSP:TRANSPARENT
        CATEGORIES:SNP
        X-SLOT-DURATION:PT30M
        END:VEVENT
        BEGIN:VEVENT
        UID:fri
        RECURRENCE-ID;TZID=Europe/Paris:20261211T140000
        DTSTART;TZID=Europe/Paris:20261212T100000
        DTEND;TZID=Europe/Paris:20261212T110000
        TRANSP:TRANSPARENT
        CATEGORIES:SNP
        END:VEVENT
        BEGIN:VEVENT
        UID:fri
        RECURRENCE-ID;TZID=Europe/Paris:20261218T140000
        DTSTART;TZID=Europe/Paris:20261218T140000
        STATUS:CANCELLED
        END:VEVENT
        """)
        let a = try T.read(ics, from: T.paris(1, 0), to: T.paris(31, 0))
        let days = a.occurrences.map { T.paris.localTime(of: $0.start).date.day }
        #expect(days == [4, 12])  // 11 moved to Saturday 12, 18 cancelled, 25 a holiday
        #expect(a.occurrences.last?.slotLengthSeconds == nil)  // the override has its own properties: default length
        #expect(T.starts(try T.slots(a)) == ["4 14:00", "4 14:30", "12 10:00", "12 10:15", "12 10:30", "12 10:45"])
    }

    @Test func weeklyLocalTimeKeepsItsWallClockAcrossTheOctoberChange() throws {
        let ics = T.calendar("BEGIN:VEVENT\nUID:w\nDTSTART;TZID=Europe/Paris:20261019T090000\nDTEND;TZID=Europe/Paris:20261019T100000\nRRULE:FREQ=WEEKLY;COUNT=3\nTRANSP:TRANSPARENT\nCATEGORIES:SNP\nEND:VEVENT")
        let a = try T.read(ics, from: T.paris(1, 0, month: 10), to: T.paris(30, 0, month: 11))
        #expect(a.occurrences.map(\.start.iso8601) == ["2026-10-19T07:00:00Z", "2026-10-26T08:00:00Z", "2026-11-02T08:00:00Z"])
    }

    @Test func occurrenceStartingBeforeTheWindowButOverlappingItIsKept() throws {
        let ics = T.calendar("BEGIN:VEVENT\nUID:night\nDTSTART;TZID=Europe/Paris:20261130T220000\nDTEND;TZID=Europe/Paris:20261201T020000\nRRULE:FREQ=DAILY;COUNT=2\nEND:VEVENT")
        let a = try T.read(ics, from: T.paris(1, 0), to: T.paris(1, 12))
        #expect(a.occurrences.map(\.start) == [T.paris(30, 22, month: 11)])
    }

    @Test func recurringAvailableWithPriorities() throws {
        // Weekdays 09:00–12:00 available (PRIORITY 2) over December; a PRIORITY 1 component makes 8–9 December busy.
        let ics = T.calendar("""
        BEGIN:VAVAILABILITY
        UID:office
        DTSTART;TZID=Europe/Paris:20261207T000000
        DTEND;TZID=Europe/Paris:20261212T000000
        PRIORITY:2
        X-SLOT-DURATION:PT30M
        BEGIN:AVAILABLE
        UID:office-mornings
        DTSTART;TZID=Europe/Paris:20261207T090000
        DTEND;TZID=Europe/Paris:20261207T120000
        RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR
        END:AVAILABLE
        END:VAVAILABILITY
        BEGIN:VAVAILABILITY
        UID:training
        DTSTART;TZID=Europe/Paris:20261208T000000
        DTEND;TZID=Europe/Paris:20261210T000000
        PRIORITY:1
        BUSYTYPE:BUSY
        END:VAVAILABILITY
        """)
        let a = try T.read(ics)
        #expect(a.declaredRange?.start == T.paris(7, 0) && a.declaredRange?.end == T.paris(12, 0))
        let windows = a.occurrences.filter { $0.kind == .available }
        #expect(windows.map { T.paris.localTime(of: $0.start).date.day } == [7, 10, 11])
        #expect(windows.allSatisfy { $0.component == "AVAILABLE" && $0.slotLengthSeconds == 1800 })
        let busy = TimeSpanSet(a.occurrences.filter { $0.kind == .busy }.map { TimeSpan($0.start, $0.end) })
        #expect(busy.contains(T.paris(8, 10).secondsSinceEpoch) && busy.contains(T.paris(7, 13).secondsSinceEpoch))
        #expect(!busy.contains(T.paris(12, 10).secondsSinceEpoch))  // outside every range
        #expect(try T.slots(a).count == 3 * 6)
    }

    @Test func csvThroughTheFacade() throws {
        let csv = "rpps,start,end,mode,visibility,slot_minutes\n10000000017,2026-12-07 09:00,2026-12-07 10:10,VR,SNP,20\n"
        let reader = PublishedFileReader(territoryZone: T.paris, zoneLookup: T.lookup)
        let result = try reader.read(bytes: Array(csv.utf8), file: "a.csv", from: T.paris(1, 0), to: T.paris(31, 0))
        let a = try #require(result.first)
        #expect(T.starts(try T.slots(a)) == ["7 09:00", "7 09:20", "7 09:40"])
        #expect(try T.slots(a).allSatisfy { $0.mode == .video })
    }
}
