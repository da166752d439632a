import SlotMatchCore
import SlotMatchStore

extension RegulationDesk {
    /// `requests.submit`: stores the call's request (pseudonymous codes only), triages it (with an optional
    /// override by `operator`), and, when the level gives a GP slot, searches in the decided modes
    /// (narrowed by `modes` when given). One call for the operator's screen.
    func submit(_ p: ParamReader) throws(RPCError) -> JSONValue {
        let at = try instant(p)
        let requestID = try p.identifier("request")
        let operatorID = try p.identifier("operator")
        let t = try RegulationDesk.readTriage(p, at: at, author: operatorID, rules: rules)
        let (location, point) = try readPatient(p)
        let wanted = try readModes(p)
        let treating = try p.optionalRPPS("treatingGP")
        let limit = try readLimit(p)
        try p.finish()
        let ruled = rules.decide(t.input)
        var decision = rules.decide(t.input, override: t.override)
        if let wanted, decision.mayReceiveSlot {
            let narrowed = decision.modes.intersection(wanted)
            decision.modes = narrowed
        }
        let request = CareRequest(id: requestID, receivedAt: at, location: location, ageBand: t.input.ageBand, urgency: ruled.level,
                                  wantedModes: ruled.modes.isEmpty ? [.office] : ruled.modes, treatingGP: treating)
        let knownFlags = RegulationDesk.knownFlags(rules)
        let stored = try storeCall {
            try store.submitRequest(request, reasonCode: t.input.reason, flags: t.input.flags, knownFlags: knownFlags,
                                    operator: operatorID, at: at)
        }
        if let override = t.override { try recordOverride(requestID: requestID, override: override, at: at) }
        var search: JSONValue = .null
        if decision.mayReceiveSlot, let deadline = decision.deadline {
            if decision.modes.isEmpty {
                search = .members([("slots", .array([])), ("reasons", .array([.string("mode-unavailable")])), ("outsideTarget", .null)])
            } else {
                search = try searchJSON(point: point, at: at, deadline: deadline, modes: decision.modes, treating: treating, limit: limit)
            }
        }
        return .members([("request", .string(requestID)), ("stored", .bool(stored)),
                         ("triage", RegulationDesk.json(decision)), ("search", search)])
    }
}
