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
        let best = bound.outcomes.filter { $0.status == .servedInTarget }.count
        for policy in [ReplayPolicy.nearest, .ranked, .batch(windowSeconds: 900), .batch(windowSeconds: 3600)] {
            let run = engine.run(policy)
            let served = run.outcomes.filter { $0.status == .servedInTarget }.count
            #expect(served <= best, "\(policy) served \(served) in target, hindsight \(best)")
            Self.checkRules(run, inst)
        }
        Self.checkRules(bound, inst)
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
