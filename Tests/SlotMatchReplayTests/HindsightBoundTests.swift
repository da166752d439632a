import SlotMatchCore
import Testing
@testable import SlotMatchReplay

/// On random small cases, no policy serves more requests in target than `hindsight`, and every booking
/// respects the shared rules (slot used once, caps per GP-week, start after the call plus travel).
@Suite struct HindsightBoundTests {
    typealias F = ReplayFixtures

    static func randomCase(seed: UInt64) throws -> ReplayInstance {
        var g = SplitMix64(seed: seed)
        let communes = ["90001", "90002", "90003"]
        let levels: [UrgencyLevel] = [.urgent, .sameDay, .within24h, .within48h, .vital]
        let gpCount = 1 + g.below(4)
        var practitioners: [Practitioner] = []
        var slots: [Slot] = []
        for p in 0 ..< gpCount {
            practitioners.append(F.gp(p + 1, commune: communes[g.below(3)], cap: 1 + g.below(4), modes: [.office, .homeVisit, .video]))
            for _ in 0 ..< 2 + g.below(8) {
                let mode: ConsultationMode = [.office, .office, .homeVisit, .video][g.below(4)]
                slots.append(F.slot(p + 1, hours: Double(g.below(72 * 4)) / 4, mode: mode))
            }
        }
        var demand: [DemandRecord] = []
        for r in 0 ..< 3 + g.below(20) {
            let modes: [[ConsultationMode]] = [[.office], [.office, .video], [.homeVisit], [.office, .homeVisit]]
            demand.append(F.request("r\(r)", commune: communes[g.below(3)], hours: Double(g.below(60 * 4)) / 4,
                                    level: levels[g.below(levels.count)], modes: modes[g.below(modes.count)]))
        }
        return try ReplayInstance(territory: try F.lineTerritory(), zone: F.utc,
                                  supply: ReplaySupply(practitioners: practitioners, slots: slots), demand: demand)
    }

    @Test(arguments: 0 ..< 60)
    func hindsightIsNeverBeaten(_ seed: Int) throws {
        let inst = try Self.randomCase(seed: UInt64(seed) &* 7919 &+ 1)
        let engine = ReplayEngine(inst)
        let bound = engine.run(.hindsight)
        #expect(bound.exact)
        for policy in [ReplayPolicy.nearest, .ranked, .batch(windowSeconds: 900), .batch(windowSeconds: 3600)] {
            let run = engine.run(policy)
            Self.expectBound(bound, beats: run, engine)
            Self.checkRules(run, inst)
        }
        Self.checkRules(bound, inst)
    }

    static func inTarget(_ run: PolicyRun) -> Int { run.outcomes.filter { $0.status == .servedInTarget }.count }

    /// Lexicographic bound: at least as many in target, and when as many, no more booking cost.
    static func expectBound(_ bound: PolicyRun, beats run: PolicyRun, _ engine: ReplayEngine) {
        let best = inTarget(bound), served = inTarget(run)
        #expect(served <= best, "\(run.policy) served \(served) in target, hindsight \(best)")
        if served == best {
            #expect(engine.bookingCost(of: run) >= engine.bookingCost(of: bound), "\(run.policy) as many in target and cheaper")
        }
    }

    /// A fortnight of 2,000 calls on 12 GPs with one daily session of four slots: far more demand than supply,
    /// every GP within reach of every call, so requests compete for the same cheap slots.
    static func largeCase(arcLimit: Int, pricingRounds: Int = 1_000) throws -> ReplayInstance {
        var g = SplitMix64(seed: 2027)
        let communes = ["90001", "90002", "90003"]
        let levels: [UrgencyLevel] = [.urgent, .sameDay, .sameDay, .within24h, .within48h, .within48h]
        var practitioners: [Practitioner] = []
        var slots: [Slot] = []
        for p in 0 ..< 12 {
            practitioners.append(F.gp(p + 1, commune: communes[p % 3], cap: 12 + g.below(10), modes: [.office, .homeVisit, .video]))
            for day in 0 ..< 15 {
                let hour = Double(8 + g.below(11))
                for q in 0 ..< 4 {
                    slots.append(F.slot(p + 1, hours: Double(day * 24) + hour + Double(q) / 4, mode: q == 3 ? .video : .office))
                }
            }
        }
        var demand: [DemandRecord] = []
        let modes: [[ConsultationMode]] = [[.office], [.office, .video], [.office], [.video]]
        for r in 0 ..< 2_000 {
            demand.append(F.request("L\(r)", commune: communes[g.below(3)], hours: Double(g.below(14 * 24 * 4)) / 4,
                                    level: levels[g.below(levels.count)], modes: modes[g.below(modes.count)]))
        }
        return try ReplayInstance(territory: try F.lineTerritory(), zone: F.utc,
                                  supply: ReplaySupply(practitioners: practitioners, slots: slots), demand: demand,
                                  options: ReplayOptions(hindsightArcLimit: arcLimit, hindsightPricingRounds: pricingRounds))
    }

    /// The pruning path (8 arcs per request instead of all) reaches the same optimum through pricing, proven
    /// (`exact`), and no policy beats it; without pricing rounds the first network is not proven optimal but,
    /// seeded with `nearest`'s and the given runs' slots, is still no worse than them.
    @Test func prunedHindsightIsStillExactAndNeverBeaten() throws {
        let full = ReplayEngine(try Self.largeCase(arcLimit: 100_000_000))
        let pruned = ReplayEngine(try Self.largeCase(arcLimit: 1))
        let unpriced = ReplayEngine(try Self.largeCase(arcLimit: 1, pricingRounds: 0))
        let optimum = full.run(.hindsight), priced = pruned.run(.hindsight)
        #expect(optimum.exact && priced.exact)
        #expect(Self.inTarget(priced) == Self.inTarget(optimum))
        #expect(pruned.bookingCost(of: priced) == full.bookingCost(of: optimum))
        Self.checkRules(priced, pruned.instance)
        var runs: [PolicyRun] = []
        for policy in [ReplayPolicy.nearest, .ranked, .batch(windowSeconds: 900), .batch(windowSeconds: 3600)] {
            let run = pruned.run(policy)
            Self.expectBound(priced, beats: run, pruned)
            runs.append(run)
        }
        let first = unpriced.hindsight(including: runs)
        #expect(!first.exact)  // this case needs pricing: the cheapest arcs alone are not optimal
        for run in runs { Self.expectBound(first, beats: run, unpriced) }
        Self.checkRules(first, unpriced.instance)
    }

    static func checkRules(_ run: PolicyRun, _ inst: ReplayInstance) {
        var used = Set<Int32>()
        var perCell: [Int32: Int32] = [:]
        for (r, o) in run.outcomes.enumerated() where o.slot >= 0 {
            #expect(used.insert(o.slot).inserted, "slot \(o.slot) booked twice by \(run.policy)")
            let cell = inst.slotCell[Int(o.slot)]
            perCell[cell, default: 0] += 1
            #expect(perCell[cell, default: 0] <= inst.cellLimit[Int(cell)])
            #expect(inst.slotStart[Int(o.slot)] >= inst.requestAt[r] + Int64(o.travelMinutes) * 60)
            #expect(inst.slotMode[Int(o.slot)] & inst.requestModes[r] != 0)
            if o.status == .servedInTarget { #expect(inst.slotStart[Int(o.slot)] <= inst.requestDeadline[r]) }
        }
    }
}
