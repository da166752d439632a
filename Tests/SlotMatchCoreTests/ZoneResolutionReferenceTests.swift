import Testing
@testable import SlotMatchCore

/// `ZoneRules.resolve` (one search away from transitions, three candidate offsets near one, no lists) against
/// RFC 5545 §3.3.5's resolution written the plain way (the candidates gathered in a set, sorted, each checked), on
/// wall times around every transition of zones with yearly changes, changes a few hours apart (there and back
/// within a day), west of Greenwich, a single transition, and none.
@Suite struct ZoneResolutionReferenceTests {
    static let zones: [ZoneRules] = {
        // Europe/Paris as the EU rule gives it, 2024–2030.
        var paris: [(instant: Int64, offsetAfter: Int32)] = []
        for year in 2024 ... 2030 {
            for (month, offset) in [(3, Int32(7200)), (10, Int32(3600))] {
                var day = CivilDate(year: year, month: month, day: 31)
                while day.weekday != .sunday { day = day.adding(days: -1) }
                paris.append((Int64(day.daysSinceEpoch) * 86_400 + 3600, offset))
            }
        }
        return [
            ZoneRules(identifier: "Europe/Paris", initialOffset: 3600, transitions: paris),
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
    }()

    /// The resolution as first written: every candidate offset in a set, sorted, each kept when it holds.
    static func reference(_ zone: ZoneRules, _ local: LocalDateTime) -> ZoneRules.Resolution {
        let wall = local.wallSeconds
        let probeBefore = zone.offset(at: Instant(secondsSinceEpoch: wall - 86_400))
        let probeAfter = zone.offset(at: Instant(secondsSinceEpoch: wall + 86_400))
        var matches: [Instant] = []
        for candidate in Set([probeBefore, probeAfter, zone.offset(at: Instant(secondsSinceEpoch: wall))]).sorted(by: >) {
            let instant = Instant(secondsSinceEpoch: wall - Int64(candidate))
            if zone.offset(at: instant) == candidate, !matches.contains(instant) { matches.append(instant) }
        }
        matches.sort()
        switch matches.count {
        case 0: return .skipped(Instant(secondsSinceEpoch: wall - Int64(probeBefore)))
        case 1: return .unique(matches[0])
        default: return .repeated(first: matches[0], second: matches[matches.count - 1])
        }
    }

    @Test(arguments: zones.indices)
    func resolveIsTheReferenceResolution(_ zoneIndex: Int) {
        let zone = Self.zones[zoneIndex]
        var g = SplitMix64(seed: UInt64(zoneIndex + 1))
        var walls: [Int64] = []
        // Around each transition: from two days before to two days after, in steps of 1800 s and at random.
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
            #expect(zone.resolve(local) == Self.reference(zone, local), "\(zone.identifier) wall \(wall)")
        }
    }
}
