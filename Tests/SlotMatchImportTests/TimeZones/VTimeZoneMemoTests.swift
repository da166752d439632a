import Testing
import SlotMatchCore
@testable import SlotMatchImport

/// `VTimeZoneMemo` compares the VTIMEZONE it met last before hashing: alternating, repeated and altered zones must
/// still get their own rules, and each content is made once.
@Suite struct VTimeZoneMemoTests {
    static func zone(_ tzid: String, offset: String) -> CalendarComponent {
        let standard = CalendarComponent(name: "STANDARD", properties: [
            CalendarProperty(name: "DTSTART", value: "19701025T030000"),
            CalendarProperty(name: "TZOFFSETFROM", value: offset),
            CalendarProperty(name: "TZOFFSETTO", value: offset),
        ])
        return CalendarComponent(name: "VTIMEZONE", properties: [CalendarProperty(name: "TZID", value: tzid)], components: [standard])
    }

    @Test func alternatingZonesGetTheirOwnRules() throws {
        let memo = VTimeZoneMemo()
        let a = Self.zone("A", offset: "+0100"), b = Self.zone("B", offset: "+0200"), a2 = Self.zone("A", offset: "+0300")
        var made: [String] = []
        func rules(_ zone: CalendarComponent, horizon: Int = 2030) throws -> ZoneRules {
            try memo.rules(of: zone, horizonYear: horizon) { () throws(InputError) in
                made.append(zone.properties[0].value)
                return try VTimeZoneRules.rules(from: zone, horizonYear: horizon)
            }
        }
        let sequence = [a, a, b, a, b, b, a2, a, a2]
        let offsets = try sequence.map { try rules($0).offset(at: Instant(secondsSinceEpoch: 0)) }
        #expect(offsets == [3600, 3600, 7200, 3600, 7200, 7200, 10800, 3600, 10800])
        #expect(made == ["A", "B", "A"])   // each content made once
        // Another horizon is another entry, even right after the same content.
        _ = try rules(a, horizon: 2031)
        #expect(made == ["A", "B", "A", "A"])
        // A parameter more (or another value of one) is another content; the same parameters are the same.
        var tagged = a
        tagged.properties[0].parameters = [CalendarParameter(name: "X-FOO", values: ["1"])]
        var retagged = a
        retagged.properties[0].parameters = [CalendarParameter(name: "X-FOO", values: ["2"])]
        _ = try rules(tagged)
        _ = try rules(tagged)
        _ = try rules(retagged)
        _ = try rules(a)
        #expect(made == ["A", "B", "A", "A", "A", "A"])
        // Where a zone was read does not matter.
        var moved = b
        moved.place = SourcePlace(file: "other.ics", line: 99)
        _ = try rules(moved)
        #expect(made.count == 6)
    }
}
