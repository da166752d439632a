import SlotMatchCore

/// Reading slots. Slots are written by `applyImport` (and, later, by hold/book/cancel).
extension Store {
    /// One practitioner's slots (any status, any source) starting in [from, to), by start then id.
    public func slots(practitioner rpps: RPPS, from: Instant, to: Instant) throws -> [Slot] {
        try read { db in
            try db.slots(Database.slotSelect + " WHERE rpps = ? AND start_utc >= ? AND start_utc < ? ORDER BY start_utc, id",
                         [.text(rpps.digits), .integer(from.secondsSinceEpoch), .integer(to.secondsSinceEpoch)])
        }
    }

    /// Every free slot starting in [from, to), by start then id (uses the partial index on free slots).
    public func freeSlots(from: Instant, to: Instant) throws -> [Slot] {
        try read { db in
            try db.slots(Database.slotSelect + " WHERE status = 'free' AND start_utc >= ? AND start_utc < ? ORDER BY start_utc, id",
                         [.integer(from.secondsSinceEpoch), .integer(to.secondsSinceEpoch)])
        }
    }

    /// The slot with this id, or nil.
    public func slot(id: Int64) throws -> Slot? {
        try read { db in try db.slots(Database.slotSelect + " WHERE id = ?", [.integer(id)]).first }
    }
}

extension Database {
    static let slotSelect = "SELECT id, rpps, start_utc, end_utc, mode, visibility, status, source FROM slots"

    /// Runs a `slotSelect` query. RPPS numbers are validated once per practitioner, not once per row.
    func slots(_ sql: String, _ arguments: [DatabaseValue]) throws(DatabaseError) -> [Slot] {
        var practitioners: [String: RPPS] = [:]
        return try fetchAll(sql, arguments) { s throws(DatabaseError) in
            let digits = s.string(1)
            let rpps: RPPS
            if let known = practitioners[digits] { rpps = known } else {
                do { rpps = try RPPS(digits) } catch { throw Database.corrupt("slots.rpps", digits) }
                practitioners[digits] = rpps
            }
            guard let mode = ConsultationMode(code: s.string(4)) else { throw Database.corrupt("slots.mode", s.string(4)) }
            guard let status = SlotStatus(rawValue: s.string(6)) else { throw Database.corrupt("slots.status", s.string(6)) }
            return Slot(id: s.int64(0), practitioner: rpps, start: Instant(secondsSinceEpoch: s.int64(2)),
                        end: Instant(secondsSinceEpoch: s.int64(3)), mode: mode,
                        visibility: SlotVisibility(rawValue: UInt8(truncatingIfNeeded: s.int64(5))), status: status,
                        source: s.string(7))
        }
    }
}
