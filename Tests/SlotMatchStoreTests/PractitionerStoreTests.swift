import Testing
import SlotMatchCore
@testable import SlotMatchStore

@Suite struct PractitionerStoreTests {
    @Test func upsertIsIdempotent() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.file())
        let roster = (1 ... 5).map { practitioner($0) }
        let first = try store.upsertPractitioners(roster, at: t0)
        #expect(first.inserted == 5 && first.updated == 0)
        let again = try store.upsertPractitioners(roster, at: t0.adding(seconds: 60))
        #expect(again.inserted == 0 && again.updated == 0)
        #expect(try store.storeStatistics().practitioners == 5)
        #expect(try store.practitioners() == roster)
    }

    @Test func reimportUpdatesChangedRowsOnly() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.file())
        _ = try store.upsertPractitioners((1 ... 3).map { practitioner($0) }, at: t0)
        let seqBefore = try store.changeSequence()
        var moved = practitioner(2, commune: "78208", modes: [.video], location: nil)
        moved.weeklySNPCap = 12
        let result = try store.upsertPractitioners([practitioner(1), moved, practitioner(4)], at: t0.adding(seconds: 60))
        #expect(result.inserted == 1 && result.updated == 1)
        #expect(try store.practitioner(syntheticRPPS(2)) == moved)
        #expect(try store.practitioners().count == 4)
        #expect(try store.changeSequence() == seqBefore + 1)
        #expect(try store.database.fetchInt64("SELECT updated_at FROM practitioners WHERE rpps = ?", [.text(syntheticRPPS(1).digits)])
            == t0.secondsSinceEpoch)
    }

    @Test func listIsSortedByRPPSAndLookupMisses() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.file())
        _ = try store.upsertPractitioners([practitioner(9), practitioner(3), practitioner(5)], at: t0)
        #expect(try store.practitioners().map(\.rpps) == [syntheticRPPS(3), syntheticRPPS(5), syntheticRPPS(9)])
        #expect(try store.practitioner(syntheticRPPS(4)) == nil)
        #expect(try store.practitioner(syntheticRPPS(5))?.displayName == "Dr Test 5")
    }

    @Test func aFailingUpsertWritesNothing() throws {
        let dir = TemporaryDirectory()
        let store = try Store(path: dir.file())
        var bad = practitioner(2)
        bad.weeklySNPCap = -1  // refused by the CHECK constraint
        #expect(throws: DatabaseError.self) { _ = try store.upsertPractitioners([practitioner(1), bad], at: t0) }
        #expect(try store.practitioners() == [])
        #expect(try store.changeSequence() == 0)
    }
}
