import SlotMatchCore
import SlotMatchStore

extension RegulationDesk {
    /// What `triage` and `requests.submit` read: the call's codes, the time, an optional override.
    struct TriageParams {
        var input: TriageInput
        var override: TriageOverride?
    }

    /// The flag codes a rule book knows: its red flags and the flags its rules require.
    public static func knownFlags(_ rules: TriageRuleBook) -> Set<String> {
        rules.redFlags.union(rules.rules.reduce(into: Set<String>()) { $0.formUnion($1.requiredFlags) })
    }

    static func readTriage(_ p: ParamReader, at: Instant, author: String?, rules: TriageRuleBook) throws(RPCError) -> TriageParams {
        let reason = try p.string("reason", what: "the reason code of the call (fever_adult, …)")
        var flags: Set<String> = []
        let known = knownFlags(rules)
        let flagWords = "a flag code of the triage rules (" + known.sorted().joined(separator: ", ") + ")"
        for flag in try p.optionalArray("flags", of: flagWords, { known.contains($0) ? $0 : nil }) ?? [] { flags.insert(flag) }
        let band = try p.optionalCode("ageBand", "an age band (" + AgeBand.allCases.map(\.rawValue).joined(separator: ", ") + ")", AgeBand.init(code:))
        let mobility = try p.optionalCode("mobility", "a mobility (" + PatientMobility.allCases.map(\.rawValue).joined(separator: ", ") + ")",
                                          PatientMobility.init(code:)) ?? .ambulant
        var override: TriageOverride?
        if let level = try p.optionalCode("overrideLevel", "an urgency level (" + UrgencyLevel.allCases.map(\.rawValue).joined(separator: ", ") + ")",
                                          UrgencyLevel.init(rawValue:)) {
            guard let author else {
                throw p.invalid("overrideLevel", "an override needs its author", remedy: "Give operator, the regulating doctor's id.")
            }
            override = TriageOverride(level: level, authorID: author)
        }
        return TriageParams(input: TriageInput(reason: reason, flags: flags, ageBand: band, mobility: mobility, receivedAt: at),
                            override: override)
    }

    /// `triage`: the level, deadline, modes and deciding rule for a call. With `overrideLevel`, `operator` and the
    /// `request` of a stored request, the override is stored and audited (`triage.override`).
    func triage(_ p: ParamReader) throws(RPCError) -> JSONValue {
        let (decision, override) = try RegulationDesk.triage(p, rules: rules, now: clock())
        if let override { try recordOverride(requestID: override.request, override: override.override, at: override.at) }
        return RegulationDesk.json(decision)
    }

    /// The pure part of `triage` (no store): reads the params and decides; answers the override to record, if any.
    /// `slotmatch triage` without an override calls only this, so it needs no database.
    public static func triage(_ p: ParamReader, rules: TriageRuleBook, now: Instant) throws(RPCError)
        -> (TriageDecision, (request: String, override: TriageOverride, at: Instant)?) {
        let at = try p.optionalInstant("at") ?? now
        let operatorID = try p.optionalIdentifier("operator")
        let requestID = try p.optionalIdentifier("request")
        let t = try readTriage(p, at: at, author: operatorID, rules: rules)
        try p.finish()
        let decision = rules.decide(t.input, override: t.override)
        guard let override = t.override else { return (decision, nil) }
        guard let requestID else {
            throw p.invalid("request", "an override is recorded against a stored request",
                            remedy: "Give request, the id of a request submitted with requests.submit.")
        }
        return (decision, (requestID, override, at))
    }

    func recordOverride(requestID: String, override: TriageOverride, at: Instant) throws(RPCError) {
        try storeCall {
            guard let stored = try store.request(id: requestID) else { throw BookingError.notFound(kind: "request", id: requestID) }
            if stored.request.urgency != override.level {
                try store.recordTriageOverride(requestID: requestID, operator: override.authorID, from: stored.request.urgency,
                                               to: override.level, at: at)
            }
        }
    }

    public static func json(_ d: TriageDecision) -> JSONValue {
        .members([
            ("level", .string(d.level.rawValue)),
            ("deadline", d.deadline.map { .string($0.iso8601) } ?? .null),
            ("modes", .array(d.modes.sorted().map { .string($0.rawValue) })),
            ("mayReceiveSlot", .bool(d.mayReceiveSlot)),
            ("rule", .string(d.ruleID)),
            ("rationale", .string(d.rationale)),
            ("originalLevel", .string(d.originalLevel.rawValue)),
            ("overriddenBy", d.overrideAuthorID.map { .string($0) } ?? .null),
        ])
    }
}
