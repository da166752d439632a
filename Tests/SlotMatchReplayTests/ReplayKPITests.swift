import SlotMatchCore
import Testing
@testable import SlotMatchReplay

/// KPIs on cases small enough to compute by hand.
@Suite struct ReplayKPITests {
    typealias F = ReplayFixtures

    /// GP 1 at A with a slot at 10 h, GP 2 at B with slots at 10 h and 11 h (Monday 4 January 2027, UTC).
    static func supply() -> ReplaySupply {
        ReplaySupply(practitioners: [F.gp(1, commune: "90001"), F.gp(2, commune: "90002")],
                     slots: [F.slot(1, hours: 10), F.slot(2, hours: 10), F.slot(2, hours: 11)])
    }

    static let demand: [DemandRecord] = [
        F.request("r1", commune: "90002", hours: 8),
        F.request("r2", commune: "90001", hours: 8.5),
        F.request("r3", commune: "90001", hours: 9),
        F.request("r4", commune: "90003", hours: 9, level: .urgent),
        F.request("r5", commune: "90003", hours: 9.5, level: .vital),
        F.request("r6", commune: "90003", hours: 9.6, level: .advice),
    ]

    @Test func nearestByHand() throws {
        let t = try F.lineTerritory()
        let inst = try ReplayInstance(territory: t, zone: F.utc, supply: Self.supply(), demand: Self.demand,
                                      options: ReplayOptions(outsideTargetGraceSeconds: 0))
        let run = ReplayEngine(inst).run(.nearest)
        let ab = t.travel.minutes(from: t.communes[0], to: t.communes[1])
        // r1 (B) → GP 2 at 10 h, travel 0; r2 (A) → GP 1 at 10 h; r3 (A) → GP 1 is taken, GP 2 at 11 h (A→B);
        // r4 (C, urgent) → nothing left; r5 vital → SAMU; r6 advice.
        #expect(run.outcomes.map(\.status) == [.servedInTarget, .servedInTarget, .servedInTarget, .unserved, .samu, .advice])
        #expect(run.outcomes[0].practitioner == 1 && run.outcomes[1].practitioner == 0 && run.outcomes[2].practitioner == 1)
        #expect(run.outcomes[2].travelMinutes == Int32(ab))
        #expect(run.outcomes[3].reason == .slotsTaken)
        let k = PolicyKPIs(run: run, instance: inst)
        #expect(k.overall.requests == 6 && k.overall.needingSlot == 4 && k.overall.servedInTarget == 3)
        #expect(k.overall.samu == 1 && k.overall.advice == 1 && k.overall.unserved == 1)
        #expect(k.overall.shareInTarget == 0.75)
        #expect(k.overall.travelP50 == 0 && k.overall.travelP90 == ab)
        #expect(k.overall.waitP50 == 120 && k.overall.waitP90 == 120)  // waits 120, 90, 120
        #expect(k.overall.unservedByReason == [.slotsTaken: 1])
        #expect(k.byUrgency.first { $0.key == "urgent" }?.unserved == 1)
        #expect(k.byCommune.first { $0.key == "90003" }?.requests == 3)
        #expect(k.practitioners.map(\.booked) == [1, 2])
        #expect(k.poles.first?.booked == 3 && k.poles.first?.slotsOffered == 3)
    }

    @Test func capAndModeReasons() throws {
        let t = try F.lineTerritory()
        let supply = ReplaySupply(practitioners: [F.gp(1, commune: "90001", cap: 1, modes: [.office, .homeVisit])],
                                  slots: [F.slot(1, hours: 10), F.slot(1, hours: 11), F.slot(1, hours: 12, mode: .homeVisit)])
        let demand = [
            F.request("a", commune: "90001", hours: 8),
            F.request("b", commune: "90001", hours: 8.5),
            F.request("c", commune: "90003", hours: 8.6, modes: [.homeVisit]),  // 29 road km, beyond the 10 km radius
        ]
        let inst = try ReplayInstance(territory: t, zone: F.utc, supply: supply, demand: demand)
        let run = ReplayEngine(inst).run(.nearest)
        #expect(run.outcomes.map(\.status) == [.servedInTarget, .unserved, .unserved])
        #expect(run.outcomes[1].reason == .allCapped)
        #expect(run.outcomes[2].reason == .modeUnavailable)
        let k = PolicyKPIs(run: run, instance: inst)
        #expect(k.capPressure.weeksWithSupply == 1 && k.capPressure.weeksAtCap == 1)
    }

    @Test func outsideTargetWithinTheGraceAndHindsightGap() throws {
        let t = try F.lineTerritory()
        let supply = ReplaySupply(practitioners: [F.gp(1, commune: "90001")], slots: [F.slot(1, hours: 10), F.slot(1, hours: 30)])
        // r1 can wait 48 h; r2 is urgent (4 h): the greedy gives 10 h to r1, hindsight gives it to r2.
        let demand = [F.request("r1", commune: "90001", hours: 8, level: .within48h),
                      F.request("r2", commune: "90001", hours: 9, level: .urgent)]
        let inst = try ReplayInstance(territory: t, zone: F.utc, supply: supply, demand: demand)
        let engine = ReplayEngine(inst)
        let nearest = engine.run(.nearest), hindsight = engine.run(.hindsight)
        #expect(nearest.outcomes.map(\.status) == [.servedInTarget, .servedOutsideTarget])
        #expect(hindsight.outcomes.map(\.status) == [.servedInTarget, .servedInTarget])
        #expect(hindsight.outcomes[1].waitMinutes == 60)
        let kpis = PolicyKPIs.withGaps([PolicyKPIs(run: nearest, instance: inst), PolicyKPIs(run: hindsight, instance: inst)])
        #expect(kpis[0].gapToHindsight == 1 && kpis[1].gapToHindsight == 0)
        #expect(kpis[0].overall.servedOutsideTarget == 1)
    }

    @Test func batchDecidesAtTheWindowEnd() throws {
        let t = try F.lineTerritory()
        let supply = ReplaySupply(practitioners: [F.gp(1, commune: "90001")], slots: [F.slot(1, hours: 8.25), F.slot(1, hours: 9)])
        let demand = [F.request("r1", commune: "90001", hours: 8.0)]
        let inst = try ReplayInstance(territory: t, zone: F.utc, supply: supply, demand: demand)
        // nearest books 8:15 at once; a 60-minute batch decides at 9:00 and gets the 9:00 slot.
        #expect(ReplayEngine(inst).run(.nearest).outcomes[0].waitMinutes == 15)
        #expect(ReplayEngine(inst).run(.batch(windowSeconds: 3600)).outcomes[0].waitMinutes == 60)
    }

    @Test func reasonCodesAreTriagedAndLevelsKept() throws {
        let t = try F.lineTerritory()
        let demand = [
            DemandRecord(id: "x", receivedAt: F.at(hours: 8), location: .commune(insee: "90001"), reason: "chest_pain"),
            DemandRecord(id: "y", receivedAt: F.at(hours: 8), location: .commune(insee: "90001"), reason: "rash", flags: ["confusion"]),
            DemandRecord(id: "z", receivedAt: F.at(hours: 8), location: .commune(insee: "90001"), reason: "dyspnea"),
        ]
        let inst = try ReplayInstance(territory: t, zone: F.utc, supply: Self.supply(), demand: demand)
        #expect(inst.requestLevel == [.vital, .vital, .urgent])
        #expect(ReplayEngine(inst).run(.ranked).outcomes.map(\.status) == [.samu, .samu, .servedInTarget])
    }

    @Test func unknownCommuneIsAnInputError() throws {
        let t = try F.lineTerritory()
        #expect(throws: InputError.self) {
            _ = try ReplayInstance(territory: t, zone: F.utc, supply: Self.supply(), demand: [F.request("q", commune: "12345", hours: 1)])
        }
    }

    @Test(arguments: ReplayPolicy.allNames)
    func policiesParseAndPrint(_ name: String) {
        #expect(ReplayPolicy(name)?.description == name)
    }

    @Test(arguments: ["batch:", "batch:0m", "batch:15", "near", "batch:2000m"])
    func badPolicyNamesAreRefused(_ name: String) {
        #expect(ReplayPolicy(name) == nil)
    }
}

/// The `logged` policy: the log's own bookings under the same KPIs.
@Suite struct LoggedPolicyTests {
    typealias F = ReplayFixtures

    @Test func loggedBookingsAreJudgedAgainstTheDeadline() throws {
        let t = try F.lineTerritory()
        var inTime = F.request("a", commune: "90001", hours: 8)                 // same-day: deadline 20 h
        inTime.outcome = DemandOutcome(bookedStart: F.at(hours: 10), practitioner: F.rpps(1), status: .fulfilled)
        var late = F.request("b", commune: "90002", hours: 8, level: .urgent)   // deadline 12 h
        late.outcome = DemandOutcome(bookedStart: F.at(hours: 13), practitioner: F.rpps(9), status: .noshow)
        let none = F.request("c", commune: "90003", hours: 9)
        let inst = try ReplayInstance(territory: t, zone: F.utc, supply: ReplayKPITests.supply(), demand: [inTime, late, none])
        let run = ReplayEngine(inst).run(.logged)
        #expect(run.outcomes.map(\.status) == [.servedInTarget, .servedOutsideTarget, .unserved])
        #expect(run.outcomes[0].slot >= 0 && run.outcomes[0].waitMinutes == 120)
        #expect(run.outcomes[1].slot == -1 && run.outcomes[1].practitioner == -1 && run.outcomes[1].waitMinutes == 300)
        let k = PolicyKPIs(run: run, instance: inst)
        #expect(k.overall.servedInTarget == 1 && k.overall.servedOutsideTarget == 1 && k.overall.unserved == 1)
        #expect(k.practitioners.map(\.booked) == [1, 0])
        #expect(k.overall.waitP90 == 300)
        #expect(k.overall.unservedByReason == [.notBooked: 1])
    }
}
