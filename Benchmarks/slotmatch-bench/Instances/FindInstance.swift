import SlotMatchConfig
import SlotMatchCore
import SlotMatchMatching

/// An instance ready for the store: roster GPs (with RPPS numbers and names, as `slotmatch serve` reads them),
/// how many regulated consultations each already has this week, and the free slots of the week.
///
/// Two sizes: `national` (the `search` benchmark's France-sized generator, ~52,000 GPs, ~3.6 M slots) and
/// `territory` (the CPTS's own roster, `Schedules/roster.csv`, with a few SNP sessions per GP).
struct FindInstance {
    var name: String
    var practitioners: [Practitioner]
    /// The practitioners as the slot generator saw them (same order): locations, modes, caps.
    var indexed: [IndexedPractitioner]
    /// Regulated consultations already booked this week, per practitioner (same order).
    var usedThisWeek: [Int]
    /// Free slots; `practitioner` is the position in `practitioners`. Ids are the generator's, not the store's.
    var slots: [IndexedSlot]
    var weekStart: Int64

    /// Monday 2026-12-07 00:00 UTC (01:00 in Paris): every query and slot of the week falls in one Paris ISO week,
    /// the week of the SNP cap.
    static let mondayWeekStart: Int64 = 1_796_601_600

    /// The national instance, with synthetic RPPS numbers (valid Luhn digit) and invented names; the practices
    /// carry their own coordinates and the commune code `00000` (outside the territory: no pole).
    static func national(practitioners count: Int, targetSlots: Int, seed: UInt64) throws -> FindInstance {
        let n = NationalInstance.make(practitioners: count, targetSlots: targetSlots, seed: seed, weekStart: mondayWeekStart)
        var roster: [Practitioner] = []
        roster.reserveCapacity(n.practitioners.count)
        for (i, gp) in n.practitioners.enumerated() {
            roster.append(Practitioner(rpps: try syntheticRPPS(i), displayName: "Dr Synthèse \(i + 1)",
                                       site: PracticeSite(communeInsee: "00000", location: gp.location), modes: Set(gp.modes.modes),
                                       participatesInSNP: gp.participatesInSNP, weeklySNPCap: Int(gp.weeklyCap),
                                       homeVisitRadiusKm: gp.homeVisitRadiusKm))
        }
        return FindInstance(name: "national", practitioners: roster, indexed: n.practitioners,
                            usedThisWeek: n.practitioners.map { Int($0.usedThisWeek) }, slots: n.slots, weekStart: n.weekStart)
    }

    /// The real territory: the roster file's GPs at their commune centres (as `roster import` stores them), each
    /// with `slotsPerPractitioner` slots a week in SNP sessions of 1 to 3 hours, and 0 to half their cap already used.
    static func territory(rosterPath: String, territory: Territory, slotsPerPractitioner: Int, seed: UInt64) throws -> FindInstance {
        let roster = try RosterFile.load(path: rosterPath, territory: territory)
        var rng = BenchRandom(seed: seed)
        var indexed: [IndexedPractitioner] = []
        var used: [Int] = []
        for p in roster {
            let location = p.site.location ?? territory.commune(insee: p.site.communeInsee)?.location ?? GeoPoint(latitude: 48.64, longitude: 1.83)
            let u = Int.random(in: 0 ... max(0, p.weeklySNPCap / 2), using: &rng)
            used.append(u)
            indexed.append(IndexedPractitioner(location: location, homeVisitRadiusKm: p.homeVisitRadiusKm,
                                               weeklyCap: Int32(clamping: p.weeklySNPCap), usedThisWeek: Int32(u),
                                               modes: ModeSet(p.modes), participatesInSNP: p.participatesInSNP))
        }
        let slots = NationalInstance.sessions(for: indexed, slotsPerPractitioner: slotsPerPractitioner,
                                              weekStart: mondayWeekStart, using: &rng)
        return FindInstance(name: "territory", practitioners: roster, indexed: indexed, usedThisWeek: used, slots: slots,
                            weekStart: mondayWeekStart)
    }

    /// `19` + 8 digits of `i` (i < 10⁸) + the Luhn check digit: 11 digits with a valid check digit.
    static func syntheticRPPS(_ i: Int) throws -> RPPS {
        let body = "1" + String(900_000_000 + i % 100_000_000)
        return try RPPS(body + String(RPPS.checkDigit(forPrefix: body)))
    }
}
