import CSQLite
import SlotMatchCore

/// Hold, book, confirm, cancel, outcome: each one `BEGIN IMMEDIATE` transaction whose state change is a
/// conditional UPDATE checked with `sqlite3_changes`, with its audit entry and a `change_seq` bump.
///
/// Why no slot is ever given twice, across threads and processes: `BEGIN IMMEDIATE` takes the file's write
/// lock before the first read (sqlite.org/lang_transaction.html), so two writers never interleave; the UPDATE
/// names the state it expects (`status = 'free' OR (status = 'held' AND hold_expires_utc <= now)`) and a change
/// count other than 1 means someone else got there first: `slot-unavailable`. The partial UNIQUE index
/// `appointments_one_active_per_slot` is the last line of defence. Weekly caps are counted in the same transaction.
extension Store {
    /// Reserves a free slot (or one whose hold has expired) for `requestID` for `ttlSeconds` (1…900, default 120).
    public func hold(slotID: Int64, requestID: String, operator operatorID: String,
                     ttlSeconds: Int64 = Hold.defaultTTLSeconds, now: Instant) throws -> Hold {
        try write { db in try db.hold(slotID: slotID, requestID: requestID, operator: operatorID, ttlSeconds: ttlSeconds, now: now) }
    }

    /// Gives the slot back: the hold ends and the slot is free again (blocked if it has started). Releasing a hold
    /// that has already expired (and was not taken over) succeeds too.
    public func releaseHold(_ holdID: String, operator operatorID: String, now: Instant) throws {
        try write { db in try db.releaseHold(holdID, operator: operatorID, now: now) }
    }

    /// Turns a valid hold of the same request into an appointment (see `Database.book`).
    public func book(holdID: String, requestID: String, operator operatorID: String, outsideTarget: Bool = false,
                     awaitingConfirmation: Bool = false, weekZone: ZoneRules, now: Instant) throws -> Appointment {
        try write { db in
            try db.book(holdID: holdID, requestID: requestID, operator: operatorID, outsideTarget: outsideTarget,
                        awaitingConfirmation: awaitingConfirmation, weekZone: weekZone, now: now)
        }
    }

    /// Books a free slot (or one whose hold has expired, or one this request holds) directly (see `Database.book`).
    public func book(slotID: Int64, requestID: String, operator operatorID: String, outsideTarget: Bool = false,
                     awaitingConfirmation: Bool = false, weekZone: ZoneRules, now: Instant) throws -> Appointment {
        try write { db in
            try db.book(slotID: slotID, requestID: requestID, operator: operatorID, outsideTarget: outsideTarget,
                        awaitingConfirmation: awaitingConfirmation, weekZone: weekZone, now: now)
        }
    }

    /// The patient confirmed a `pending` appointment: it becomes `booked` and the balance job no longer moves it.
    public func confirm(appointmentID: Int64, operator operatorID: String, now: Instant) throws -> Appointment {
        try write { db in try db.confirm(appointmentID: appointmentID, operator: operatorID, now: now) }
    }

    /// Cancels a pending or booked appointment; its slot is free again if it starts after `now`, else blocked.
    public func cancel(appointmentID: Int64, reason: CancelReason, operator operatorID: String, now: Instant) throws -> Appointment {
        try write { db in try db.cancel(appointmentID: appointmentID, reason: reason, operator: operatorID, now: now) }
    }

    /// Records that the patient came (`fulfilled`) or not (`noshow`): only for a `booked` appointment whose
    /// slot has started (start ≤ now), and only once.
    public func recordOutcome(appointmentID: Int64, outcome: AppointmentOutcome, operator operatorID: String,
                              now: Instant) throws -> Appointment {
        try write { db in try db.recordOutcome(appointmentID: appointmentID, outcome: outcome, operator: operatorID, now: now) }
    }

    /// Frees every slot whose hold has expired by `now` (audited `slot.hold-expire`, actor `actor`), so that a search
    /// reading `status = 'free'` and an index following `slotChanges` see them again. Returns how many were freed.
    /// Holding and booking treat an expired hold as free without it; call this from the service now and then.
    @discardableResult
    public func releaseExpiredHolds(now: Instant, actor: String = "slotmatch") throws -> Int {
        try write { db in try db.releaseExpiredHolds(now: now, actor: actor) }
    }
}

extension Database {
    /// What booking needs of a slot row.
    struct SlotState {
        var id: Int64
        var rpps: String
        var start: Int64
        var end: Int64
        var status: SlotStatus
        var holdRequest: String?
        var holdExpires: Int64?
    }

    func slotState(_ id: Int64) throws(DatabaseError) -> SlotState? {
        try fetchOne("SELECT id, rpps, start_utc, end_utc, status, hold_request, hold_expires_utc FROM slots WHERE id = ?",
                     [.integer(id)]) { s throws(DatabaseError) in
            guard let status = SlotStatus(rawValue: s.string(4)) else { throw Database.corrupt("slots.status", s.string(4)) }
            return SlotState(id: s.int64(0), rpps: s.string(1), start: s.int64(2), end: s.int64(3), status: status,
                             holdRequest: s.optionalString(5), holdExpires: s.optionalInt64(6))
        }
    }

    /// A hold row and how it ended (nil while open).
    struct HoldRow {
        var hold: Hold
        var ended: String?
    }

    func holdRow(_ id: String) throws(DatabaseError) -> HoldRow? {
        try fetchOne("SELECT id, slot_id, request_id, operator, created_utc, expires_utc, ended FROM holds WHERE id = ?",
                     [.text(id)]) { s in
            HoldRow(hold: Hold(id: s.string(0), slotID: s.int64(1), requestID: s.string(2), operatorID: s.string(3),
                               createdAt: Instant(secondsSinceEpoch: s.int64(4)), expiresAt: Instant(secondsSinceEpoch: s.int64(5))),
                    ended: s.optionalString(6))
        }
    }

    /// Why a slot that the conditional UPDATE did not take is unavailable, in words.
    static func unavailability(_ slot: SlotState, requestID: String, now: Instant) -> String {
        if slot.start <= now.secondsSinceEpoch { return "it started at \(Instant(secondsSinceEpoch: slot.start).iso8601)" }
        switch slot.status {
        case .held:
            let until = Instant(secondsSinceEpoch: slot.holdExpires ?? 0).iso8601
            return slot.holdRequest == requestID ? "already held for this request until \(until); book with that hold"
                                                 : "held for another request until \(until)"
        case .booked: return "already booked"
        case .blocked: return "withdrawn by the practice"
        case .free: return "changed meanwhile"
        }
    }

    /// Whether `slot` can be taken at `now`: still to come, and free or with an expired hold; from a hold, held
    /// for `requestID` with the hold still running. The conditional UPDATEs say the same in SQL.
    static func isTakeable(_ slot: SlotState, by requestID: String, viaHold: Bool, now: Int64) -> Bool {
        guard slot.start > now else { return false }
        if viaHold { return slot.status == .held && slot.holdRequest == requestID && (slot.holdExpires ?? now) > now }
        return slot.status == .free || (slot.status == .held && (slot.holdExpires ?? now) <= now)
    }

    /// The request must exist, be graded for a slot (not vital, not advice), not be closed, and have no active appointment.
    func requireBookableRequest(_ requestID: String) throws {
        try TokenSyntax.requireRequestID(requestID)
        guard let (status, urgency) = try fetchOne("SELECT status, urgency FROM requests WHERE id = ?", [.text(requestID)], {
            ($0.string(0), $0.string(1))
        }) else {
            throw BookingError.notFound(kind: "request", id: requestID)
        }
        // Triage: a vital call goes to the SAMU-15 and an advice call needs no slot; neither is ever given one.
        if urgency == UrgencyLevel.vital.rawValue {
            throw BookingError.notAllowed(reason: "request \(requestID) is vital",
                                          remedy: "Hand the call to the SAMU-15 at once; a GP slot is never given at this level.")
        }
        if urgency == UrgencyLevel.advice.rawValue {
            throw BookingError.notAllowed(reason: "request \(requestID) is graded advice, which needs no slot",
                                          remedy: "If the patient must be seen, have the regulating doctor override the level first.")
        }
        if status == RequestStatus.closed.rawValue {
            throw BookingError.notAllowed(reason: "request \(requestID) is closed", remedy: "Submit a new request for a new call.")
        }
        if let appointment = try fetchInt64("SELECT id FROM appointments WHERE request_id = ? AND status IN ('pending', 'booked') LIMIT 1",
                                            [.text(requestID)]) {
            throw BookingError.notAllowed(reason: "request \(requestID) already has appointment \(appointment)",
                                          remedy: "Cancel that appointment (reason rebooked) before booking another slot.")
        }
    }

    /// Closes the open hold of a slot, if any, as `ended`.
    func endOpenHold(slotID: Int64, as ended: String, now: Instant) throws(DatabaseError) {
        try execute("UPDATE holds SET ended = ?, ended_utc = ? WHERE slot_id = ? AND ended IS NULL",
                    [.text(ended), .integer(now.secondsSinceEpoch), .integer(slotID)])
    }

    /// The status a slot goes back to when it is given up: free while it is still to come, blocked once started.
    static func freedStatus(start: Int64, now: Instant) -> SlotStatus { start > now.secondsSinceEpoch ? .free : .blocked }

    // MARK: Hold

    /// `Store.hold` inside the current write transaction.
    public func hold(slotID: Int64, requestID: String, operator operatorID: String,
                     ttlSeconds: Int64 = Hold.defaultTTLSeconds, now: Instant) throws -> Hold {
        try requireWriteTransaction()
        try TokenSyntax.requireOperatorID(operatorID)
        guard ttlSeconds >= 1 && ttlSeconds <= Hold.maximumTTLSeconds else {
            throw InputError(SourcePlace(jsonPath: "$.ttlSeconds"), "a hold of \(ttlSeconds) seconds is out of range",
                             remedy: "Give ttlSeconds between 1 and \(Hold.maximumTTLSeconds) (default \(Hold.defaultTTLSeconds)).")
        }
        try requireBookableRequest(requestID)
        guard let slot = try slotState(slotID) else { throw BookingError.notFound(kind: "slot", id: String(slotID)) }
        let expires = now.adding(seconds: ttlSeconds)
        guard Database.isTakeable(slot, by: requestID, viaHold: false, now: now.secondsSinceEpoch) else {
            throw BookingError.slotUnavailable(slotID: slotID, reason: Database.unavailability(slot, requestID: requestID, now: now))
        }
        // The conditional update: only a slot still to come that is free, or whose hold has expired, is taken.
        try execute("""
            UPDATE slots SET status = 'held', hold_request = ?, hold_expires_utc = ?
            WHERE id = ? AND start_utc > ? AND (status = 'free' OR (status = 'held' AND hold_expires_utc <= ?))
            """, [.text(requestID), .integer(expires.secondsSinceEpoch), .integer(slotID), .integer(now.secondsSinceEpoch),
                  .integer(now.secondsSinceEpoch)])
        guard changesCount == 1 else { throw BookingError.slotUnavailable(slotID: slotID, reason: "changed meanwhile") }
        try endOpenHold(slotID: slotID, as: "expired", now: now)  // the expired hold this one takes over, if any
        let hold = Hold(id: TokenSyntax.newHoldID(), slotID: slotID, requestID: requestID, operatorID: operatorID,
                        createdAt: now, expiresAt: expires)
        try execute("INSERT INTO holds (id, slot_id, request_id, operator, created_utc, expires_utc) VALUES (?, ?, ?, ?, ?, ?)",
                    [.text(hold.id), .integer(slotID), .text(requestID), .text(operatorID), .integer(now.secondsSinceEpoch),
                     .integer(expires.secondsSinceEpoch)])
        var details = AuditDetails()
        details.add("hold", hold.id)
        details.add("request", requestID)
        details.add("slot", slotID)
        details.add("practitioner", slot.rpps)
        details.add("start", Instant(secondsSinceEpoch: slot.start).iso8601)
        details.add("at", now.iso8601)
        details.add("expires", expires.iso8601)
        try appendAudit(actor: operatorID, action: "slot.hold", subject: "slot:\(slotID)", details: details.json, at: now)
        try bumpChangeSequence()
        return hold
    }

    /// `Store.releaseHold` inside the current write transaction.
    public func releaseHold(_ holdID: String, operator operatorID: String, now: Instant) throws {
        try requireWriteTransaction()
        try TokenSyntax.requireOperatorID(operatorID)
        guard let row = try holdRow(holdID), row.ended == nil else { throw BookingError.holdNotFound(holdID: holdID) }
        let hold = row.hold
        guard let slot = try slotState(hold.slotID) else { throw BookingError.holdNotFound(holdID: holdID) }
        let freed = Database.freedStatus(start: slot.start, now: now)
        try execute("""
            UPDATE slots SET status = ?, hold_request = NULL, hold_expires_utc = NULL
            WHERE id = ? AND status = 'held' AND hold_request = ?
            """, [.text(freed.rawValue), .integer(hold.slotID), .text(hold.requestID)])
        try endOpenHold(slotID: hold.slotID, as: "released", now: now)
        var details = AuditDetails()
        details.add("hold", holdID)
        details.add("request", hold.requestID)
        details.add("slot", hold.slotID)
        details.add("at", now.iso8601)
        details.add("expires", hold.expiresAt.iso8601)
        details.add("slotStatus", freed.rawValue)
        try appendAudit(actor: operatorID, action: "slot.release", subject: "slot:\(hold.slotID)", details: details.json, at: now)
        try bumpChangeSequence()
    }

    /// Frees slots whose holds expired by `now`; see `Store.releaseExpiredHolds`.
    @discardableResult
    public func releaseExpiredHolds(now: Instant, actor: String = "slotmatch") throws -> Int {
        try requireWriteTransaction()
        try TokenSyntax.requireOperatorID(actor)
        let expired = try fetchAll("""
            SELECT id, start_utc, hold_request, hold_expires_utc FROM slots
            WHERE status = 'held' AND hold_expires_utc <= ? ORDER BY id
            """, [.integer(now.secondsSinceEpoch)]) { s in (s.int64(0), s.int64(1), s.string(2), s.int64(3)) }
        for (id, start, request, expires) in expired {
            let freed = Database.freedStatus(start: start, now: now)
            try execute("""
                UPDATE slots SET status = ?, hold_request = NULL, hold_expires_utc = NULL
                WHERE id = ? AND status = 'held' AND hold_expires_utc <= ?
                """, [.text(freed.rawValue), .integer(id), .integer(now.secondsSinceEpoch)])
            guard changesCount == 1 else { continue }
            try endOpenHold(slotID: id, as: "expired", now: now)
            var details = AuditDetails()
            details.add("request", request)
            details.add("slot", id)
            details.add("expired", Instant(secondsSinceEpoch: expires).iso8601)
            details.add("at", now.iso8601)
            details.add("slotStatus", freed.rawValue)
            try appendAudit(actor: actor, action: "slot.hold-expire", subject: "slot:\(id)", details: details.json, at: now)
        }
        if !expired.isEmpty { try bumpChangeSequence() }
        return expired.count
    }

    // MARK: Book

    /// Books from a hold: the hold must be open, unexpired (`now < expiresAt`) and made for `requestID`.
    ///
    /// The appointment is `booked`, or `pending` when `awaitingConfirmation` (a proposal still to confirm with the
    /// patient, which the nightly balance job may move; `confirm` makes it `booked`). The GP's weekly SNP cap is
    /// counted over the ISO week of the slot's start in `weekZone` (the territory's zone, Europe/Paris), in this
    /// transaction: `cap-reached` when the GP already has `weekly_cap` non-cancelled appointments that week.
    public func book(holdID: String, requestID: String, operator operatorID: String, outsideTarget: Bool = false,
                     awaitingConfirmation: Bool = false, weekZone: ZoneRules, now: Instant) throws -> Appointment {
        try requireWriteTransaction()
        try TokenSyntax.requireOperatorID(operatorID)
        guard let row = try holdRow(holdID) else { throw BookingError.holdNotFound(holdID: holdID) }
        let hold = row.hold
        if row.ended == "expired" || !hold.isValid(at: now) { throw BookingError.holdExpired(holdID: holdID, expiredAt: hold.expiresAt) }
        guard row.ended == nil else { throw BookingError.holdNotFound(holdID: holdID) }
        guard hold.requestID == requestID else {
            throw BookingError.notAllowed(reason: "hold \(holdID) was made for another request, not \(requestID)",
                                          remedy: "Book with the request the slot was held for, or hold another slot for this request.")
        }
        return try bookSlot(hold.slotID, requestID: requestID, fromHold: hold, operator: operatorID, outsideTarget: outsideTarget,
                            awaitingConfirmation: awaitingConfirmation, weekZone: weekZone, now: now)
    }

    /// Books a slot directly: it must be free, or held with an expired hold, or held for this very request
    /// (then that hold is used). Same statuses and cap rule as booking from a hold.
    public func book(slotID: Int64, requestID: String, operator operatorID: String, outsideTarget: Bool = false,
                     awaitingConfirmation: Bool = false, weekZone: ZoneRules, now: Instant) throws -> Appointment {
        try requireWriteTransaction()
        try TokenSyntax.requireOperatorID(operatorID)
        try TokenSyntax.requireRequestID(requestID)
        guard let slot = try slotState(slotID) else { throw BookingError.notFound(kind: "slot", id: String(slotID)) }
        var ownHold: Hold?
        if slot.status == .held, slot.holdRequest == requestID, let expires = slot.holdExpires, now.secondsSinceEpoch < expires,
           let id = try fetchOne("SELECT id FROM holds WHERE slot_id = ? AND ended IS NULL", [.integer(slotID)], { $0.string(0) }),
           let row = try holdRow(id) {
            ownHold = row.hold
        }
        return try bookSlot(slotID, requestID: requestID, fromHold: ownHold, operator: operatorID, outsideTarget: outsideTarget,
                            awaitingConfirmation: awaitingConfirmation, weekZone: weekZone, now: now)
    }

    /// The shared second half of booking: request and cap checks, the conditional UPDATE, the appointment, the audit.
    private func bookSlot(_ slotID: Int64, requestID: String, fromHold hold: Hold?, operator operatorID: String, outsideTarget: Bool,
                          awaitingConfirmation: Bool, weekZone: ZoneRules, now: Instant) throws -> Appointment {
        try requireBookableRequest(requestID)
        guard let slot = try slotState(slotID) else { throw BookingError.notFound(kind: "slot", id: String(slotID)) }
        let nowSeconds = now.secondsSinceEpoch
        // Every check comes before the first write, so a refusal leaves nothing behind even for a caller that
        // catches it inside its own transaction (the balance job trying another slot).
        guard Database.isTakeable(slot, by: requestID, viaHold: hold != nil, now: nowSeconds) else {
            throw BookingError.slotUnavailable(slotID: slotID, reason: Database.unavailability(slot, requestID: requestID, now: now))
        }
        // The weekly SNP cap, counted under the write lock: no other writer can add an appointment meanwhile.
        guard let cap = try fetchInt64("SELECT weekly_cap FROM practitioners WHERE rpps = ?", [.text(slot.rpps)]) else {
            throw Database.corrupt("slots.rpps", slot.rpps)
        }
        let week = SNPWeek(containing: Instant(secondsSinceEpoch: slot.start), zone: weekZone)
        let booked = try fetchInt64("""
            SELECT count(*) FROM appointments a JOIN slots s ON s.id = a.slot_id
            WHERE s.rpps = ? AND s.start_utc >= ? AND s.start_utc < ? AND a.status <> 'cancelled'
            """, [.text(slot.rpps), .integer(week.start.secondsSinceEpoch), .integer(week.end.secondsSinceEpoch)]) ?? 0
        guard booked < cap else {
            let rpps: RPPS
            do { rpps = try RPPS(slot.rpps) } catch { throw Database.corrupt("slots.rpps", slot.rpps) }
            throw BookingError.capReached(practitioner: rpps, cap: Int(cap), booked: Int(booked), weekStart: week.start)
        }

        // The conditional update names the state it expects; any other count means the state moved under us.
        if hold != nil {
            try execute("""
                UPDATE slots SET status = 'booked', hold_request = NULL, hold_expires_utc = NULL
                WHERE id = ? AND start_utc > ? AND status = 'held' AND hold_request = ? AND hold_expires_utc > ?
                """, [.integer(slotID), .integer(nowSeconds), .text(requestID), .integer(nowSeconds)])
        } else {
            try execute("""
                UPDATE slots SET status = 'booked', hold_request = NULL, hold_expires_utc = NULL
                WHERE id = ? AND start_utc > ? AND (status = 'free' OR (status = 'held' AND hold_expires_utc <= ?))
                """, [.integer(slotID), .integer(nowSeconds), .integer(nowSeconds)])
        }
        guard changesCount == 1 else {
            throw BookingError.slotUnavailable(slotID: slotID, reason: "changed meanwhile")
        }

        try endOpenHold(slotID: slotID, as: hold != nil ? "booked" : "expired", now: now)
        let status: AppointmentStatus = awaitingConfirmation ? .pending : .booked
        try execute("""
            INSERT INTO appointments (slot_id, request_id, status, outside_target, operator, created_utc, updated_utc, hold_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [.integer(slotID), .text(requestID), .text(status.rawValue), .bool(outsideTarget), .text(operatorID),
                  .integer(nowSeconds), .integer(nowSeconds), .text(hold?.id)])
        let appointmentID = lastInsertedRowID
        try execute("UPDATE requests SET status = 'booked' WHERE id = ?", [.text(requestID)])
        try releaseOtherHolds(of: requestID, keeping: slotID, operator: operatorID, now: now)
        var details = AuditDetails()
        details.add("appointment", appointmentID)
        details.add("request", requestID)
        details.add("slot", slotID)
        details.add("practitioner", slot.rpps)
        details.add("start", Instant(secondsSinceEpoch: slot.start).iso8601)
        details.add("end", Instant(secondsSinceEpoch: slot.end).iso8601)
        details.add("at", now.iso8601)
        details.add("status", status.rawValue)
        details.add("outsideTarget", outsideTarget)
        if let hold { details.add("hold", hold.id) } else { details.addNull("hold") }
        details.add("weekStart", week.start.iso8601)
        details.add("weekBooked", booked + 1)
        details.add("weeklyCap", cap)
        try appendAudit(actor: operatorID, action: "appointment.book", subject: "slot:\(slotID)", details: details.json, at: now)
        try bumpChangeSequence()
        guard let appointment = try appointment(id: appointmentID) else { throw Database.corrupt("appointments.id", String(appointmentID)) }
        return appointment
    }

    /// Once a request has its appointment, the other slots it still holds go back to the others at once
    /// (instead of staying hidden until their holds expire); each release is audited.
    private func releaseOtherHolds(of requestID: String, keeping slotID: Int64, operator operatorID: String, now: Instant) throws {
        let others = try fetchAll("""
            SELECT h.id, h.slot_id, s.start_utc FROM holds h JOIN slots s ON s.id = h.slot_id
            WHERE h.request_id = ? AND h.ended IS NULL AND h.slot_id <> ? ORDER BY h.slot_id
            """, [.text(requestID), .integer(slotID)]) { s in (s.string(0), s.int64(1), s.int64(2)) }
        for (holdID, otherSlot, start) in others {
            let freed = Database.freedStatus(start: start, now: now)
            try execute("""
                UPDATE slots SET status = ?, hold_request = NULL, hold_expires_utc = NULL
                WHERE id = ? AND status = 'held' AND hold_request = ?
                """, [.text(freed.rawValue), .integer(otherSlot), .text(requestID)])
            try endOpenHold(slotID: otherSlot, as: "released", now: now)
            var details = AuditDetails()
            details.add("hold", holdID)
            details.add("request", requestID)
            details.add("slot", otherSlot)
            details.add("at", now.iso8601)
            details.add("why", "request-booked")
            details.add("slotStatus", freed.rawValue)
            try appendAudit(actor: operatorID, action: "slot.release", subject: "slot:\(otherSlot)", details: details.json, at: now)
        }
    }

    // MARK: Confirm, cancel, outcome

    /// `Store.confirm` inside the current write transaction.
    public func confirm(appointmentID: Int64, operator operatorID: String, now: Instant) throws -> Appointment {
        try requireWriteTransaction()
        try TokenSyntax.requireOperatorID(operatorID)
        guard let appointment = try appointment(id: appointmentID) else {
            throw BookingError.notFound(kind: "appointment", id: String(appointmentID))
        }
        guard appointment.status == .pending else {
            throw BookingError.notAllowed(reason: "appointment \(appointmentID) is \(appointment.status.rawValue), not pending",
                                          remedy: "Only a pending appointment can be confirmed.")
        }
        try execute("UPDATE appointments SET status = 'booked', updated_utc = ? WHERE id = ? AND status = 'pending'",
                    [.integer(now.secondsSinceEpoch), .integer(appointmentID)])
        try audit(appointment, action: "appointment.confirm", operator: operatorID, now: now) { _ in }
        try bumpChangeSequence()
        return try self.appointment(id: appointmentID) ?? appointment
    }

    /// `Store.cancel` inside the current write transaction.
    public func cancel(appointmentID: Int64, reason: CancelReason, operator operatorID: String, now: Instant) throws -> Appointment {
        try requireWriteTransaction()
        try TokenSyntax.requireOperatorID(operatorID)
        guard let appointment = try appointment(id: appointmentID) else {
            throw BookingError.notFound(kind: "appointment", id: String(appointmentID))
        }
        guard appointment.status.isActive else {
            throw BookingError.notAllowed(reason: "appointment \(appointmentID) is \(appointment.status.rawValue)",
                                          remedy: "Only a pending or booked appointment can be cancelled.")
        }
        try execute("""
            UPDATE appointments SET status = 'cancelled', cancel_reason = ?, updated_utc = ?
            WHERE id = ? AND status IN ('pending', 'booked')
            """, [.text(reason.code), .integer(now.secondsSinceEpoch), .integer(appointmentID)])
        let freed = Database.freedStatus(start: appointment.slot.start.secondsSinceEpoch, now: now)
        try execute("UPDATE slots SET status = ? WHERE id = ? AND status = 'booked'", [.text(freed.rawValue), .integer(appointment.slot.id)])
        let requestStatus: RequestStatus = reason.reopensRequest ? .pending : .closed
        try execute("UPDATE requests SET status = ? WHERE id = ?", [.text(requestStatus.rawValue), .text(appointment.requestID)])
        try audit(appointment, action: "appointment.cancel", operator: operatorID, now: now) { details in
            details.add("reason", reason.code)
            details.add("slotStatus", freed.rawValue)
        }
        try bumpChangeSequence()
        return try self.appointment(id: appointmentID) ?? appointment
    }

    /// `Store.recordOutcome` inside the current write transaction.
    public func recordOutcome(appointmentID: Int64, outcome: AppointmentOutcome, operator operatorID: String,
                              now: Instant) throws -> Appointment {
        try requireWriteTransaction()
        try TokenSyntax.requireOperatorID(operatorID)
        guard let appointment = try appointment(id: appointmentID) else {
            throw BookingError.notFound(kind: "appointment", id: String(appointmentID))
        }
        switch appointment.status {
        case .booked: break
        case .pending:
            throw BookingError.notAllowed(reason: "appointment \(appointmentID) was never confirmed with the patient",
                                          remedy: "Confirm it first if the patient came, or cancel it.")
        case .fulfilled, .noshow:
            throw BookingError.notAllowed(reason: "appointment \(appointmentID) already has the outcome \(appointment.status.rawValue)",
                                          remedy: "An outcome is recorded once; nothing more to do.")
        case .cancelled:
            throw BookingError.notAllowed(reason: "appointment \(appointmentID) was cancelled", remedy: "A cancelled appointment has no outcome.")
        }
        guard appointment.slot.start <= now else {
            throw BookingError.notAllowed(reason: "appointment \(appointmentID) starts at \(appointment.slot.start.iso8601)",
                                          remedy: "Record the outcome once the consultation has started.")
        }
        try execute("UPDATE appointments SET status = ?, updated_utc = ? WHERE id = ? AND status = 'booked'",
                    [.text(outcome.status.rawValue), .integer(now.secondsSinceEpoch), .integer(appointmentID)])
        try execute("UPDATE requests SET status = 'closed' WHERE id = ?", [.text(appointment.requestID)])
        try audit(appointment, action: "appointment.outcome", operator: operatorID, now: now) { details in
            details.add("outcome", outcome.code)
        }
        try bumpChangeSequence()
        return try self.appointment(id: appointmentID) ?? appointment
    }

    /// One audit entry about an appointment: subject `appointment:<id>`, the request, slot and times, plus `extra`.
    private func audit(_ appointment: Appointment, action: String, operator operatorID: String, now: Instant,
                       _ extra: (inout AuditDetails) -> Void) throws {
        var details = AuditDetails()
        details.add("appointment", appointment.id)
        details.add("request", appointment.requestID)
        details.add("slot", appointment.slot.id)
        details.add("practitioner", appointment.slot.practitioner.digits)
        details.add("start", appointment.slot.start.iso8601)
        details.add("at", now.iso8601)
        details.add("previousStatus", appointment.status.rawValue)
        extra(&details)
        try appendAudit(actor: operatorID, action: action, subject: "appointment:\(appointment.id)", details: details.json, at: now)
    }
}
