import SlotMatchCore

/// The nightly balance job's reads and its one write.
extension Store {
    /// Everything a balance run over [from, to) needs, read in one snapshot (see `BalanceSnapshot`).
    public func balanceSnapshot(from: Instant, to: Instant, weekZone: ZoneRules) throws -> BalanceSnapshot {
        try read { db in
            let practitioners = try db.fetchAll(Database.practitionerSelect + " ORDER BY rpps") { s throws(DatabaseError) in
                try Database.practitioner(s)
            }
            let free = try db.slots(Database.slotSelect + " WHERE status = 'free' AND start_utc >= ? AND start_utc < ? ORDER BY start_utc, id",
                                    [.integer(from.secondsSinceEpoch), .integer(to.secondsSinceEpoch)])
            let pending = try db.fetchAll(Database.appointmentSelect
                + " WHERE a.status = 'pending' AND s.start_utc >= ? AND s.start_utc < ? ORDER BY s.start_utc, a.id",
                [.integer(from.secondsSinceEpoch), .integer(to.secondsSinceEpoch)]) { s throws(DatabaseError) in try Database.appointment(s) }
            var pendingRequests: [StoredRequest] = []
            for a in pending {
                guard let r = try db.storedRequest(id: a.requestID) else { throw Database.corrupt("appointments.request_id", a.requestID) }
                pendingRequests.append(r)
            }
            let waiting = try db.fetchAll(Database.requestSelect + " WHERE status = 'pending' ORDER BY received_utc, id") { s throws(DatabaseError) in
                try Database.storedRequest(s)
            }
            let weekStart = SNPWeek(containing: from, zone: weekZone).start
            let weekEnd = SNPWeek(containing: to, zone: weekZone).end
            let week = try db.fetchAll(Database.appointmentSelect
                + " WHERE a.status IN ('pending', 'booked') AND s.start_utc >= ? AND s.start_utc < ? ORDER BY s.start_utc, a.id",
                [.integer(weekStart.secondsSinceEpoch), .integer(weekEnd.secondsSinceEpoch)]) { s throws(DatabaseError) in
                    try Database.appointment(s)
                }
            return BalanceSnapshot(practitioners: practitioners, freeSlots: free, pendingAppointments: pending,
                                   pendingAppointmentRequests: pendingRequests, waitingRequests: waiting, weekAppointments: week)
        }
    }

    /// Applies the balance job's moves in ONE `BEGIN IMMEDIATE` transaction, with the booking primitives' own rules
    /// and audit entries (`appointment.cancel` reason `rebooked`, `appointment.book` as `pending`) plus one
    /// `balance.move` entry per move and a `balance.run` summary.
    ///
    /// Checked first, under the write lock: each moving appointment is still `pending` on its slot, each waiting
    /// request still waiting, each target slot free or left by another move of this run. A move that fails a check
    /// is skipped, and so is every move that needed the slot it would have left. Then all moving appointments are
    /// cancelled, then all targets booked (so swaps and chains work). Should a booking still be refused inside (a cap
    /// reached by a concurrent booking of another slot), the whole transaction rolls back and is retried without that
    /// move: the file never holds a half-applied run.
    public func applyBalance(_ moves: [PlannedMove], operator operatorID: String, weekZone: ZoneRules, now: Instant) throws -> BalanceApplication {
        var skipped: [SkippedMove] = []
        var attempts = 0
        while true {
            attempts += 1
            let excluded = Set(skipped.map(\.move))
            do {
                let (applied, ids, checked) = try write { db in
                    try db.applyBalance(moves.filter { !excluded.contains($0) }, operator: operatorID, weekZone: weekZone, now: now)
                }
                return BalanceApplication(applied: applied, newAppointmentIDs: ids, skipped: skipped + checked, attempts: attempts)
            } catch let refusal as BalanceRefusal {
                skipped.append(SkippedMove(move: refusal.move, code: refusal.error.code, reason: refusal.error.message))
            }
        }
    }
}

extension Database {
    /// `Store.applyBalance` inside the current write transaction; throws `BalanceRefusal` when a booking is refused.
    func applyBalance(_ moves: [PlannedMove], operator operatorID: String, weekZone: ZoneRules,
                      now: Instant) throws -> ([PlannedMove], [Int64], [SkippedMove]) {
        try requireWriteTransaction()
        var skipped: [SkippedMove] = []
        var valid: [PlannedMove] = []
        for move in moves {
            if let id = move.appointmentID {
                guard let a = try appointment(id: id), a.status == .pending, a.slot.id == move.fromSlotID, a.requestID == move.requestID else {
                    skipped.append(SkippedMove(move: move, code: "changed-meanwhile",
                                               reason: "appointment \(id) is no longer pending on slot \(move.fromSlotID.map(String.init) ?? "-")"))
                    continue
                }
            } else {
                guard let r = try storedRequest(id: move.requestID), r.status == .pending else {
                    skipped.append(SkippedMove(move: move, code: "changed-meanwhile", reason: "request \(move.requestID) is no longer waiting"))
                    continue
                }
            }
            valid.append(move)
        }
        // Targets: free now, or left by a move still in the run. Skipping a move keeps its slot taken: repeat.
        var changed = true
        while changed {
            changed = false
            let leaving = Set(valid.compactMap(\.fromSlotID))
            var kept: [PlannedMove] = []
            for move in valid {
                guard let slot = try slotState(move.toSlotID) else {
                    skipped.append(SkippedMove(move: move, code: "not-found", reason: "slot \(move.toSlotID) no longer exists"))
                    changed = true; continue
                }
                let takeable = Database.isTakeable(slot, by: move.requestID, viaHold: false, now: now.secondsSinceEpoch)
                if takeable || (leaving.contains(move.toSlotID) && slot.status == .booked && slot.start > now.secondsSinceEpoch) {
                    kept.append(move)
                } else if slot.status == .booked && !leaving.contains(move.toSlotID) && moves.contains(where: { $0.fromSlotID == move.toSlotID }) {
                    skipped.append(SkippedMove(move: move, code: "depends-on-skipped",
                                               reason: "slot \(move.toSlotID) stays taken: the move that would free it was skipped"))
                    changed = true
                } else {
                    skipped.append(SkippedMove(move: move, code: "slot-unavailable",
                                               reason: "slot \(move.toSlotID): \(Database.unavailability(slot, requestID: move.requestID, now: now))"))
                    changed = true
                }
            }
            valid = kept
        }
        for move in valid {
            if let id = move.appointmentID {
                _ = try cancel(appointmentID: id, reason: .rebooked, operator: operatorID, now: now)
            }
        }
        var ids: [Int64] = []
        for move in valid {
            let appointment: Appointment
            do {
                appointment = try book(slotID: move.toSlotID, requestID: move.requestID, operator: operatorID,
                                       awaitingConfirmation: true, weekZone: weekZone, now: now)
            } catch let error as BookingError {
                throw BalanceRefusal(move: move, error: error)
            }
            ids.append(appointment.id)
            var details = AuditDetails()
            details.add("request", move.requestID)
            if let a = move.appointmentID { details.add("fromAppointment", a) } else { details.addNull("fromAppointment") }
            if let s = move.fromSlotID { details.add("fromSlot", s) } else { details.addNull("fromSlot") }
            details.add("toSlot", move.toSlotID)
            details.add("appointment", appointment.id)
            details.add("costDelta", move.costDelta)
            details.add("at", now.iso8601)
            try appendAudit(actor: operatorID, action: "balance.move", subject: "request:\(move.requestID)", details: details.json, at: now)
        }
        var summary = AuditDetails()
        summary.add("applied", Int64(valid.count))
        summary.add("skipped", Int64(skipped.count))
        summary.add("at", now.iso8601)
        try appendAudit(actor: operatorID, action: "balance.run", subject: "balance", details: summary.json, at: now)
        return (valid, ids, skipped)
    }
}
