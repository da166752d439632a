import Testing
import SlotMatchCore
@testable import SlotMatchMatching

/// The index's answer equals the scan-all answer (slots, costs, breakdowns, reasons, offers) on many
/// random instances and queries.
@Suite struct ReferenceTests {
    struct Instance: Sendable, CustomTestStringConvertible {
        var seed: UInt64, practitioners: Int, slotsPerGP: Int, cellKilometres: Double, spanDays: Int = 7, weekly: Bool = false
        var testDescription: String {
            "seed \(seed), \(practitioners) GPs × ≤\(slotsPerGP), cells \(cellKilometres) km, \(spanDays) days" + (weekly ? ", caps per week" : "")
        }
    }

    static let instances: [Instance] = [
        Instance(seed: 1, practitioners: 1, slotsPerGP: 5, cellKilometres: 5),
        Instance(seed: 2, practitioners: 10, slotsPerGP: 20, cellKilometres: 5),
        Instance(seed: 3, practitioners: 60, slotsPerGP: 40, cellKilometres: 5),
        Instance(seed: 4, practitioners: 200, slotsPerGP: 25, cellKilometres: 2),
        Instance(seed: 5, practitioners: 400, slotsPerGP: 10, cellKilometres: 5),
        Instance(seed: 6, practitioners: 150, slotsPerGP: 60, cellKilometres: 11),
        Instance(seed: 7, practitioners: 40, slotsPerGP: 3, cellKilometres: 1),
        // A long span: buckets wider than an hour.
        Instance(seed: 8, practitioners: 2500, slotsPerGP: 8, cellKilometres: 5, spanDays: 500),
        // Caps counted per week, the weeks 2 days long so that slots and windows cross them.
        Instance(seed: 9, practitioners: 60, slotsPerGP: 40, cellKilometres: 5, weekly: true),
        Instance(seed: 10, practitioners: 300, slotsPerGP: 20, cellKilometres: 3, weekly: true),
        Instance(seed: 11, practitioners: 8, slotsPerGP: 60, cellKilometres: 5, spanDays: 21, weekly: true),
    ]

    @Test(arguments: instances)
    func indexAgreesWithScanningAll(_ inst: Instance) throws {
        var (index, gps) = try MatchingFixture.random(seed: inst.seed, practitioners: inst.practitioners,
                                                      slotsPerGP: inst.slotsPerGP, cellKilometres: inst.cellKilometres, spanDays: inst.spanDays,
                                                      weekly: inst.weekly)
        var rng = SplitMix(seed: inst.seed &* 7919)
        let now = MatchingFixture.now
        let modeChoices: [ModeSet] = [[.office], [.homeVisit], [.video], [.office, .homeVisit], .all, [.office, .video]]
        let weightChoices = [CostWeights.defaults, CostWeights(travelMinute: 1, waitMinute: 5, treatingGPBonus: 10_000,
                                                                practitionerLoad: 0, poleLoad: 500),
                             CostWeights(travelMinute: 0, waitMinute: 0, treatingGPBonus: 0, practitionerLoad: 0, poleLoad: 0)]
        var nonEmpty = 0
        for round in 0 ..< 150 {
            let patient = GeoPoint(latitude: 48.35 + Double.random(in: 0 ..< 0.65, using: &rng),
                                   longitude: 1.4 + Double.random(in: 0 ..< 0.9, using: &rng))
            let at = now + Int64.random(in: -3600 ... 86400 * Int64(inst.spanDays) / 7, using: &rng)
            var q = SlotQuery(patient: patient, now: at, deadline: at + Int64.random(in: -600 ... 72 * 3600, using: &rng),
                              modes: modeChoices.randomElement(using: &rng)!, limit: Int.random(in: 1 ... 12, using: &rng),
                              maxTravelMinutes: Int.random(in: 5 ... 120, using: &rng))
            if Bool.random(using: &rng) { q.treatingPractitioner = Int32.random(in: 0 ..< Int32(gps.count), using: &rng) }
            if Int.random(in: 0 ..< 4, using: &rng) == 0 { q.visibility = [.publicAccess, .snp] }
            if Int.random(in: 0 ..< 4, using: &rng) == 0 {
                q.travelOverride = TravelOverride((0 ..< 5).map { _ in
                    (practitioner: Int32.random(in: 0 ..< Int32(gps.count), using: &rng), minutes: Int32.random(in: 0 ... 90, using: &rng))
                })
            }
            if inst.weekly && round % 5 == 0 { index.setCurrentWeek(containing: at) }
            let search = SlotSearch(weights: weightChoices[round % weightChoices.count])
            let fast = search.find(q, in: index)
            let slow = search.findByScanningAll(q, in: index)
            #expect(fast == slow, "round \(round)")
            if !fast.slots.isEmpty { nonEmpty += 1 }
            for s in fast.slots {
                #expect(!index.isCapped(practitioner: s.practitioner, at: s.start))
                #expect(s.breakdown.total == s.cost)
                #expect(s.start <= q.deadline && s.start >= q.now)
            }
            if fast.slots.isEmpty { #expect(fast.reasons.count == 1) }
            // Book the best answer now and then, so later queries run on an updated index.
            if let best = fast.slots.first, round % 3 == 0 {
                index.remove(slotID: best.slotID)
                index.markUsed(practitioner: best.practitioner, slotStart: best.start)
            }
        }
        if inst.practitioners >= 10 { #expect(nonEmpty > 20) }
        if inst.spanDays > 100 { #expect(index.bucketSeconds > 3600) }
    }
}
