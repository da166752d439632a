import SlotMatchCore
@testable import SlotMatchImport

/// Shared fixtures for the calendar-to-slots tests: a Europe/Paris zone built from the EU rule, a parser shortcut.
enum CalendarTestSupport {
    /// Europe/Paris 2020–2030: CET (+1 h), CEST (+2 h) from the last Sunday of March to the last Sunday of October, 01:00 UTC.
    static let paris: ZoneRules = {
        var transitions: [(instant: Int64, offsetAfter: Int32)] = []
        for year in 2020 ... 2030 {
            for (month, offset) in [(3, Int32(7200)), (10, Int32(3600))] {
                var day = CivilDate(year: year, month: month, day: 31)
                while day.weekday != .sunday { day = day.adding(days: -1) }
                transitions.append((Int64(day.daysSinceEpoch) * 86_400 + 3600, offset))
            }
        }
        return ZoneRules(identifier: "Europe/Paris", initialOffset: 3600, transitions: transitions)
    }()

    static let lookup: CalendarAvailabilityReader.ZoneLookup = { tzid, _ in
        tzid == "Europe/Paris" ? paris : CalendarAvailabilityReader.basicZoneLookup(tzid, CalendarComponent(name: "VCALENDAR"))
    }

    static let reader = CalendarAvailabilityReader(territoryZone: paris, zoneLookup: lookup)

    static let gp = "10000000017"

    /// A VCALENDAR around `body` (lines separated by `\n`, written with CRLF).
    static func calendar(_ body: String, header: String = "X-SLOTMATCH-RPPS:10000000017") -> [UInt8] {
        let lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//SlotMatch tests//EN"] + (header.isEmpty ? [] : [header])
            + body.split(separator: "\n").map(String.init) + ["END:VCALENDAR"]
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// Paris wall-clock time on a December 2026 day → instant (CET, +1 h).
    static func paris(_ day: Int, _ hour: Int, _ minute: Int = 0, month: Int = 12, year: Int = 2026) -> Instant {
        paris.instant(of: LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute))
    }

    static func read(_ bytes: [UInt8], from: Instant = paris(1, 0), to: Instant = paris(31, 0)) throws -> PublishedAvailability {
        let components = try ICalendarParser.parse(bytes: bytes, file: "test.ics")
        let result = try reader.read(components, file: "test.ics", from: from, to: to)
        guard let first = result.first else { throw InputError(SourcePlace(), "no calendar", remedy: "") }
        return first
    }

    static func slots(_ availability: PublishedAvailability, now: Instant = paris(1, 0)) throws -> [Slot] {
        SlotCutter().slots(from: availability, practitioner: try RPPS(gp), source: "test.ics",
                           from: paris(1, 0), to: paris(31, 0), now: now)
    }

    /// `HH:MM` Paris readings of slot starts.
    static func starts(_ slots: [Slot]) -> [String] {
        slots.map { let l = paris.localTime(of: $0.start); return "\(l.date.day) " + pad(l.hour) + ":" + pad(l.minute) }
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
