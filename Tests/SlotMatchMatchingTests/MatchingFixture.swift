import SlotMatchCore
@testable import SlotMatchMatching

/// Small hand-made and random instances around Rambouillet for the matching tests.
enum MatchingFixture {
    static let now: Int64 = 1_796_000_000  // a Friday afternoon in 2026
    static let rambouillet = GeoPoint(latitude: 48.6436, longitude: 1.8295)
    static let search = SlotSearch()

    /// A point `km` kilometres north of `p` (along the meridian).
    static func north(of p: GeoPoint, km: Double) -> GeoPoint {
        GeoPoint(latitude: p.latitude + km / (GeoPoint.earthRadiusKilometres * Double.pi / 180), longitude: p.longitude)
    }

    static func index(_ gps: [IndexedPractitioner], _ slots: [IndexedSlot]) throws -> SlotIndex {
        try SlotIndex(practitioners: gps, slots: slots)
    }

    /// A random instance: GPs clustered around a few towns in a 60 km box, slots over a week. `weekly`: cap
    /// weeks every `weekDays` days over the span (so slots fall in several) with random counts per GP and week.
    static func random(seed: UInt64, practitioners: Int, slotsPerGP: Int, cellKilometres: Double = 5, spanDays: Int = 7,
                       weekly: Bool = false, weekDays: Int = 2) throws -> (SlotIndex, [IndexedPractitioner]) {
        var rng = SplitMix(seed: seed)
        let towns = (0 ..< 6).map { _ in
            GeoPoint(latitude: 48.4 + Double.random(in: 0 ..< 0.5, using: &rng), longitude: 1.5 + Double.random(in: 0 ..< 0.7, using: &rng))
        }
        var gps: [IndexedPractitioner] = []
        for _ in 0 ..< practitioners {
            let t = towns[Int.random(in: 0 ..< towns.count, using: &rng)]
            let loc = GeoPoint(latitude: t.latitude + Double.random(in: -0.05 ... 0.05, using: &rng),
                               longitude: t.longitude + Double.random(in: -0.07 ... 0.07, using: &rng))
            var modes: ModeSet = [.office]
            if Bool.random(using: &rng) { modes.insert(.homeVisit) }
            if Int.random(in: 0 ..< 3, using: &rng) == 0 { modes.insert(.video) }
            let cap = Int32.random(in: 0 ... 20, using: &rng)
            gps.append(IndexedPractitioner(location: loc, homeVisitRadiusKm: Double.random(in: 0 ... 15, using: &rng), weeklyCap: cap,
                                           usedThisWeek: Int32.random(in: 0 ... max(0, cap), using: &rng), modes: modes,
                                           participatesInSNP: Int.random(in: 0 ..< 5, using: &rng) != 0,
                                           pole: Int32.random(in: -1 ... 2, using: &rng)))
        }
        var slots: [IndexedSlot] = []
        var id: Int64 = 1
        let tags: [SlotVisibility] = [.snp, .cpts, .publicAccess, [.snp, .publicAccess], .professional, [.cpts, .professional]]
        for (p, gp) in gps.enumerated() {
            for _ in 0 ..< Int.random(in: 0 ... slotsPerGP, using: &rng) {
                // Starts on a 5-minute grid so equal starts (ties) happen.
                let start = now - 3600 + 300 * Int64.random(in: 0 ..< Int64(spanDays) * 300, using: &rng)
                let mode = gp.modes.modes.randomElement(using: &rng) ?? .office
                slots.append(IndexedSlot(id: id, practitioner: Int32(p), start: start, end: start + 900, mode: mode,
                                         visibility: tags.randomElement(using: &rng)!))
                id += 1
            }
        }
        slots.shuffle(using: &rng)
        guard weekly else { return (try SlotIndex(practitioners: gps, slots: slots, cellKilometres: cellKilometres), gps) }
        let step = Int64(weekDays) * 86_400
        let starts = (0 ... spanDays / weekDays + 1).map { now - 7200 + Int64($0) * step + Int64.random(in: 0 ..< 3600, using: &rng) }
        let weeks = CapWeeks(starts: starts)
        var use: [WeeklyUse] = []
        for (p, gp) in gps.enumerated() {
            for w in [now - 86_400 * 30] + starts where Bool.random(using: &rng) {
                use.append(WeeklyUse(practitioner: Int32(p), weekStart: w, count: Int32.random(in: 0 ... max(0, gp.weeklyCap), using: &rng)))
            }
        }
        return (try SlotIndex(practitioners: gps, slots: slots, weeks: weeks, weeklyUse: use, currentWeekContaining: now,
                              cellKilometres: cellKilometres), gps)
    }
}
