import Testing
import SlotMatchCore
@testable import SlotMatchMatching

/// The edges of feasibility, one constraint at a time, on a one- or two-GP index.
@Suite struct FeasibilityTests {
    let now = MatchingFixture.now
    let search = MatchingFixture.search
    let patient = MatchingFixture.rambouillet

    func gp(km: Double = 4, modes: ModeSet = [.office, .homeVisit, .video], radius: Double = 10, cap: Int32 = 20, used: Int32 = 0,
            snp: Bool = true) -> IndexedPractitioner {
        IndexedPractitioner(location: MatchingFixture.north(of: patient, km: km), homeVisitRadiusKm: radius, weeklyCap: cap,
                            usedThisWeek: used, modes: modes, participatesInSNP: snp, pole: 0)
    }

    func slot(_ id: Int64, at start: Int64, mode: ConsultationMode = .office, visibility: SlotVisibility = .snp) -> IndexedSlot {
        IndexedSlot(id: id, practitioner: 0, start: start, end: start + 900, mode: mode, visibility: visibility)
    }

    func query(deadline: Int64, modes: ModeSet = [.office], visibility: SlotVisibility = SlotQuery.defaultVisibility,
               reach: Int = 60) -> SlotQuery {
        SlotQuery(patient: patient, now: now, deadline: deadline, modes: modes, limit: 5, visibility: visibility, maxTravelMinutes: reach)
    }

    @Test func slotAtTheDeadlineExactlyIsFeasibleOneSecondLaterIsNot() throws {
        let deadline = now + 4 * 3600
        let index = try MatchingFixture.index([gp()], [slot(1, at: deadline), slot(2, at: deadline + 1)])
        let r = search.find(query(deadline: deadline), in: index)
        #expect(r.slots.map(\.slotID) == [1])
        let late = try MatchingFixture.index([gp()], [slot(2, at: deadline + 1)])
        let none = search.find(query(deadline: deadline), in: late)
        #expect(none.slots.isEmpty)
        #expect(none.reasons == [.nothingBeforeDeadline])
        #expect(none.outsideTargetOffer?.slotID == 2)
        #expect(none.outsideTargetOffer?.outsideTarget == true)
    }

    @Test func travelTimeMakesASlotTooEarly() throws {
        let g = gp(km: 12)
        let index0 = try MatchingFixture.index([g], [])
        let travel = search.travelMinutes(from: patient, toPractitioner: 0, in: index0)
        #expect(travel == TravelModel().minutes(from: patient, to: g.location))
        #expect(travel > 10)
        let reachable = now + Int64(travel) * 60
        let index = try MatchingFixture.index([g], [slot(1, at: reachable - 1), slot(2, at: reachable)])
        let r = search.find(query(deadline: now + 3600 * 4), in: index)
        #expect(r.slots.map(\.slotID) == [2])
        #expect(r.slots.first?.travelMinutes == travel)
        #expect(r.slots.first?.waitMinutes == travel)
    }

    @Test func videoSlotNeedsNoTravelButMustStartAfterNow() throws {
        // Slot 2 starts at this very second: the store would refuse to hold or book it, so it is never offered.
        let index = try MatchingFixture.index([gp(km: 12)], [slot(1, at: now + 60, mode: .video), slot(2, at: now, mode: .video)])
        let r = search.find(query(deadline: now + 3600, modes: [.video]), in: index)
        #expect(r.slots.map(\.slotID) == [1])
        #expect(search.findByScanningAll(query(deadline: now + 3600, modes: [.video]), in: index).slots.map(\.slotID) == [1])
        #expect(r.slots.first?.travelMinutes == 0 && r.slots.first?.breakdown.travel == 0)
    }

    @Test func homeVisitRadiusEdge() throws {
        let g = gp(km: 6)
        let roadKm = patient.distanceKilometres(to: g.location) * TravelModel().detourFactor
        var inside = g; inside.homeVisitRadiusKm = roadKm * (1 + 1e-9)
        var outside = g; outside.homeVisitRadiusKm = roadKm * (1 - 1e-6)
        let s = slot(1, at: now + 2 * 3600, mode: .homeVisit)
        let q = query(deadline: now + 4 * 3600, modes: [.homeVisit])
        #expect(search.find(q, in: try MatchingFixture.index([inside], [s])).slots.map(\.slotID) == [1])
        let r = search.find(q, in: try MatchingFixture.index([outside], [s]))
        #expect(r.slots.isEmpty)
        #expect(r.reasons == [.modeUnavailable])
        // The office is not limited by the home-visit radius.
        let office = slot(2, at: now + 2 * 3600, mode: .office)
        #expect(search.find(query(deadline: now + 4 * 3600), in: try MatchingFixture.index([outside], [office])).slots.count == 1)
    }

    @Test func weeklyCapReached() throws {
        let s = slot(1, at: now + 3600)
        let q = query(deadline: now + 4 * 3600)
        #expect(search.find(q, in: try MatchingFixture.index([gp(cap: 20, used: 19)], [s])).slots.count == 1)
        let r = search.find(q, in: try MatchingFixture.index([gp(cap: 20, used: 20)], [s]))
        #expect(r.slots.isEmpty)
        #expect(r.reasons == [.allCapped])
        #expect(r.outsideTargetOffer == nil)
        var index = try MatchingFixture.index([gp(cap: 2, used: 1)], [s])
        index.markUsed(practitioner: 0)
        #expect(search.find(q, in: index).reasons == [.allCapped])
        index.adjustUsed(practitioner: 0, by: -1)
        #expect(search.find(q, in: index).slots.count == 1)
    }

    @Test func visibilityTags() throws {
        let q = query(deadline: now + 4 * 3600)
        let publicOnly = try MatchingFixture.index([gp()], [slot(1, at: now + 3600, visibility: .publicAccess)])
        let r = search.find(q, in: publicOnly)
        #expect(r.slots.isEmpty && r.reasons == [.nothingWithinReach])
        #expect(search.find(query(deadline: now + 4 * 3600, visibility: .publicAccess), in: publicOnly).slots.count == 1)
        let cpts = try MatchingFixture.index([gp()], [slot(1, at: now + 3600, visibility: [.cpts, .professional])])
        #expect(search.find(q, in: cpts).slots.count == 1)
        // SNP tags count only for a GP in the SNP scheme.
        let notSNP = try MatchingFixture.index([gp(snp: false)], [slot(1, at: now + 3600, visibility: .snp),
                                                                  slot(2, at: now + 3700, visibility: .cpts)])
        #expect(search.find(q, in: notSNP).slots.map(\.slotID) == [2])
    }

    @Test func modeWantedAndOffered() throws {
        let q = query(deadline: now + 4 * 3600, modes: [.office])
        let hh = try MatchingFixture.index([gp()], [slot(1, at: now + 3600, mode: .homeVisit)])
        let r = search.find(q, in: hh)
        #expect(r.slots.isEmpty && r.reasons == [.modeUnavailable])
        // A video slot of a GP whose table entry does not offer video is not given.
        let noVideo = try MatchingFixture.index([gp(modes: [.office])], [slot(1, at: now + 3600, mode: .video)])
        #expect(search.find(query(deadline: now + 4 * 3600, modes: [.video]), in: noVideo).slots.isEmpty)
    }

    @Test func reachLimitsTheGPs() throws {
        let far = try MatchingFixture.index([gp(km: 40)], [slot(1, at: now + 3 * 3600)])
        let r = search.find(query(deadline: now + 5 * 3600, reach: 30), in: far)
        #expect(r.slots.isEmpty && r.reasons == [.nothingWithinReach] && r.outsideTargetOffer == nil)
        #expect(search.find(query(deadline: now + 5 * 3600, reach: 90), in: far).slots.count == 1)
    }

    @Test func pastSlotsAndHeldSlotsAreNotGiven() throws {
        var index = try MatchingFixture.index([gp(km: 0)], [slot(1, at: now - 60), slot(2, at: now + 600)])
        #expect(search.find(query(deadline: now + 3600), in: index).slots.map(\.slotID) == [2])
        let removed1 = index.remove(slotID: 2); #expect(removed1)
        let r = search.find(query(deadline: now + 3600), in: index)
        #expect(r.slots.isEmpty && r.reasons == [.nothingWithinReach])
    }

    @Test func travelOverrideReplacesTheEstimate() throws {
        let g = gp(km: 3)
        let index = try MatchingFixture.index([g], [slot(1, at: now + 10 * 60), slot(2, at: now + 40 * 60)])
        var q = query(deadline: now + 4 * 3600)
        #expect(search.find(q, in: index).slots.first?.slotID == 1)
        q.travelOverride = TravelOverride([(practitioner: 0, minutes: 35)])
        let r = search.find(q, in: index)
        #expect(r.slots.map(\.slotID) == [2])
        #expect(r.slots.first?.travelMinutes == 35)
        #expect(search.findByScanningAll(q, in: index) == r)
    }

    @Test func badInputIsAnError() {
        let g = gp()
        #expect(throws: InputError.self) { try SlotIndex(practitioners: [g], slots: [IndexedSlot(id: 1, practitioner: 3, start: 0, end: 1)]) }
        #expect(throws: InputError.self) {
            try SlotIndex(practitioners: [g], slots: [IndexedSlot(id: 1, practitioner: 0, start: 0, end: 1),
                                                      IndexedSlot(id: 1, practitioner: 0, start: 5, end: 6)])
        }
        #expect(throws: InputError.self) { try SlotIndex(practitioners: [g], slots: [IndexedSlot(id: 1, practitioner: 0, start: 9, end: 1)]) }
        var bad = g; bad.location = GeoPoint(latitude: .nan, longitude: 2)
        #expect(throws: InputError.self) { try SlotIndex(practitioners: [bad], slots: []) }
    }
}

/// Absurd numbers in a query or in the weights give an answer, never a trap.
@Suite struct HostileNumbersTests {
    @Test func extremeQueryAndWeightsDoNotTrap() throws {
        let now = MatchingFixture.now
        let gp = IndexedPractitioner(location: MatchingFixture.rambouillet, modes: .all)
        let index = try MatchingFixture.index([gp], [IndexedSlot(id: 1, practitioner: 0, start: now + 600, end: now + 1500)])
        let search = SlotSearch(weights: CostWeights(travelMinute: Int.max, waitMinute: Int.max, treatingGPBonus: Int.min,
                                                     practitionerLoad: Int.max, poleLoad: Int.max),
                                travel: TravelModel(detourFactor: -3, averageSpeedKmh: .nan))
        let queries = [
            SlotQuery(patient: MatchingFixture.rambouillet, now: Int64.min, deadline: Int64.max, modes: .all, limit: Int.max, maxTravelMinutes: Int.max),
            SlotQuery(patient: MatchingFixture.rambouillet, now: Int64.max, deadline: Int64.min, modes: .all, treatingPractitioner: 99, limit: 3),
            SlotQuery(patient: GeoPoint(latitude: 91, longitude: 0), now: now, deadline: now + 3600),
            SlotQuery(patient: MatchingFixture.rambouillet, now: now, deadline: now + 3600, limit: 0),
        ]
        for q in queries {
            #expect(search.find(q, in: index) == search.findByScanningAll(q, in: index))
        }
        #expect(search.find(queries[0], in: index).slots.count == 1)
        #expect(search.travelMinutes(from: MatchingFixture.rambouillet, toPractitioner: 5, in: index) > 1_000_000)
        #expect(throws: InputError.self) {
            try SlotIndex(practitioners: [gp], slots: [IndexedSlot(id: 1, practitioner: 0, start: Int64.max - 1, end: Int64.max)])
        }
    }
}
