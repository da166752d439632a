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
        try findAnswer(p).json(practitioners: slots.practitionerJSON)
    }

    /// `slots.find`'s result as the compact bytes `JSONWriter` writes for `find`'s tree (the serve loop's way).
    func findText(_ p: ParamReader) throws(RPCError) -> [UInt8] {
        let answer = try findAnswer(p)
        var out: [UInt8] = []
        answer.write(into: &out, practitioners: slots.practitionerText)
        return out
    }

    /// Reads `slots.find`'s params and searches.
    func findAnswer(_ p: ParamReader) throws(RPCError) -> SearchAnswer {
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
        return try searchAnswer(point: point, at: at, deadline: deadline, modes: modes, treating: treating, limit: limit)
    }

    /// The search's answer as a tree (`requests.submit`'s `search` member).
    func searchJSON(point: GeoPoint, at: Instant, deadline: Instant, modes: Set<ConsultationMode>, treating: RPPS?,
                    limit: Int) throws(RPCError) -> JSONValue {
        try searchAnswer(point: point, at: at, deadline: deadline, modes: modes, treating: treating, limit: limit)
            .json(practitioners: slots.practitionerJSON)
    }

    /// Brings the index up to date and searches it.
    func searchAnswer(point: GeoPoint, at: Instant, deadline: Instant, modes: Set<ConsultationMode>, treating: RPPS?,
                      limit: Int) throws(RPCError) -> SearchAnswer {
        try refreshIndex(now: at)
        let treatingNumber = treating.flatMap { slots.numberOfPractitioner[$0] }
        let query = SlotQuery(patient: point, now: at.secondsSinceEpoch, deadline: deadline.secondsSinceEpoch, modes: ModeSet(modes),
                              treatingPractitioner: treatingNumber, limit: limit)
        return SearchAnswer(at: at, deadline: deadline, modes: modes.sorted(), treatingGPKnown: treating.map { _ in treatingNumber != nil },
                            result: search.find(query, in: slots.index))
    }
}
