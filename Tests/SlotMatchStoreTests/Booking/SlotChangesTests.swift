import Foundation
import Testing
import SlotMatchCore
@testable import SlotMatchStore

@Suite struct SlotChangesTests {
    @Test func changesAfterASequenceListExactlyTheSlotsThatMoved() throws {
        let f = try BookingFixture(gps: [(1, 20), (2, 20)], hours: [2, 3, 4])
        let all = try f.store.slotChanges(after: 0)
        #expect(all.slots.count == 6 && all.removedSlotIDs.isEmpty)
        #expect(all.latest == (try f.store.changeSequence()))
        #expect(try f.store.slotChanges(after: all.latest).slots.isEmpty)

        try f.submit("R-1")
        #expect(try f.store.slotChanges(after: all.latest).slots.isEmpty)  // a request changes no slot
        let slot = try f.slotIDs(gp: 2)[1]
        let hold = try f.store.hold(slotID: slot, requestID: "R-1", operator: "op-ana", now: t0)
        let afterHold = try f.store.slotChanges(after: all.latest)
        #expect(afterHold.slots.map(\.id) == [slot] && afterHold.slots.first?.status == .held)
        #expect(afterHold.latest == (try f.store.changeSequence()))

        _ = try f.store.book(holdID: hold.id, requestID: "R-1", operator: "op-ana", weekZone: paris, now: t0)
        let afterBook = try f.store.slotChanges(after: afterHold.latest)
        #expect(afterBook.slots.map(\.id) == [slot] && afterBook.slots.first?.status == .booked)
    }

    @Test func anotherConnectionsWritesShowInDataVersionAndSlotChanges() throws {
        let f = try BookingFixture()
        try f.submit("R-1")
        let follower = try Store(path: f.path)  // an index in another process would hold its own connection
        let seen = try follower.slotChanges(after: 0)
        let version = try follower.dataVersion()
        let slot = try f.slotIDs()[2]
        _ = try f.store.book(slotID: slot, requestID: "R-1", operator: "op-ana", weekZone: paris, now: t0)
        #expect(try follower.dataVersion() != version)
        let changes = try follower.slotChanges(after: seen.latest)
        #expect(changes.slots.map(\.id) == [slot] && changes.slots.first?.status == .booked)
    }

    @Test func slotsRemovedByAReimportAreListedAsRemoved() throws {
        let f = try BookingFixture(hours: [])
        let starts = [2, 3, 4].map { t0.adding(seconds: Int64($0) * 3600) }
        try f.addSlots(gp: 1, starts: starts, source: "dr1.ics")
        let before = try f.store.slotChanges(after: 0)
        let ids = before.slots.map(\.id)
        #expect(ids.count == 3)
        try f.addSlots(gp: 1, starts: Array(starts.prefix(2)), source: "dr1.ics")  // the GP withdrew the last slot
        let changes = try f.store.slotChanges(after: before.latest)
        #expect(changes.removedSlotIDs == [ids[2]] && changes.slots.isEmpty)
    }

    @Test func aVersionOneFileIsMigratedAndItsSlotsAreListed() throws {
        let dir = TemporaryDirectory()
        let path = dir.file()
        do {
            let db = try Database(path: path)
            try Schema.migrate(db, migrations: [Schema.version1])
            try db.write { db in
                _ = try db.upsertPractitioners([practitioner(1)], at: t0)
                try db.execute("""
                    INSERT INTO slots (rpps, start_utc, end_utc, mode, visibility, status, source, created_at)
                    VALUES (?, ?, ?, 'AMB', 4, 'free', 'old.ics', ?)
                    """, [.text(syntheticRPPS(1).digits), .integer(t0.secondsSinceEpoch + 3600), .integer(t0.secondsSinceEpoch + 4500),
                          .integer(t0.secondsSinceEpoch)])
                try db.bumpChangeSequence()
            }
            #expect(try Schema.version(of: db) == 1)
        }
        let store = try Store(path: path)
        #expect(try store.schemaVersion() == Schema.latestVersion)
        let changes = try store.slotChanges(after: 0)
        #expect(changes.slots.count == 1 && changes.slots.first?.source == "old.ics")
        #expect(try store.slotChanges(after: changes.latest).slots.isEmpty)
    }
}
