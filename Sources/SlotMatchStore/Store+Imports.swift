import SlotMatchCore

/// Applying a published file's slots, and the record of every file processed (issue 3, "Import into the store").
extension Store {
    /// Replaces this practitioner's free slots from `plan.source` within the horizon by the ones the file offers,
    /// in one `BEGIN IMMEDIATE` transaction:
    /// - if the last `imported` record for this source and practitioner has the same content hash, only an
    ///   `unchanged` import record is written;
    /// - otherwise, within [max(horizonStart, now), horizonEnd): stored free slots the file no longer offers are
    ///   removed; offered slots not yet stored (same start, end and mode) are inserted as free; held, booked and
    ///   blocked slots are never touched. A held or booked slot the file no longer covers (no offer of its mode spans
    ///   its time) is a conflict: it stays,
    ///   is returned in the outcome and written to the audit log (`import.conflict`). Offered slots starting before
    ///   `now`, outside the horizon, or on a time a held/booked/blocked slot already takes are skipped.
    ///   The change sequence is bumped when slots changed, and an `imported` record is written.
    ///
    /// Throws `InputError` (nothing written) when the practitioner is not on the roster or the plan is malformed.
    /// Two processes importing the same file at once are serialised by the write lock: the second sees the
    /// first's record and answers `unchanged`.
    public func applyImport(_ plan: ImportPlan) throws -> ImportOutcome {
        try write { db in try db.applyImport(plan) }
    }

    /// Records a file that could not be imported (unreadable, invalid, unknown practitioner), for the import history.
    @discardableResult
    public func recordRejectedImport(path: String, source: String, practitioner: String?, contentHash: String, at: Instant) throws -> Int64 {
        try write { db in
            try db.insertImportRecord(path: path, source: source, rpps: practitioner, contentHash: contentHash,
                                      status: .rejected, added: 0, removed: 0, kept: 0, conflicts: 0, at: at)
        }
    }

    /// Every import record, oldest first.
    public func importRecords() throws -> [ImportRecord] {
        try read { db in
            try db.fetchAll("""
                SELECT id, path, source, rpps, content_hash, status, slots_added, slots_removed, slots_kept, conflicts, at_utc
                FROM imports ORDER BY id
                """) { s in
                ImportRecord(id: s.int64(0), path: s.string(1), source: s.string(2), practitioner: s.optionalString(3),
                             contentHash: s.string(4), status: ImportStatus(rawValue: s.string(5)) ?? .rejected,
                             slotsAdded: s.int(6), slotsRemoved: s.int(7), slotsKept: s.int(8), conflicts: s.int(9),
                             at: Instant(secondsSinceEpoch: s.int64(10)))
            }
        }
    }

    static func validate(_ plan: ImportPlan) throws(InputError) {
        let place = SourcePlace(file: plan.path)
        guard !plan.source.isEmpty else {
            throw InputError(place, "the import has no source name", remedy: "Give each published file a stable source name, such as its file name.")
        }
        guard plan.horizonStart < plan.horizonEnd else {
            throw InputError(place, "the import horizon \(plan.horizonStart) to \(plan.horizonEnd) is empty",
                             remedy: "Give a horizon whose end is after its start.")
        }
        for slot in plan.slots where !(slot.start < slot.end) {
            throw InputError(place, "a slot starting \(slot.start) does not end after it starts (end \(slot.end))",
                             remedy: "Fix the slot's end time or duration in the published file.")
        }
    }
}

extension Database {
    /// `Store.applyImport` inside the current write transaction.
    public func applyImport(_ plan: ImportPlan) throws -> ImportOutcome {
        try Store.validate(plan)
        let rpps = plan.practitioner.digits
        guard try practitioner(plan.practitioner) != nil else {
            throw InputError(SourcePlace(file: plan.path), "the practitioner with RPPS number \(rpps) is not on the roster",
                             remedy: "Add this GP to the roster first (slotmatch roster import), or correct the RPPS number in the file.")
        }
        let lastHash = try fetchOne("""
            SELECT content_hash FROM imports WHERE source = ? AND rpps = ? AND status = 'imported' ORDER BY id DESC LIMIT 1
            """, [.text(plan.source), .text(rpps)]) { $0.string(0) }
        if lastHash == plan.contentHash {
            let id = try insertImportRecord(path: plan.path, source: plan.source, rpps: rpps, contentHash: plan.contentHash,
                                            status: .unchanged, added: 0, removed: 0, kept: 0, conflicts: 0, at: plan.now)
            return ImportOutcome(status: .unchanged, importID: id, changeSequence: try changeSequence())
        }

        // The part of the horizon this import may change: never the past.
        let windowStart = max(plan.horizonStart, plan.now).secondsSinceEpoch
        let windowEnd = plan.horizonEnd.secondsSinceEpoch
        var outcome = ImportOutcome(status: .imported, importID: 0)

        // The offered slots, one per (start, mode) — the table's UNIQUE key — first offer wins.
        var offered: [SlotKey: PlannedSlot] = [:]
        var offeredOrder: [SlotKey] = []
        for slot in plan.slots {
            let start = slot.start.secondsSinceEpoch
            if start < plan.now.secondsSinceEpoch { outcome.skippedPast += 1; continue }
            if start < plan.horizonStart.secondsSinceEpoch || start >= windowEnd { outcome.skippedOutsideHorizon += 1; continue }
            let key = SlotKey(start: start, mode: slot.mode)
            if offered[key] == nil { offered[key] = slot; offeredOrder.append(key) }
        }

        struct Stored { var id: Int64; var start: Int64; var end: Int64; var mode: ConsultationMode; var visibility: UInt8; var status: SlotStatus }
        let stored = try fetchAll("""
            SELECT id, start_utc, end_utc, mode, visibility, status FROM slots
            WHERE rpps = ? AND source = ? AND start_utc >= ? AND start_utc < ? ORDER BY start_utc, id
            """, [.text(rpps), .text(plan.source), .integer(windowStart), .integer(windowEnd)]) { s throws(DatabaseError) in
            guard let mode = ConsultationMode(code: s.string(3)) else { throw Database.corrupt("slots.mode", s.string(3)) }
            guard let status = SlotStatus(rawValue: s.string(5)) else { throw Database.corrupt("slots.status", s.string(5)) }
            return Stored(id: s.int64(0), start: s.int64(1), end: s.int64(2), mode: mode,
                          visibility: UInt8(truncatingIfNeeded: s.int64(4)), status: status)
        }

        var changed = false
        var keptKeys = Set<SlotKey>()               // stored rows the file still offers, same start, end and mode
        var occupiedKeys = Set<SlotKey>()           // (start, mode) taken by a stored row we must not touch
        var occupiedTimes: [(start: Int64, end: Int64)] = []  // held/booked slots not offered as they are
        for slot in stored {
            let key = SlotKey(start: slot.start, mode: slot.mode)
            if let offer = offered[key], offer.end.secondsSinceEpoch == slot.end {
                outcome.kept += 1
                keptKeys.insert(key)
                let visibility = offer.visibility.rawValue
                if slot.status == .free && slot.visibility != visibility {
                    try execute("UPDATE slots SET visibility = ? WHERE id = ?", [.int(Int(visibility)), .integer(slot.id)])
                    changed = true
                }
                continue
            }
            switch slot.status {
            case .free:
                if try !removeFreeSlot(slot.id) { occupiedKeys.insert(key) }  // blocked, so its key stays taken
                outcome.removed += 1
                changed = true
            case .held, .booked:
                occupiedKeys.insert(key)
                occupiedTimes.append((slot.start, slot.end))
                // Still covered when an offer of the same mode spans its whole time (the GP re-sliced the window):
                // the patient's time is still offered, so it is kept, not a conflict.
                if plan.slots.contains(where: {
                    $0.mode == slot.mode && $0.start.secondsSinceEpoch <= slot.start && $0.end.secondsSinceEpoch >= slot.end
                }) {
                    outcome.kept += 1
                    continue
                }
                outcome.conflicts.append(ImportConflict(slotID: slot.id, start: Instant(secondsSinceEpoch: slot.start),
                                                        end: Instant(secondsSinceEpoch: slot.end), mode: slot.mode, status: slot.status))
            case .blocked:
                // Withdrawn by hand: not ours to delete, and no patient depends on it.
                occupiedKeys.insert(key)
            }
        }

        for key in offeredOrder {
            guard let slot = offered[key], !keptKeys.contains(key) else { continue }
            if occupiedKeys.contains(key) {
                outcome.skippedOccupied += 1  // same start and mode as a held, booked or blocked slot
                continue
            }
            let start = slot.start.secondsSinceEpoch, end = slot.end.secondsSinceEpoch
            if occupiedTimes.contains(where: { $0.start < end && start < $0.end }) {
                outcome.skippedOccupied += 1  // a held or booked slot takes this time: do not offer it twice
                continue
            }
            try execute("""
                INSERT INTO slots (rpps, start_utc, end_utc, mode, visibility, status, source, created_at)
                VALUES (?, ?, ?, ?, ?, 'free', ?, ?)
                """, [.text(rpps), .integer(start), .integer(end), .text(slot.mode.code), .int(Int(slot.visibility.rawValue)),
                      .text(plan.source), .integer(plan.now.secondsSinceEpoch)])
            outcome.added += 1
            changed = true
        }

        for conflict in outcome.conflicts {
            var details = AuditDetails()
            details.add("source", plan.source)
            details.add("path", plan.path)
            details.add("practitioner", rpps)
            details.add("slot", conflict.slotID)
            details.add("start", conflict.start.iso8601)
            details.add("end", conflict.end.iso8601)
            details.add("mode", conflict.mode.code)
            details.add("status", conflict.status.rawValue)
            details.add("contentHash", plan.contentHash)
            try appendAudit(actor: plan.actor, action: "import.conflict", subject: "slot:\(conflict.slotID)",
                            details: details.json, at: plan.now)
        }

        outcome.changeSequence = changed ? try bumpChangeSequence() : try changeSequence()
        outcome.importID = try insertImportRecord(path: plan.path, source: plan.source, rpps: rpps, contentHash: plan.contentHash,
                                                  status: .imported, added: outcome.added, removed: outcome.removed,
                                                  kept: outcome.kept, conflicts: outcome.conflicts.count, at: plan.now)
        return outcome
    }

    /// Deletes a free slot; one that an old (cancelled) appointment still refers to is blocked instead,
    /// so the appointment history keeps its slot. Returns whether the row was deleted.
    private func removeFreeSlot(_ id: Int64) throws(DatabaseError) -> Bool {
        let referenced = try fetchInt64("SELECT count(*) FROM appointments WHERE slot_id = ?", [.integer(id)]) ?? 0
        if referenced > 0 {
            try execute("UPDATE slots SET status = 'blocked' WHERE id = ? AND status = 'free'", [.integer(id)])
            return false
        }
        try execute("DELETE FROM slots WHERE id = ? AND status = 'free'", [.integer(id)])
        return true
    }

    func insertImportRecord(path: String, source: String, rpps: String?, contentHash: String, status: ImportStatus,
                            added: Int, removed: Int, kept: Int, conflicts: Int, at: Instant) throws(DatabaseError) -> Int64 {
        try execute("""
            INSERT INTO imports (path, source, rpps, content_hash, status, slots_added, slots_removed, slots_kept, conflicts, at_utc)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(path), .text(source), .text(rpps), .text(contentHash), .text(status.rawValue), .int(added), .int(removed),
                  .int(kept), .int(conflicts), .integer(at.secondsSinceEpoch)])
        return lastInsertedRowID
    }
}
