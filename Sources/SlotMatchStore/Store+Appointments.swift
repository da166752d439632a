import SlotMatchCore

/// Reading appointments and holds.
extension Store {
    /// Appointments whose slot starts in [from, to), optionally with one status, by slot start then id.
    public func appointments(from: Instant, to: Instant, status: AppointmentStatus? = nil) throws -> [Appointment] {
        try read { db in
            var sql = Database.appointmentSelect + " WHERE s.start_utc >= ? AND s.start_utc < ?"
            var arguments: [DatabaseValue] = [.integer(from.secondsSinceEpoch), .integer(to.secondsSinceEpoch)]
            if let status { sql += " AND a.status = ?"; arguments.append(.text(status.rawValue)) }
            return try db.fetchAll(sql + " ORDER BY s.start_utc, a.id", arguments) { s throws(DatabaseError) in try Database.appointment(s) }
        }
    }

    /// Every appointment of one request (a cancelled one and its replacement, …), oldest first.
    public func appointments(requestID: String) throws -> [Appointment] {
        try read { db in
            try db.fetchAll(Database.appointmentSelect + " WHERE a.request_id = ? ORDER BY a.id", [.text(requestID)]) { s throws(DatabaseError) in
                try Database.appointment(s)
            }
        }
    }

    /// The appointment with this id, or nil.
    public func appointment(id: Int64) throws -> Appointment? {
        try read { db in try db.appointment(id: id) }
    }

    /// The hold with this id while it is open (not released, booked or taken over after expiring), or nil.
    /// An open hold may still have expired: check `isValid(at:)`.
    public func hold(id: String) throws -> Hold? {
        try read { db in
            guard let row = try db.holdRow(id), row.ended == nil else { return nil }
            return row.hold
        }
    }
}

extension Database {
    static let appointmentSelect = """
        SELECT a.id, a.request_id, a.status, a.outside_target, a.operator, a.created_utc, a.updated_utc, a.cancel_reason, a.hold_id,
               s.id, s.rpps, s.start_utc, s.end_utc, s.mode, s.visibility, s.status, s.source
        FROM appointments a JOIN slots s ON s.id = a.slot_id
        """

    /// The appointment with this id, read in the current transaction.
    public func appointment(id: Int64) throws(DatabaseError) -> Appointment? {
        try fetchOne(Database.appointmentSelect + " WHERE a.id = ?", [.integer(id)]) { s throws(DatabaseError) in try Database.appointment(s) }
    }

    static func appointment(_ s: Statement) throws(DatabaseError) -> Appointment {
        guard let status = AppointmentStatus(rawValue: s.string(2)) else { throw Database.corrupt("appointments.status", s.string(2)) }
        var reason: CancelReason?
        if let code = s.optionalString(7) {
            guard let known = CancelReason(code: code) else { throw Database.corrupt("appointments.cancel_reason", code) }
            reason = known
        }
        let rpps: RPPS
        do { rpps = try RPPS(s.string(10)) } catch { throw Database.corrupt("slots.rpps", s.string(10)) }
        guard let mode = ConsultationMode(code: s.string(13)) else { throw Database.corrupt("slots.mode", s.string(13)) }
        guard let slotStatus = SlotStatus(rawValue: s.string(15)) else { throw Database.corrupt("slots.status", s.string(15)) }
        let slot = Slot(id: s.int64(9), practitioner: rpps, start: Instant(secondsSinceEpoch: s.int64(11)),
                        end: Instant(secondsSinceEpoch: s.int64(12)), mode: mode,
                        visibility: SlotVisibility(rawValue: UInt8(truncatingIfNeeded: s.int64(14))), status: slotStatus, source: s.string(16))
        return Appointment(id: s.int64(0), slot: slot, requestID: s.string(1), status: status, outsideTarget: s.bool(3),
                           operatorID: s.string(4), createdAt: Instant(secondsSinceEpoch: s.int64(5)),
                           updatedAt: Instant(secondsSinceEpoch: s.int64(6)), cancelReason: reason, holdID: s.optionalString(8))
    }
}
