import Testing
import SlotMatchCore
@testable import SlotMatchMatching

/// Updates that the service applies at once: a removed slot is never returned, an inserted one is.
@Suite struct SlotIndexTests {
    let now = MatchingFixture.now
    let search = MatchingFixture.search

    @Test func removedSlotIsNeverReturnedAndReinsertedSlotIs() throws {
        var (index, _) = try MatchingFixture.random(seed: 7, practitioners: 120, slotsPerGP: 30)
        let q = SlotQuery(patient: MatchingFixture.rambouillet, now: now, deadline: now + 48 * 3600,
                          modes: .all, limit: 10, maxTravelMinutes: 120)
        let first = search.find(q, in: index)
        #expect(first.slots.count == 10)
        var removed: [IndexedSlot] = []
        // Remove the best answer ten times over: none of the removed may come back.
        for _ in 0 ..< 10 {
            let best = try #require(search.find(q, in: index).slots.first)
            removed.append(try #require(index.slot(id: best.slotID)))
            let removed1 = index.remove(slotID: best.slotID); #expect(removed1)
            #expect(!index.contains(slotID: best.slotID))
            let removed2 = index.remove(slotID: best.slotID); #expect(!removed2)
            let ids = Set(search.find(q, in: index).slots.map(\.slotID))
            #expect(ids.isDisjoint(with: removed.map(\.id)))
            #expect(search.find(q, in: index) == search.findByScanningAll(q, in: index))
        }
        #expect(index.bucketBitsAreExact())
        for s in removed { try index.insert(s) }
        #expect(index.bucketBitsAreExact())
        #expect(search.find(q, in: index) == first)
    }

    @Test func insertMovesAndCounts() throws {
        let gp = IndexedPractitioner(location: MatchingFixture.rambouillet, modes: [.office])
        var index = try MatchingFixture.index([gp], [IndexedSlot(id: 5, practitioner: 0, start: now + 7200, end: now + 8100)])
        #expect(index.freeSlotCount == 1)
        try index.insert(IndexedSlot(id: 6, practitioner: 0, start: now + 3600, end: now + 4500))
        #expect(index.freeSlotCount == 2)
        // Same id again with a new start: moved, not duplicated.
        try index.insert(IndexedSlot(id: 5, practitioner: 0, start: now + 600, end: now + 1500))
        #expect(index.freeSlotCount == 2)
        let q = SlotQuery(patient: MatchingFixture.rambouillet, now: now, deadline: now + 86400, limit: 5)
        #expect(search.find(q, in: index).slots.map(\.slotID) == [5, 6])
        #expect(index.slot(id: 5)?.start == now + 600)
        #expect(throws: InputError.self) { try index.insert(IndexedSlot(id: 7, practitioner: 4, start: now, end: now + 1)) }
        let removed3 = index.remove(slotID: 6); #expect(removed3)
        #expect(index.freeSlotCount == 1)
        try index.insert(IndexedSlot(id: 6, practitioner: 0, start: now + 3600, end: now + 4500))
        #expect(index.freeSlotCount == 2)
        let removed4 = index.remove(slotID: 99); #expect(!removed4)
    }

    @Test func bucketBitsStayExactUnderRandomUpdates() throws {
        var (index, _) = try MatchingFixture.random(seed: 11, practitioners: 80, slotsPerGP: 40)
        var rng = SplitMix(seed: 12)
        var out: [IndexedSlot] = []
        for step in 0 ..< 3000 {
            let id = Int64.random(in: 1 ... 1700, using: &rng)
            if let s = index.slot(id: id), Bool.random(using: &rng) {
                _ = index.remove(slotID: id); out.append(s)
            } else if !out.isEmpty {
                var s = out.remove(at: Int.random(in: 0 ..< out.count, using: &rng))
                if Bool.random(using: &rng) { s.start += 900 * Int64.random(in: -20 ... 20, using: &rng); s.end = s.start + 900 }
                try index.insert(s)
            }
            if step % 500 == 0 { #expect(index.bucketBitsAreExact()) }
        }
        #expect(index.bucketBitsAreExact())
        let q = SlotQuery(patient: MatchingFixture.rambouillet, now: now, deadline: now + 72 * 3600, modes: .all, limit: 8)
        #expect(search.find(q, in: index) == search.findByScanningAll(q, in: index))
    }

    @Test func poleLoadFollowsMarkUsed() throws {
        let a = IndexedPractitioner(location: MatchingFixture.rambouillet, weeklyCap: 10, usedThisWeek: 0, pole: 0)
        let b = IndexedPractitioner(location: MatchingFixture.rambouillet, weeklyCap: 10, usedThisWeek: 5, pole: 0)
        var index = try MatchingFixture.index([a, b], [])
        #expect(index.poleLoadPermille(0) == 250)
        index.markUsed(practitioner: 0)
        #expect(index.poleLoadPermille(0) == 300)
        #expect(index.practitionerLoadPermille(0) == 100)
        index.adjustUsed(practitioner: 1, by: -10)
        #expect(index.practitioners[1].usedThisWeek == 0)
        #expect(index.poleLoadPermille(0) == 50)
        #expect(index.poleLoadPermille(-1) == 0)
    }
}
