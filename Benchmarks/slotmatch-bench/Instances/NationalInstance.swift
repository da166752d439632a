import SlotMatchCore
import SlotMatchMatching

/// A synthetic France-sized instance: GPs clustered around towns of Zipf-like sizes in the box
/// lat 42.3–51.1, lon −4.8–8.2, each with sessions of 15-minute slots over one week.
struct NationalInstance {
    var practitioners: [IndexedPractitioner]
    var slots: [IndexedSlot]
    var weekStart: Int64

    static let kmPerDegree = GeoPoint.earthRadiusKilometres * Double.pi / 180

    /// Friday 2026-12-04 00:00 UTC: the week the `search` benchmark has always used.
    static let defaultWeekStart: Int64 = 1_796_342_400

    static func make(practitioners count: Int, targetSlots: Int, seed: UInt64, weekStart: Int64 = defaultWeekStart) -> NationalInstance {
        var rng = BenchRandom(seed: seed)
        // Towns: sizes ~ 1/rank, so a few cities and many small towns.
        let townCount = 2_000
        var towns: [(GeoPoint, Double)] = []
        var totalWeight = 0.0
        for rank in 1 ... townCount {
            let p = GeoPoint(latitude: Double.random(in: 42.3 ... 51.1, using: &rng), longitude: Double.random(in: -4.8 ... 8.2, using: &rng))
            let w = 1.0 / Double(rank)
            towns.append((p, w)); totalWeight += w
        }
        var cumulative: [Double] = []
        var acc = 0.0
        for t in towns { acc += t.1 / totalWeight; cumulative.append(acc) }
        func pickTown(_ rng: inout BenchRandom) -> Int {
            let u = Double.random(in: 0 ..< 1, using: &rng)
            var lo = 0, hi = cumulative.count - 1
            while lo < hi { let mid = (lo + hi) / 2; if cumulative[mid] < u { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        var gps: [IndexedPractitioner] = []
        gps.reserveCapacity(count)
        for _ in 0 ..< count {
            let t = pickTown(&rng)
            let (center, w) = towns[t]
            let spreadKm = 2 + 40 * (w / towns[0].1).squareRoot()  // big cities spread wider
            let lat = center.latitude + rng.gaussian() * spreadKm / kmPerDegree
            let lon = center.longitude + rng.gaussian() * spreadKm / (kmPerDegree * cos(center.latitude * Double.pi / 180))
            var modes: ModeSet = [.office]
            if Int.random(in: 0 ..< 3, using: &rng) == 0 { modes.insert(.homeVisit) }
            if Int.random(in: 0 ..< 4, using: &rng) == 0 { modes.insert(.video) }
            gps.append(IndexedPractitioner(location: GeoPoint(latitude: min(51.1, max(42.3, lat)), longitude: min(8.2, max(-4.8, lon))),
                                           homeVisitRadiusKm: Double.random(in: 5 ... 15, using: &rng), weeklyCap: 20,
                                           usedThisWeek: Int32.random(in: 0 ... 20, using: &rng), modes: modes,
                                           participatesInSNP: Int.random(in: 0 ..< 10, using: &rng) != 0, pole: Int32(t)))
        }
        let perGP = max(1, targetSlots / max(1, count))
        let slots = sessions(for: gps, slotsPerPractitioner: perGP, weekStart: weekStart, using: &rng)
        return NationalInstance(practitioners: gps, slots: slots, weekStart: weekStart)
    }

    /// Sessions of 15-minute slots for each GP over the week from `weekStart`: a random day, a start between
    /// 08:00 and 18:00 UTC, 4 to 12 slots in one of the GP's modes, tagged SNP (or CPTS for one in five), until
    /// the GP has `slotsPerPractitioner`. Slot ids count from 1 in GP order.
    static func sessions(for gps: [IndexedPractitioner], slotsPerPractitioner perGP: Int, weekStart: Int64,
                         using rng: inout BenchRandom) -> [IndexedSlot] {
        var slots: [IndexedSlot] = []
        slots.reserveCapacity(gps.count * perGP + 64)
        var id: Int64 = 1
        for (p, gp) in gps.enumerated() {
            var made = 0
            while made < perGP {
                // A session: a day, a start between 08:00 and 18:00 UTC, 4 to 12 slots of 15 minutes.
                let day = Int64.random(in: 0 ..< 7, using: &rng)
                let startMinute = Int64.random(in: 8 * 4 ..< 18 * 4, using: &rng) * 15
                let length = min(perGP - made, Int.random(in: 4 ... 12, using: &rng))
                let mode: ConsultationMode = gp.modes.modes.randomElement(using: &rng) ?? .office
                let visibility: SlotVisibility = Int.random(in: 0 ..< 5, using: &rng) == 0 ? [.cpts, .professional] : [.snp, .professional]
                for j in 0 ..< length {
                    let start = weekStart + day * 86_400 + (startMinute + Int64(j) * 15) * 60
                    slots.append(IndexedSlot(id: id, practitioner: Int32(p), start: start, end: start + 900, mode: mode, visibility: visibility))
                    id += 1
                }
                made += length
            }
        }
        return slots
    }
}

import Glibc
