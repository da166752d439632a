import Foundation
import Testing
import SlotMatchCore
@testable import SlotMatchStore

@Suite struct ImportStoreTests {
    static let hour: Int64 = 3600

    /// A store with GPs 1 and 2 on the roster.
    func rosterStore(_ dir: TemporaryDirectory) throws -> Store {
        let store = try Store(path: dir.file())
        _ = try store.upsertPractitioners([practitioner(1), practitioner(2)], at: t0)
        return store
    }

    /// 15-minute office slots starting the given hours after t0.
    func slots(_ hours: [Int64], minutes: Int64 = 15, visibility: SlotVisibility = .snp) -> [PlannedSlot] {
        hours.map { h in
            PlannedSlot(start: t0.adding(seconds: h * Self.hour), end: t0.adding(seconds: h * Self.hour + minutes * 60), visibility: visibility)
        }
    }

    func plan(_ slots: [PlannedSlot], hash: String, gp: Int = 1, source: String = "dr1.ics", now: Instant = t0,
              horizonHours: Int64 = 24 * 7) -> ImportPlan {
        ImportPlan(practitioner: syntheticRPPS(gp), source: source, horizonStart: now, horizonEnd: t0.adding(seconds: horizonHours * Self.hour),
                   slots: slots, contentHash: SHA256.hexDigest(of: hash), path: "/inbox/" + source, now: now)
    }

    @Test func firstImportAddsEverySlot() throws {
        let dir = TemporaryDirectory()
        let store = try rosterStore(dir)
        let seq = try store.changeSequence()
        let outcome = try store.applyImport(plan(slots([1, 2, 3]), hash: "A"))
        #expect(outcome.status == .imported)
        #expect((outcome.added, outcome.removed, outcome.kept, outcome.conflicts.count) == (3, 0, 0, 0))
        #expect(outcome.changeSequence == seq + 1)
        #expect(try store.storedStarts() == [1, 2, 3])
        let stored = try store.slots(practitioner: syntheticRPPS(1), from: t0, to: t0.adding(seconds: 24 * Self.hour))
        #expect(stored.allSatisfy { $0.status == .free && $0.source == "dr1.ics" && $0.visibility == .snp && $0.durationSeconds == 900 })
        let record = try #require(try store.importRecords().last)
        #expect(record.status == .imported && record.slotsAdded == 3 && record.practitioner == syntheticRPPS(1).digits)
        #expect(record.contentHash == SHA256.hexDigest(of: "A"))
    }

    @Test func sameContentHashIsUnchangedAndWritesOnlyTheRecord() throws {
        let dir = TemporaryDirectory()
        let store = try rosterStore(dir)
        _ = try store.applyImport(plan(slots([1, 2, 3]), hash: "A"))
        let before = try store.storeStatistics()
        // Even with different slots in the plan, the same hash means the same file: nothing is applied.
        let outcome = try store.applyImport(plan(slots([5]), hash: "A"))
        #expect(outcome.status == .unchanged)
        #expect((outcome.added, outcome.removed, outcome.kept) == (0, 0, 0))
        var after = try store.storeStatistics()
        #expect(after.imports == before.imports + 1)
        after.imports = before.imports
        #expect(after == before)
        #expect(try store.storedStarts() == [1, 2, 3])
        #expect(try store.importRecords().map(\.status) == [.imported, .unchanged])
    }

    @Test func aChangedFileReplacesFreeSlots() throws {
        let dir = TemporaryDirectory()
        let store = try rosterStore(dir)
        _ = try store.applyImport(plan(slots([1, 2, 3]), hash: "A"))
        let idsBefore = try store.slots(practitioner: syntheticRPPS(1), from: t0, to: t0.adding(seconds: 100 * Self.hour)).map(\.id)
        let outcome = try store.applyImport(plan(slots([2, 3, 4]), hash: "B"))
        #expect(outcome.status == .imported)
        #expect((outcome.added, outcome.removed, outcome.kept, outcome.conflicts.count) == (1, 1, 2, 0))
        let after = try store.slots(practitioner: syntheticRPPS(1), from: t0, to: t0.adding(seconds: 100 * Self.hour))
        #expect(after.map { t0.seconds(until: $0.start) / Self.hour } == [2, 3, 4])
        #expect(Array(after.map(\.id).prefix(2)) == Array(idsBefore.suffix(2)))  // kept slots keep their ids
        // Going back to the first file's content is a change again (the last import was B).
        #expect(try store.applyImport(plan(slots([1, 2, 3]), hash: "A")).status == .imported)
        #expect(try store.storedStarts() == [1, 2, 3])
    }

    @Test func aLongerSlotAtTheSameStartReplacesTheFreeOne() throws {
        let dir = TemporaryDirectory()
        let store = try rosterStore(dir)
        _ = try store.applyImport(plan(slots([1]), hash: "A"))
        let outcome = try store.applyImport(plan(slots([1], minutes: 20, visibility: [.snp, .cpts]), hash: "B"))
        #expect((outcome.added, outcome.removed, outcome.kept) == (1, 1, 0))
        let slot = try #require(try store.freeSlots(from: t0, to: t0.adding(seconds: 10 * Self.hour)).first)
        #expect(slot.durationSeconds == 1200 && slot.visibility == [.snp, .cpts])
    }

    @Test func aKeptFreeSlotTakesTheNewVisibility() throws {
        let dir = TemporaryDirectory()
        let store = try rosterStore(dir)
        _ = try store.applyImport(plan(slots([1]), hash: "A"))
        let outcome = try store.applyImport(plan(slots([1], visibility: [.publicAccess, .snp]), hash: "B"))
        #expect((outcome.added, outcome.removed, outcome.kept) == (0, 0, 1))
        #expect(try store.freeSlots(from: t0, to: t0.adding(seconds: 10 * Self.hour)).first?.visibility == [.publicAccess, .snp])
    }

    @Test func aBookedSlotIsKeptReportedAndAudited() throws {
        let dir = TemporaryDirectory()
        let store = try rosterStore(dir)
        _ = try store.applyImport(plan(slots([1, 2, 3]), hash: "A"))
        let booked = try #require(try store.slots(practitioner: syntheticRPPS(1), from: t0, to: t0.adding(seconds: 100 * Self.hour)).first)
        try store.write { db in
            try db.execute("UPDATE slots SET status = 'booked' WHERE id = ?", [.integer(booked.id)])
            try db.execute("UPDATE slots SET status = 'held', hold_request = 'R-9', hold_expires_utc = ? WHERE start_utc = ?",
                           [.integer(t0.secondsSinceEpoch + 120), .integer(t0.secondsSinceEpoch + 2 * Self.hour)])
        }
        // The new file drops hours 1 and 2, and offers 0:50–1:05 and 1:10–1:25, each over part of the booked 1:00–1:15.
        let before = PlannedSlot(start: t0.adding(seconds: Self.hour - 600), end: t0.adding(seconds: Self.hour + 300))
        let after = PlannedSlot(start: t0.adding(seconds: Self.hour + 600), end: t0.adding(seconds: Self.hour + 1500))
        let outcome = try store.applyImport(plan([before, after] + slots([3, 5]), hash: "B"))
        #expect(outcome.conflicts.count == 2)
        let conflict = try #require(outcome.conflicts.first)
        #expect(conflict.slotID == booked.id && conflict.status == .booked && conflict.start == booked.start && conflict.end == booked.end)
        #expect(outcome.conflicts.last?.status == .held)
        #expect((outcome.added, outcome.removed, outcome.kept, outcome.skippedOccupied) == (1, 0, 1, 2))
        let stored = try store.slots(practitioner: syntheticRPPS(1), from: t0, to: t0.adding(seconds: 100 * Self.hour))
        #expect(stored.map(\.status) == [.booked, .held, .free, .free])
        #expect(stored[0].durationSeconds == 900)
        let audit = try store.auditEntries()
        #expect(audit.count == 2)
        #expect(audit[0].action == "import.conflict" && audit[0].subject == "slot:\(booked.id)" && audit[0].actor == "import")
        #expect(audit[0].details.contains(#""status":"booked""#))
        #expect(try store.verifyAudit() == .intact(entries: 2))
        #expect(try store.importRecords().last?.conflicts == 2)
    }

    @Test func aBookedSlotStillSpannedByAnOfferIsNoConflict() throws {
        let dir = TemporaryDirectory()
        let store = try rosterStore(dir)
        _ = try store.applyImport(plan(slots([1, 2]), hash: "A"))
        let booked = try #require(try store.freeSlots(from: t0, to: t0.adding(seconds: 10 * Self.hour)).first)
        try store.write { try $0.execute("UPDATE slots SET status = 'booked' WHERE id = ?", [.integer(booked.id)]) }
        // The GP now publishes 30-minute slots: 1:00–1:30 spans the booked 1:00–1:15.
        let outcome = try store.applyImport(plan(slots([1, 2], minutes: 30), hash: "B"))
        #expect(outcome.conflicts.isEmpty)
        #expect((outcome.added, outcome.removed, outcome.kept, outcome.skippedOccupied) == (1, 1, 1, 1))
        let stored = try store.slots(practitioner: syntheticRPPS(1), from: t0, to: t0.adding(seconds: 10 * Self.hour))
        #expect(stored.map(\.status) == [.booked, .free])
        #expect(stored.map(\.durationSeconds) == [900, 1800])
        #expect(try store.auditEntries().isEmpty)
    }

    @Test func pastSlotsAreNeverImportedNorRemoved() throws {
        let dir = TemporaryDirectory()
        let store = try rosterStore(dir)
        let earlier = t0.adding(seconds: -10 * Self.hour)
        _ = try store.applyImport(plan(slots([-5, 1]), hash: "A", now: earlier))
        #expect(try store.storedStarts() == [-5, 1])
        // Now t0: hour -5 is in the past. A new file without it must not remove it; a past offer is skipped.
        let outcome = try store.applyImport(plan(slots([-2, 1, 2]), hash: "B", now: t0))
        #expect(outcome.skippedPast == 1)
        #expect((outcome.added, outcome.removed, outcome.kept) == (1, 0, 1))
        #expect(try store.storedStarts() == [-5, 1, 2])
    }

    @Test func otherSourcesAndSlotsBeyondTheHorizonAreLeftAlone() throws {
        let dir = TemporaryDirectory()
        let store = try rosterStore(dir)
        _ = try store.applyImport(plan(slots([1, 2]), hash: "X", source: "dr1.ics"))
        _ = try store.applyImport(plan(slots([1, 3]), hash: "Y", source: "dr1-fhir.json"))
        _ = try store.applyImport(plan(slots([200]), hash: "X2", source: "dr1.ics", horizonHours: 300))
        // X2 over 300 hours replaced dr1.ics's hours 1 and 2 by hour 200; dr1-fhir.json's slots were not touched.
        #expect(try store.storedStarts() == [1, 3, 200])
        // dr1.ics again, empty, over one week only: hour 200 lies beyond that horizon and stays.
        let outcome = try store.applyImport(plan([], hash: "X3", source: "dr1.ics", horizonHours: 24 * 7))
        #expect(outcome.removed == 0)
        #expect(try store.storedStarts() == [1, 3, 200])
        let outside = try store.applyImport(plan(slots([400]), hash: "X4", source: "dr1.ics", horizonHours: 300))
        #expect(outside.skippedOutsideHorizon == 1 && outside.added == 0 && outside.removed == 1)
        #expect(try store.storedStarts() == [1, 3])
    }

    @Test func anUnknownPractitionerIsRejectedWithNothingWritten() throws {
        let dir = TemporaryDirectory()
        let store = try rosterStore(dir)
        let before = try store.storeStatistics()
        let error = try #require(throws: InputError.self) { _ = try store.applyImport(plan(slots([1]), hash: "A", gp: 77)) }
        #expect(error.problem.contains(syntheticRPPS(77).digits))
        #expect(error.place.file == "/inbox/dr1.ics")
        #expect(try store.storeStatistics() == before)
        // The pipeline may record the rejection itself.
        try store.recordRejectedImport(path: "/inbox/x.ics", source: "x.ics", practitioner: syntheticRPPS(77).digits,
                                       contentHash: SHA256.hexDigest(of: "A"), at: t0)
        #expect(try store.importRecords().map(\.status) == [.rejected])
    }

    @Test func aMalformedPlanIsRejectedWithNothingWritten() throws {
        let dir = TemporaryDirectory()
        let store = try rosterStore(dir)
        let before = try store.storeStatistics()
        let backwards = [PlannedSlot(start: t0.adding(seconds: 7200), end: t0.adding(seconds: 3600))]
        #expect(throws: InputError.self) { _ = try store.applyImport(plan(slots([1]) + backwards, hash: "A")) }
        #expect(throws: InputError.self) { _ = try store.applyImport(plan(slots([1]), hash: "A", horizonHours: -1)) }
        #expect(try store.storeStatistics() == before)
    }

    @Test func aRemovedSlotWithAppointmentHistoryIsBlockedNotDeleted() throws {
        let dir = TemporaryDirectory()
        let store = try rosterStore(dir)
        _ = try store.applyImport(plan(slots([1, 2]), hash: "A"))
        let first = try #require(try store.freeSlots(from: t0, to: t0.adding(seconds: 10 * Self.hour)).first)
        try store.write { db in
            try db.execute("INSERT INTO requests (id, received_utc, commune_insee, urgency, modes, status) VALUES ('R-1', ?, '78517', 'within-48h', 'AMB', 'closed')",
                           [.integer(t0.secondsSinceEpoch)])
            try db.execute("""
                INSERT INTO appointments (slot_id, request_id, status, operator, created_utc, updated_utc, cancel_reason)
                VALUES (?, 'R-1', 'cancelled', 'op-1', ?, ?, 'patient-cancelled')
                """, [.integer(first.id), .integer(t0.secondsSinceEpoch), .integer(t0.secondsSinceEpoch)])
        }
        let outcome = try store.applyImport(plan(slots([2]) + slots([1], minutes: 30), hash: "B"))
        #expect(outcome.removed == 1 && outcome.skippedOccupied == 1 && outcome.kept == 1)
        #expect(try store.slot(id: first.id)?.status == .blocked)
    }

    @Test func concurrentImportsOfOneFileApplyItOnce() throws {
        let dir = TemporaryDirectory()
        let path = dir.file()
        _ = try rosterStore(dir)
        let thePlan = plan(slots(Array(1 ... 40)), hash: "A")
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do {
                let store = try Store(path: path)  // each thread its own connection, as separate processes would
                results.append(try store.applyImport(thePlan).status)
            } catch {
                results.append(.rejected)
            }
        }
        #expect(results.values.sorted { $0.rawValue < $1.rawValue } == [.imported, .unchanged, .unchanged, .unchanged])
        let store = try Store(path: path)
        #expect(try store.storeStatistics().slots == 40)
    }

    @Test func duplicateOffersAreImportedOnce() throws {
        let dir = TemporaryDirectory()
        let store = try rosterStore(dir)
        let outcome = try store.applyImport(plan(slots([1, 1, 2]), hash: "A"))
        #expect(outcome.added == 2)
        #expect(try store.storedStarts() == [1, 2])
    }
}

extension Store {
    func storedStarts(gp: Int = 1) throws -> [Int64] {
        try slots(practitioner: syntheticRPPS(gp), from: t0.adding(seconds: -100 * 3600), to: t0.adding(seconds: 1000 * 3600))
            .map { t0.seconds(until: $0.start) / 3600 }
    }
}

/// Statuses collected from several threads.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [ImportStatus] = []
    func append(_ status: ImportStatus) { lock.lock(); storage.append(status); lock.unlock() }
    var values: [ImportStatus] { lock.lock(); defer { lock.unlock() }; return storage }
}
