import SlotMatchCore
import SlotMatchStore

extension RegulationDesk {
    /// `slots.hold`: reserves `slot` for `request` for `ttlSeconds` (default 120, at most 900).
    func hold(_ p: ParamReader) throws(RPCError) -> JSONValue {
        let at = try instant(p)
        let slotID = try p.int("slot", in: 1...Int64.max)
        let requestID = try p.identifier("request")
        let operatorID = try p.identifier("operator")
        let ttl = try p.optionalInt("ttlSeconds", in: 1...Hold.maximumTTLSeconds) ?? Hold.defaultTTLSeconds
        try p.finish()
        let hold = try storeCall { try store.hold(slotID: slotID, requestID: requestID, operator: operatorID, ttlSeconds: ttl, now: at) }
        slots.slotTaken(slotID)
        return RegulationDesk.json(hold)
    }

    /// `slots.release`: gives a held slot back before its hold runs out.
    func release(_ p: ParamReader) throws(RPCError) -> JSONValue {
        let at = try instant(p)
        let holdID = try p.identifier("hold")
        let operatorID = try p.identifier("operator")
        try p.finish()
        let slot: Slot? = try storeCall {
            let h = try store.hold(id: holdID)
            try store.releaseHold(holdID, operator: operatorID, now: at)
            return try h.flatMap { try store.slot(id: $0.slotID) }
        }
        if let slot, slot.status == .free { slots.slotFreed(slot) }
        return .members([("hold", .string(holdID)), ("released", .bool(true)), ("slot", slot.map { .int($0.id) } ?? .null)])
    }

    /// `appointments.book`: from a valid `hold` or directly from a free `slot` (exactly one), for `request`.
    /// Recorded as outside the target when the slot starts after the request's deadline.
    func book(_ p: ParamReader) throws(RPCError) -> JSONValue {
        let at = try instant(p)
        let holdID = try p.optionalIdentifier("hold")
        let slotID = try p.optionalInt("slot", in: 1...Int64.max)
        let requestID = try p.identifier("request")
        let operatorID = try p.identifier("operator")
        try p.finish()
        if holdID == nil && slotID == nil { throw p.missing("hold", "hold (a hold id) or slot (a slot id)") }
        if holdID != nil && slotID != nil { throw p.invalid("slot", "both hold and slot are given", remedy: "Give only one of hold and slot.") }
        let appointment: Appointment = try storeCall {
            guard let request = try store.request(id: requestID) else { throw BookingError.notFound(kind: "request", id: requestID) }
            let targetSlotID: Int64
            if let holdID {
                guard let h = try store.hold(id: holdID) else {
                    // Not open any more: the store says why (expired, or released / booked / unknown).
                    return try store.book(holdID: holdID, requestID: requestID, operator: operatorID, weekZone: zone, now: at)
                }
                targetSlotID = h.slotID
            } else {
                targetSlotID = slotID ?? 0
            }
            guard let slot = try store.slot(id: targetSlotID) else { throw BookingError.notFound(kind: "slot", id: String(targetSlotID)) }
            guard let delay = rules.delays.maximumDelaySeconds(for: request.request.urgency) else {
                throw BookingError.notAllowed(reason: "request \(requestID) is graded \(request.request.urgency.rawValue), which never gets a GP slot",
                                              remedy: "A regulating doctor may change the level (triage overrideLevel) if a GP slot is right.")
            }
            let outside = slot.start > request.request.receivedAt.adding(seconds: delay)
            if let holdID {
                return try store.book(holdID: holdID, requestID: requestID, operator: operatorID, outsideTarget: outside, weekZone: zone, now: at)
            }
            return try store.book(slotID: targetSlotID, requestID: requestID, operator: operatorID, outsideTarget: outside, weekZone: zone, now: at)
        }
        slots.slotTaken(appointment.slot.id)
        try storeCall { try slots.recountCountedWeek() }
        return RegulationDesk.json(appointment)
    }

    /// `appointments.cancel`: cancels with a reason code; the slot is free again if it is still to come.
    func cancel(_ p: ParamReader) throws(RPCError) -> JSONValue {
        let at = try instant(p)
        let id = try p.int("appointment", in: 1...Int64.max)
        let reason = try p.optionalCode("reason", "a cancel reason (" + CancelReason.allCases.map(\.rawValue).joined(separator: ", ") + ")",
                                        CancelReason.init(code:))
        guard let reason else { throw p.missing("reason", "a cancel reason (" + CancelReason.allCases.map(\.rawValue).joined(separator: ", ") + ")") }
        let operatorID = try p.identifier("operator")
        try p.finish()
        let appointment = try storeCall { try store.cancel(appointmentID: id, reason: reason, operator: operatorID, now: at) }
        if appointment.slot.status == .free { slots.slotFreed(appointment.slot) }
        try storeCall { try slots.recountCountedWeek() }
        return RegulationDesk.json(appointment)
    }

    /// `appointments.outcome`: `fulfilled` or `noshow`, once the consultation has started.
    func outcome(_ p: ParamReader) throws(RPCError) -> JSONValue {
        let at = try instant(p)
        let id = try p.int("appointment", in: 1...Int64.max)
        guard let outcome = try p.optionalCode("outcome", "an outcome (fulfilled or noshow)", AppointmentOutcome.init(code:)) else {
            throw p.missing("outcome", "fulfilled or noshow")
        }
        let operatorID = try p.identifier("operator")
        try p.finish()
        let appointment = try storeCall { try store.recordOutcome(appointmentID: id, outcome: outcome, operator: operatorID, now: at) }
        return RegulationDesk.json(appointment)
    }

    /// `appointments.list`: appointments of one `request`, or whose slot starts in [from, to) (default: the
    /// week around `at`), optionally of one `status`.
    func listAppointments(_ p: ParamReader) throws(RPCError) -> JSONValue {
        let at = try instant(p)
        let requestID = try p.optionalIdentifier("request")
        let from = try p.optionalInstant("from")
        let to = try p.optionalInstant("to")
        let status = try p.optionalCode("status", "an appointment status (" + AppointmentStatus.allCases.map(\.rawValue).joined(separator: ", ") + ")",
                                        AppointmentStatus.init(rawValue:))
        try p.finish()
        let list: [Appointment] = try storeCall {
            if let requestID {
                return try store.appointments(requestID: requestID).filter { status == nil || $0.status == status }
            }
            let start = from ?? at.adding(seconds: -7 * 86_400)
            let end = to ?? at.adding(seconds: 7 * 86_400)
            return try store.appointments(from: start, to: end, status: status)
        }
        return .members([("appointments", .array(list.map(RegulationDesk.json)))])
    }

    static func json(_ h: Hold) -> JSONValue {
        .members([("hold", .string(h.id)), ("slot", .int(h.slotID)), ("request", .string(h.requestID)),
                  ("operator", .string(h.operatorID)), ("createdAt", .string(h.createdAt.iso8601)),
                  ("expiresAt", .string(h.expiresAt.iso8601))])
    }

    static func json(_ a: Appointment) -> JSONValue {
        .members([
            ("appointment", .int(a.id)),
            ("slot", .members([("id", .int(a.slot.id)), ("practitioner", .string(a.slot.practitioner.digits)),
                               ("start", .string(a.slot.start.iso8601)), ("end", .string(a.slot.end.iso8601)),
                               ("mode", .string(a.slot.mode.rawValue))])),
            ("request", .string(a.requestID)),
            ("status", .string(a.status.rawValue)),
            ("outsideTarget", .bool(a.outsideTarget)),
            ("operator", .string(a.operatorID)),
            ("createdAt", .string(a.createdAt.iso8601)),
            ("updatedAt", .string(a.updatedAt.iso8601)),
            ("cancelReason", a.cancelReason.map { .string($0.rawValue) } ?? .null),
            ("hold", a.holdID.map { .string($0) } ?? .null),
        ])
    }
}
