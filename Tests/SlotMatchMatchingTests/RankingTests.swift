import Testing
import SlotMatchCore
@testable import SlotMatchMatching

/// The cost and its explanation: components, treating GP first, load spreading, deterministic order.
@Suite struct RankingTests {
    let now = MatchingFixture.now
    let patient = MatchingFixture.rambouillet

    func gp(km: Double, used: Int32 = 0, pole: Int32 = 0) -> IndexedPractitioner {
        IndexedPractitioner(location: MatchingFixture.north(of: patient, km: km), weeklyCap: 20, usedThisWeek: used,
                            modes: [.office], pole: pole)
    }

    @Test func componentsSumToTheCostAndFollowTheWeights() throws {
        let weights = CostWeights(travelMinute: 5, waitMinute: 2, treatingGPBonus: 100, practitionerLoad: 300, poleLoad: 70)
        let search = SlotSearch(weights: weights)
        let gps = [gp(km: 5, used: 5), gp(km: 8, used: 10, pole: 1)]
        let slots = [IndexedSlot(id: 1, practitioner: 0, start: now + 3600, end: now + 4500),
                     IndexedSlot(id: 2, practitioner: 1, start: now + 7200, end: now + 8100)]
        let index = try MatchingFixture.index(gps, slots)
        let r = search.find(SlotQuery(patient: patient, now: now, deadline: now + 86400, treatingPractitioner: 1, limit: 5), in: index)
        #expect(r.slots.count == 2)
        for s in r.slots {
            #expect(s.breakdown.total == s.cost)
            #expect(s.breakdown.travel == 5 * s.travelMinutes)
            #expect(s.breakdown.wait == 2 * s.waitMinutes)
            #expect(s.waitMinutes == Int((s.start - now) / 60))
        }
        let treated = try #require(r.slots.first { $0.practitioner == 1 })
        #expect(treated.breakdown.treatingGP == -100)
        #expect(treated.breakdown.practitionerLoad == 300 * 500 / 1000)
        #expect(treated.breakdown.poleLoad == 70 * 500 / 1000)
        let other = try #require(r.slots.first { $0.practitioner == 0 })
        #expect(other.breakdown.treatingGP == 0)
        #expect(other.breakdown.practitionerLoad == 300 * 250 / 1000)
        #expect(other.breakdown.poleLoad == 70 * 250 / 1000)
    }

    @Test func treatingGPComesFirst() throws {
        let search = SlotSearch()
        let gps = [gp(km: 2), gp(km: 9)]
        let slots = [IndexedSlot(id: 1, practitioner: 0, start: now + 3600, end: now + 4500),
                     IndexedSlot(id: 2, practitioner: 1, start: now + 5400, end: now + 6300)]
        let index = try MatchingFixture.index(gps, slots)
        let plain = search.find(SlotQuery(patient: patient, now: now, deadline: now + 86400, limit: 2), in: index)
        #expect(plain.slots.map(\.slotID) == [1, 2])
        let treated = search.find(SlotQuery(patient: patient, now: now, deadline: now + 86400, treatingPractitioner: 1, limit: 2), in: index)
        #expect(treated.slots.map(\.slotID) == [2, 1])
    }

    @Test func loadSpreadsDemandOverGPs() throws {
        let search = SlotSearch()
        let gps = [gp(km: 3, used: 18), gp(km: 3, used: 2)]
        let slots = [IndexedSlot(id: 1, practitioner: 0, start: now + 3600, end: now + 4500),
                     IndexedSlot(id: 2, practitioner: 1, start: now + 3600, end: now + 4500)]
        var index = try MatchingFixture.index(gps, slots)
        let q = SlotQuery(patient: patient, now: now, deadline: now + 86400, limit: 2)
        #expect(search.find(q, in: index).slots.map(\.slotID) == [2, 1])
        for _ in 0 ..< 17 { index.markUsed(practitioner: 1) }
        #expect(search.find(q, in: index).slots.map(\.slotID) == [1, 2])
    }

    @Test func tiesAreBrokenByStartThenID() throws {
        let search = SlotSearch(weights: CostWeights(travelMinute: 0, waitMinute: 0, treatingGPBonus: 0, practitionerLoad: 0, poleLoad: 0))
        let gps = [gp(km: 1)]
        let slots = [IndexedSlot(id: 9, practitioner: 0, start: now + 3600, end: now + 4500),
                     IndexedSlot(id: 4, practitioner: 0, start: now + 3600, end: now + 4500),
                     IndexedSlot(id: 1, practitioner: 0, start: now + 7200, end: now + 8100)]
        let index = try MatchingFixture.index(gps, slots)
        let r = search.find(SlotQuery(patient: patient, now: now, deadline: now + 86400, limit: 3), in: index)
        #expect(r.slots.map(\.slotID) == [4, 9, 1])
        #expect(r.slots.allSatisfy { $0.cost == 0 })
    }

    @Test func negativeWeightsAreClamped() {
        let s = SlotSearch(weights: CostWeights(travelMinute: -1, waitMinute: -2, treatingGPBonus: -3, practitionerLoad: -4, poleLoad: -5))
        #expect(s.weights == CostWeights(travelMinute: 0, waitMinute: 0, treatingGPBonus: 0, practitionerLoad: 0, poleLoad: 0))
    }
}
