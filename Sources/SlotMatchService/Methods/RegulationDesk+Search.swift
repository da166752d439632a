import SlotMatchCore
import SlotMatchMatching
import SlotMatchStore

extension RegulationDesk {
    /// Where the patient is: `commune` (INSEE code of the territory) or `location` {lat, lon}, exactly one.
    func readPatient(_ p: ParamReader) throws(RPCError) -> (PatientLocation, GeoPoint) {
        let commune = try p.optionalString("commune")
        let location = try p.optionalObject("location")
        switch (commune, location) {
        case (let insee?, nil):
            guard let c = territory.commune(insee: insee) else {
                throw p.invalid("commune", "\"\(String(insee.prefix(40)))\" is not a commune of \(territory.name)",
                                remedy: "Give the commune's 5-character INSEE code (see territory.get), or location {lat, lon}.")
            }
            return (.commune(insee: insee), c.location)
        case (nil, let l?):
            let lat = try l.double("lat", in: -90...90)
            let lon = try l.double("lon", in: -180...180)
            try l.finish()
            let point = GeoPoint(latitude: lat, longitude: lon)
            return (.point(point), point)
        case (nil, nil):
            throw p.missing("commune", "commune (INSEE code) or location {lat, lon}")
        default:
            throw p.invalid("location", "both commune and location are given", remedy: "Give only one of commune and location.")
        }
    }

    func readModes(_ p: ParamReader, key: String = "modes") throws(RPCError) -> Set<ConsultationMode>? {
        guard let list = try p.optionalArray(key, of: "a consultation mode (AMB, HH or VR)", { ConsultationMode(rawValue: $0) }) else { return nil }
        guard !list.isEmpty else { throw p.invalid(key, "no mode is given", remedy: "Give at least one of AMB, HH, VR.") }
        return Set(list)
    }

    func readLimit(_ p: ParamReader) throws(RPCError) -> Int {
        Int(try p.optionalInt("limit", in: 1...100) ?? 5)
    }

    /// `slots.find`: the best free slots for a patient now, with their cost components; when none is feasible,
    /// the reasons and the earliest slot beyond the deadline, flagged `outsideTarget`.
    func find(_ p: ParamReader) throws(RPCError) -> JSONValue {
        let at = try instant(p)
        let (_, point) = try readPatient(p)
        let urgency = try p.optionalCode("urgency", "an urgency level (urgent, same-day, within-24h, within-48h)", UrgencyLevel.init(rawValue:))
        let deadlineGiven = try p.optionalInstant("deadline")
        let deadline: Instant
        switch (urgency, deadlineGiven) {
        case (let level?, nil):
            guard let delay = rules.delays.maximumDelaySeconds(for: level) else {
                throw .notAllowed("The level \(level.rawValue) never gets a GP slot (vital: hand to the SAMU-15; advice: no consultation).")
            }
            deadline = at.adding(seconds: delay)
        case (nil, let d?):
            guard d >= at else { throw p.invalid("deadline", "the deadline \(d.iso8601) is before now (\(at.iso8601))", remedy: "Give a deadline after at.") }
            deadline = d
        case (nil, nil):
            throw p.missing("urgency", "urgency (a level name) or deadline (an ISO 8601 instant)")
        default:
            throw p.invalid("deadline", "both urgency and deadline are given", remedy: "Give only one of urgency and deadline.")
        }
        let modes = try readModes(p) ?? [.office]
        let treating = try p.optionalRPPS("treatingGP")
        let limit = try readLimit(p)
        try p.finish()
        return try searchJSON(point: point, at: at, deadline: deadline, modes: modes, treating: treating, limit: limit)
    }

    func searchJSON(point: GeoPoint, at: Instant, deadline: Instant, modes: Set<ConsultationMode>, treating: RPPS?,
                    limit: Int) throws(RPCError) -> JSONValue {
        try refreshIndex(now: at)
        let treatingNumber = treating.flatMap { slots.numberOfPractitioner[$0] }
        let query = SlotQuery(patient: point, now: at.secondsSinceEpoch, deadline: deadline.secondsSinceEpoch, modes: ModeSet(modes),
                              treatingPractitioner: treatingNumber, limit: limit)
        let result = search.find(query, in: slots.index)
        return .members([
            ("at", .string(InstantText.iso8601(at))),
            ("deadline", .string(InstantText.iso8601(deadline))),
            ("modes", .array(modes.sorted().map { .string($0.rawValue) })),
            ("treatingGPKnown", treating == nil ? .null : .bool(treatingNumber != nil)),
            ("slots", .array(result.slots.map(json))),
            ("reasons", .array(result.reasons.map { .string($0.rawValue) })),
            ("outsideTarget", result.outsideTargetOffer.map(json) ?? .null),
        ])
    }

    func json(_ r: RankedSlot) -> JSONValue {
        .members([
            ("slot", .int(r.slotID)),
            ("practitioner", slots.practitionerJSON[Int(r.practitioner)]),
            ("start", .string(InstantText.iso8601(Instant(secondsSinceEpoch: r.start)))),
            ("end", .string(InstantText.iso8601(Instant(secondsSinceEpoch: r.end)))),
            ("mode", .string(r.mode.rawValue)),
            ("cost", .int(r.cost)),
            ("components", .members([
                ("travel", .int(r.breakdown.travel)), ("wait", .int(r.breakdown.wait)), ("treatingGP", .int(r.breakdown.treatingGP)),
                ("practitionerLoad", .int(r.breakdown.practitionerLoad)), ("poleLoad", .int(r.breakdown.poleLoad)),
            ])),
            ("travelMinutes", .int(r.travelMinutes)),
            ("waitMinutes", .int(r.waitMinutes)),
            ("outsideTarget", .bool(r.outsideTarget)),
        ])
    }
}
