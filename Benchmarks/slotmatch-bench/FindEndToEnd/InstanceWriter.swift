import Glibc
import SlotMatchCore
import SlotMatchMatching
import SlotMatchStore

/// Writes a `FindInstance` into a fresh store file in one `BEGIN IMMEDIATE` transaction, through the store's own
/// API: `upsertPractitioners` for the roster, one `applyImport` per GP (source `bench-week`) for the free slots.
/// The week's earlier regulated consultations (what the weekly SNP cap counts) are written as booked slots
/// with their request and appointment in plain SQL in the same transaction, because the store has no bulk
/// booking call; they sit at 06:00–07:59 UTC, before any session, so they never collide with a free slot.
enum InstanceWriter {
    struct Outcome {
        var freeSlots: Int
        var bookings: Int
        var seconds: Double
    }

    static func write(_ instance: FindInstance, to path: String) throws -> Outcome {
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
        let t0 = SearchBenchmark.now()
        let store = try Store(path: path)
        try store.database.executeScript("PRAGMA cache_size = -2097152")  // up to 2 GiB: the bulk write stays in memory
        let now = Instant(secondsSinceEpoch: instance.weekStart - 86_400)
        let horizonEnd = Instant(secondsSinceEpoch: instance.weekStart + 7 * 86_400)
        var bookings = 0
        try store.write { db in
            _ = try db.upsertPractitioners(instance.practitioners, at: now)
            // The generator emits slots grouped by GP, in GP order.
            var i = 0
            let slots = instance.slots
            for (p, gp) in instance.practitioners.enumerated() {
                var planned: [PlannedSlot] = []
                while i < slots.count && Int(slots[i].practitioner) == p {
                    let s = slots[i]
                    planned.append(PlannedSlot(start: Instant(secondsSinceEpoch: s.start), end: Instant(secondsSinceEpoch: s.end),
                                               mode: s.mode, visibility: s.visibility))
                    i += 1
                }
                guard !planned.isEmpty else { continue }
                _ = try db.applyImport(ImportPlan(practitioner: gp.rpps, source: "bench-week",
                                                  horizonStart: Instant(secondsSinceEpoch: instance.weekStart), horizonEnd: horizonEnd,
                                                  slots: planned, contentHash: "bench-\(instance.name)-\(p)", path: "slotmatch-bench",
                                                  now: now, actor: "slotmatch-bench"))
            }
            for (p, gp) in instance.practitioners.enumerated() where instance.usedThisWeek[p] > 0 {
                for k in 0 ..< instance.usedThisWeek[p] {
                    let start = instance.weekStart + Int64(k % 5) * 86_400 + 6 * 3600 + Int64(k / 5) * 900
                    let request = "bench-\(p)-\(k)"
                    try db.execute("""
                        INSERT INTO requests (id, received_utc, lat, lon, urgency, modes) VALUES (?, ?, ?, ?, 'within-48h', 'AMB')
                        """, [.text(request), .integer(now.secondsSinceEpoch), .real(instance.indexed[p].location.latitude),
                              .real(instance.indexed[p].location.longitude)])
                    try db.execute("""
                        INSERT INTO slots (rpps, start_utc, end_utc, mode, visibility, status, source, created_at)
                        VALUES (?, ?, ?, 'AMB', 4, 'booked', 'bench-bookings', ?)
                        """, [.text(gp.rpps.digits), .integer(start), .integer(start + 900), .integer(now.secondsSinceEpoch)])
                    let slot = db.lastInsertedRowID
                    try db.execute("""
                        INSERT INTO appointments (slot_id, request_id, status, operator, created_utc, updated_utc)
                        VALUES (?, ?, 'booked', 'slotmatch-bench', ?, ?)
                        """, [.integer(slot), .text(request), .integer(now.secondsSinceEpoch), .integer(now.secondsSinceEpoch)])
                    bookings += 1
                }
            }
            try db.bumpChangeSequence()
        }
        let free = try store.read { db in try db.fetchInt64("SELECT count(*) FROM slots WHERE status = 'free'") ?? 0 }
        return Outcome(freeSlots: Int(free), bookings: bookings, seconds: SearchBenchmark.now() - t0)
    }
}
