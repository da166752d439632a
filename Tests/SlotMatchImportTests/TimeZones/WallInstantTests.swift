import Testing
import SlotMatchCore
@testable import SlotMatchImport

/// `ZoneRules.wallInstant(of:)` (one search, then the general comparison near a transition) against
/// `instant(of:)` (RFC 5545 §3.3.5's general resolution) and the three-offset comparison it replaces, on wall times
/// around every transition of zones with yearly changes, changes a few hours apart (there and back within a day), a
/// transition in the first or last day of the rules, and none.
@Suite struct WallInstantTests {
    static let zones: [ZoneRules] = [
        CalendarTestSupport.paris,
        .utc,
        ZoneRules(identifier: "Fixed", initialOffset: -18_000, transitions: []),
        // Out and back within a day, and two changes an hour apart.
        ZoneRules(identifier: "Quick", initialOffset: 3600,
                  transitions: [(1_800_000_000, 7200), (1_800_030_000, 3600), (1_800_400_000, -3600), (1_800_403_600, 1800)]),
        // West of Greenwich (as America/New_York): spring forward and fall back at negative offsets.
        ZoneRules(identifier: "West", initialOffset: -18_000,
                  transitions: [(1_805_000_000, -14_400), (1_820_000_000, -18_000), (1_836_000_000, -14_400)]),
        // One transition only.
        ZoneRules(identifier: "Once", initialOffset: 0, transitions: [(1_798_761_600, 36_000)]),
    ]

    @Test(arguments: zones.indices)
    func wallInstantIsTheGeneralResolution(_ zoneIndex: Int) {
        let zone = Self.zones[zoneIndex]
        var g = RandomCalendar.Generator(state: UInt64(zoneIndex + 1))
        var walls: [Int64] = []
        // Around each transition: from two days before to two days after, in steps of 7 and 1800 s and at random.
        for t in zone.transitionInstants {
            for d in stride(from: Int64(-2 * 86_400), through: 2 * 86_400, by: 1800) { walls.append(t + d) }
            for _ in 0 ..< 200 { walls.append(t + Int64(g.below(5 * 86_400)) - 2 * 86_400 - 43_200) }
            for d in [-86_401, -86_400, -86_399, -7200, -3601, -3600, -1, 0, 1, 3599, 3600, 7200, 86_399, 86_400, 86_401] as [Int64] {
                walls.append(t + d)
            }
        }
        for _ in 0 ..< 500 { walls.append(1_700_000_000 + Int64(g.below(200_000_000))) }
        for wall in walls {
            let local = LocalDateTime(wallSeconds: wall)
            let fast = zone.wallInstant(of: local)
            #expect(fast == zone.instant(of: local), "\(zone.identifier) wall \(wall)")
            #expect(fast == zone.wallInstantComparingOffsets(of: local), "\(zone.identifier) wall \(wall)")
        }
    }
}
