import SlotMatchCore
import SlotMatchStore

extension RegulationDesk {
    /// FHIR R4 NamingSystem of the French national health professional id (IdNat_PS); RPPS ids are `8` + RPPS.
    public static let practitionerIdentifierSystem = "urn:oid:1.2.250.1.71.4.2.1"
    /// The SAS aggregator's slot type system for `Slot.meta.security`.
    public static let slotTypeSystem = "https://sas.sante.fr/slot-type"
    /// HL7 v3 ActCode: AMB (ambulatory), HH (home health), VR (virtual) in `Slot.serviceType`.
    public static let actCodeSystem = "http://terminology.hl7.org/CodeSystem/v3-ActCode"

    /// `fhir.searchSlots`: the SAS aggregator's search. In: `start` and `end` (ISO instants), optional
    /// `practitioner` (identifiers `urn:oid:1.2.250.1.71.4.2.1|8<RPPS>`), optional `limit` (default 1000).
    /// Out: a FHIR R4 Bundle of type `searchset` (FHIR R4 §3.1.1.3 Bundle.type) with the free Slots (`search.mode`
    /// match) starting in [start, end), and for each GP its Schedule and PractitionerRole (`search.mode` include),
    /// coded as the import reads them: `meta.security` slot types, `serviceType` v3 ActCode.
    func fhirSearchSlots(_ p: ParamReader) throws(RPCError) -> JSONValue {
        let start = try p.instant("start")
        let end = try p.instant("end")
        guard end > start else { throw p.invalid("end", "end \(end.iso8601) is not after start \(start.iso8601)", remedy: "Give end after start.") }
        guard start.seconds(until: end) <= 31 * 86_400 else {
            throw p.invalid("end", "the window is longer than 31 days", remedy: "Search at most 31 days at a time.")
        }
        var wanted: Set<RPPS>?
        if let list = try p.optionalArray("practitioner", of: "a practitioner identifier (urn:oid:1.2.250.1.71.4.2.1|8<RPPS>)", RegulationDesk.rpps(identifier:)) {
            wanted = Set(list)
        }
        let limit = Int(try p.optionalInt("limit", in: 1...10_000) ?? 1000)
        try p.finish()
        let (free, roster) = try storeCall { (try store.freeSlots(from: start, to: end), try store.practitioners()) }
        let byRPPS = Dictionary(roster.map { ($0.rpps, $0) }, uniquingKeysWith: { a, _ in a })
        var entries: [JSONValue] = []
        var included: [RPPS] = []
        var seen: Set<RPPS> = []
        var total = 0
        for slot in free {
            if let wanted, !wanted.contains(slot.practitioner) { continue }
            guard byRPPS[slot.practitioner] != nil else { continue }
            total += 1
            guard total <= limit else { continue }
            if seen.insert(slot.practitioner).inserted { included.append(slot.practitioner) }
            entries.append(RegulationDesk.fhirEntry(RegulationDesk.fhirSlot(slot), type: "Slot", mode: "match"))
        }
        for rpps in included {
            guard let gp = byRPPS[rpps] else { continue }
            entries.append(RegulationDesk.fhirEntry(RegulationDesk.fhirSchedule(gp), type: "Schedule", mode: "include"))
            entries.append(RegulationDesk.fhirEntry(RegulationDesk.fhirRole(gp), type: "PractitionerRole", mode: "include"))
        }
        return .members([("resourceType", .string("Bundle")), ("type", .string("searchset")), ("total", .int(total)),
                         ("entry", .array(entries))])
    }

    /// `urn:oid:1.2.250.1.71.4.2.1|8<RPPS>` (FHIR token search syntax system|value) → RPPS.
    static func rpps(identifier: String) -> RPPS? {
        let prefix = practitionerIdentifierSystem + "|8"
        guard identifier.hasPrefix(prefix) else { return nil }
        return try? RPPS(String(identifier.dropFirst(prefix.count)))
    }

    static func fhirEntry(_ resource: JSONValue, type: String, mode: String) -> JSONValue {
        guard case .object(let o) = resource, case .string(let id)? = o["id"] else { return resource }
        return .members([("fullUrl", .string("\(type)/\(id)")), ("resource", resource), ("search", .members([("mode", .string(mode))]))])
    }

    static func fhirSlot(_ s: Slot) -> JSONValue {
        let security: [JSONValue] = s.visibility.codeList.map { .members([("system", .string(slotTypeSystem)), ("code", .string($0))]) }
        return .members([
            ("resourceType", .string("Slot")), ("id", .string("slot-\(s.id)")),
            ("meta", .members([("security", .array(security))])),
            ("serviceType", .array([.members([("coding", .array([.members([("system", .string(actCodeSystem)), ("code", .string(s.mode.rawValue))])]))])])),
            ("schedule", .members([("reference", .string("Schedule/sched-\(s.practitioner.digits)"))])),
            ("status", .string("free")), ("start", .string(s.start.iso8601)), ("end", .string(s.end.iso8601)),
        ])
    }

    static func fhirIdentifier(_ rpps: RPPS) -> JSONValue {
        .members([("system", .string(practitionerIdentifierSystem)), ("value", .string("8" + rpps.digits))])
    }

    static func fhirSchedule(_ gp: Practitioner) -> JSONValue {
        .members([
            ("resourceType", .string("Schedule")), ("id", .string("sched-\(gp.rpps.digits)")), ("active", .bool(true)),
            ("actor", .array([.members([("reference", .string("PractitionerRole/role-\(gp.rpps.digits)"))])])),
        ])
    }

    static func fhirRole(_ gp: Practitioner) -> JSONValue {
        .members([
            ("resourceType", .string("PractitionerRole")), ("id", .string("role-\(gp.rpps.digits)")), ("active", .bool(true)),
            ("practitioner", .members([("identifier", fhirIdentifier(gp.rpps)), ("display", .string(gp.displayName))])),
        ])
    }
}
