import SlotMatchCore

/// Reads FHIR R4 Bundles (`searchset`, `collection`, `transaction`; JSON or XML) of Slot, Schedule,
/// Practitioner, PractitionerRole and Location resources, the shape the SAS aggregator exchanges, into
/// `PublishedAvailability` values. Other resource types are ignored.
///
/// SAS conventions read here (documented in docs/formats.md):
/// - `Slot.meta.security` codes `PUBLIC` / `PRO` / `SNP` / `CPTS` → visibility; none of them → `SNP`
///   (a slot sent to the regulation line without a tag is for the regulation line);
/// - `Slot.serviceType` coding `AMB` / `HH` / `VR` (v3 ActCode) → mode, default `AMB`;
/// - `Slot.appointmentType` (`ROUTINE`, `WALKIN`) kept in `FHIRSlotRecord`;
/// - the practitioner is `Slot.schedule` → `Schedule.actor` → Practitioner (or PractitionerRole →
///   Practitioner), identified by `identifier` with system `urn:oid:1.2.250.1.71.4.2.1` and value `8`
///   followed by the 11-digit RPPS (the national IdNat_PS);
/// - status `free` → a `.slot` occurrence; `busy`, `busy-unavailable`, `busy-tentative` → `.busy`;
///   `entered-in-error` ignored; `Schedule.planningHorizon` → `declaredRange`.
public enum FHIRBundleReader {
    /// The OID of the national health-professional identifier (IdNat_PS); for RPPS holders `8` + RPPS.
    public static let practitionerIdentifierSystem = "urn:oid:1.2.250.1.71.4.2.1"

    static let readableBundleTypes: Set<String> = ["searchset", "collection", "transaction"]

    /// One availability per practitioner the bundle names (sorted by RPPS); a bundle naming exactly one
    /// practitioner gives one availability holding every slot; a bundle naming none gives one availability
    /// without a practitioner. `zone` reads date-only `planningHorizon` bounds (FHIR `dateTime` dates).
    public static func read(bytes: [UInt8], file: String, format: FHIRFormat? = nil, zone: ZoneRules = .utc,
                            limits: XMLReadLimits = XMLReadLimits()) throws(InputError) -> [PublishedAvailability] {
        let bundle = try Parsed(bytes: bytes, file: file, format: format, zone: zone, limits: limits)
        return try bundle.availabilities()
    }

    /// Every Slot of the bundle (`entered-in-error` left out) with its SAS details, in bundle order.
    public static func readSlots(bytes: [UInt8], file: String, format: FHIRFormat? = nil,
                                 limits: XMLReadLimits = XMLReadLimits()) throws(InputError) -> [FHIRSlotRecord] {
        try Parsed(bytes: bytes, file: file, format: format, zone: .utc, limits: limits).slots
    }

    /// A bundle read and resolved: its slots, its schedules and the practitioners it names.
    private struct Parsed {
        struct Schedule {
            var practitioner: RPPS?
            var horizon: (start: Instant?, end: Instant?)
        }

        var slots: [FHIRSlotRecord] = []
        var schedules: [Schedule] = []
        /// RPPS numbers of every Practitioner resource in the bundle.
        var practitionersInBundle: Set<RPPS> = []

        init(bytes: [UInt8], file: String, format: FHIRFormat?, zone: ZoneRules, limits: XMLReadLimits) throws(InputError) {
            guard bytes.count <= limits.maxBytes else {
                throw InputError(SourcePlace(file: file), "the file is \(bytes.count) bytes, over the \(limits.maxBytes)-byte limit",
                                 remedy: "Publish a shorter range, or raise the limit with --max-file-size if the file is genuine.")
            }
            guard let format = format ?? FHIRFormat.detect(bytes) else {
                throw InputError(SourcePlace(file: file, line: 1), "the file is neither FHIR JSON nor FHIR XML",
                                 remedy: "Export the slots as a FHIR R4 Bundle in JSON (starting with {) or XML (starting with <).")
            }
            let tree = format == .json ? try FHIRNode.json(bytes, file: file) : try FHIRNode.xml(bytes, file: file, limits: limits)
            let root = FHIRCursor(node: tree, path: "$", file: file)
            guard tree.fields != nil else {
                throw root.error("the file holds no FHIR resource", remedy: "A FHIR bundle is an object with \"resourceType\": \"Bundle\".")
            }
            let type = try root.string("resourceType")
            guard type == "Bundle" else {
                throw root.error("the file holds a FHIR \(type ?? "object without resourceType"), not a Bundle",
                                 remedy: "Export the slots as a FHIR R4 Bundle (searchset, collection or transaction).")
            }
            let bundleType = try root.required("type", "the Bundle")
            guard readableBundleTypes.contains(try bundleType.string()) else {
                throw bundleType.error("the Bundle is of type \(try bundleType.string()), which SlotMatch does not read",
                                       remedy: "Send a searchset, collection or transaction Bundle of Slot and Schedule resources.")
            }
            let index = try FHIRBundleIndex(entries: root.list("entry"))
            try resolve(index, zone: zone)
        }

        private mutating func resolve(_ index: FHIRBundleIndex, zone: ZoneRules) throws(InputError) {
            var rppsOf: [Int: RPPS] = [:]
            for (i, r) in index.resources.enumerated() where r.type == "Practitioner" {
                if let rpps = try FHIRBundleReader.rpps(of: r.cursor) { rppsOf[i] = rpps; practitionersInBundle.insert(rpps) }
            }
            var scheduleOf: [Int: Int] = [:]
            for (i, r) in index.resources.enumerated() where r.type == "Schedule" {
                scheduleOf[i] = schedules.count
                schedules.append(try schedule(r.cursor, at: i, index, rppsOf: rppsOf, zone: zone))
            }
            for (i, r) in index.resources.enumerated() where r.type == "Slot" {
                let slot = r.cursor
                let status = try slot.required("status", "the Slot")
                let statusCode = try status.string()
                switch statusCode {
                case "entered-in-error": continue  // FHIR R4 Slot.status: published by mistake
                case "free", "busy", "busy-unavailable", "busy-tentative": break
                default:
                    throw status.error("the Slot status \"\(statusCode)\" is not a FHIR R4 slot status",
                                       remedy: "Use free, busy, busy-unavailable, busy-tentative or entered-in-error.")
                }
                let start = try slot.required("start", "the Slot").instant()
                let endCursor = try slot.required("end", "the Slot")
                let end = try endCursor.instant()
                guard start < end else {
                    throw endCursor.error("the Slot ends (\(end)) before it starts (\(start))", remedy: "Correct the Slot's start or end.")
                }
                let scheduleReference = try slot.required("schedule", "the Slot")
                let reference = try scheduleReference.string("reference")
                guard let reference, let target = index.resolve(reference, from: i) else {
                    throw scheduleReference.error("the Slot's schedule \(reference ?? "(no reference)") is not in the bundle",
                                                  remedy: "Include the Schedule resource in the bundle (for a search: _include=Slot:schedule).")
                }
                guard let schedule = scheduleOf[target] else {
                    throw scheduleReference.error("the Slot's schedule \(reference) is a \(index.resources[target].type), not a Schedule",
                                                  remedy: "Point Slot.schedule at the Schedule the slot belongs to.")
                }
                let id = r.id ?? r.fullUrl ?? "Slot#\(i)"
                slots.append(FHIRSlotRecord(id: id, status: statusCode, start: start, end: end,
                                            mode: try FHIRBundleReader.mode(of: slot), visibility: try FHIRBundleReader.visibility(of: slot),
                                            appointmentType: try FHIRBundleReader.codes(in: slot.optional("appointmentType")).first,
                                            practitioner: schedules[schedule].practitioner, place: slot.place))
            }
        }

        /// A Schedule's practitioner (through its actors) and planning horizon.
        private func schedule(_ cursor: FHIRCursor, at i: Int, _ index: FHIRBundleIndex, rppsOf: [Int: RPPS],
                              zone: ZoneRules) throws(InputError) -> Schedule {
            var found: [RPPS] = []
            for actor in try cursor.list("actor") {
                if let rpps = try practitioner(actor, from: i, index, rppsOf: rppsOf), !found.contains(rpps) { found.append(rpps) }
            }
            guard found.count <= 1 else {
                throw cursor.error("the Schedule names two practitioners (\(found[0]) and \(found[1]))",
                                   remedy: "Publish one Schedule per practitioner, each with that practitioner's slots.")
            }
            var horizon: (start: Instant?, end: Instant?) = (nil, nil)
            if let period = try cursor.optional("planningHorizon") {
                horizon.start = try period.optional("start")?.dateTimeBound(isEnd: false, zone: zone)
                horizon.end = try period.optional("end")?.dateTimeBound(isEnd: true, zone: zone)
                if let s = horizon.start, let e = horizon.end, e <= s {
                    throw period.error("the planning horizon ends before it starts", remedy: "Correct planningHorizon.start or planningHorizon.end.")
                }
            }
            return Schedule(practitioner: found.first, horizon: horizon)
        }

        /// The RPPS a Schedule.actor (or PractitionerRole.practitioner) reference leads to, if any.
        private func practitioner(_ reference: FHIRCursor, from: Int, _ index: FHIRBundleIndex, rppsOf: [Int: RPPS],
                                  depth: Int = 0) throws(InputError) -> RPPS? {
            guard let text = try reference.string("reference") else {
                // A logical reference: Reference.identifier with the IdNat_PS system.
                guard let identifier = try reference.optional("identifier") else { return nil }
                return try FHIRBundleReader.rpps(fromIdentifier: identifier)
            }
            guard let target = index.resolve(text, from: from) else {
                let type = try reference.string("type") ?? text.split(separator: "/").dropLast().last.map(String.init)
                if type == "Practitioner" || type == "PractitionerRole" || text.hasPrefix("#") {
                    throw reference.error("the reference \(text) points to nothing in the bundle",
                                          remedy: "Include the \(type ?? "referenced") resource in the bundle (for a search: _include=Schedule:actor).")
                }
                return nil  // a Location or HealthcareService outside the bundle says nothing about who consults
            }
            let resource = index.resources[target]
            switch resource.type {
            case "Practitioner":
                guard let rpps = rppsOf[target] else {
                    throw resource.cursor.error("the Practitioner has no RPPS identifier",
                                                remedy: "Give it an identifier with system \(FHIRBundleReader.practitionerIdentifierSystem) and value 8 followed by the 11-digit RPPS.")
                }
                return rpps
            case "PractitionerRole" where depth == 0:
                guard let next = try resource.cursor.optional("practitioner") else { return nil }
                return try practitioner(next, from: target, index, rppsOf: rppsOf, depth: 1)
            default:
                return nil
            }
        }

        func availabilities() throws(InputError) -> [PublishedAvailability] {
            var named = practitionersInBundle
            for s in schedules { if let p = s.practitioner { named.insert(p) } }
            func declaredRange(_ members: [Schedule]) -> (start: Instant, end: Instant)? {
                guard !members.isEmpty else { return nil }
                var start: Instant?, end: Instant?
                for s in members {
                    guard let ss = s.horizon.start, let se = s.horizon.end else { return nil }
                    start = min(start ?? ss, ss); end = max(end ?? se, se)
                }
                guard let start, let end else { return nil }
                return (start, end)
            }
            func occurrences(_ chosen: [Int], practitioner: RPPS?) -> [PublishedOccurrence] {
                chosen.map { i in
                    let s = slots[i]
                    return PublishedOccurrence(kind: s.isFree ? .slot : .busy, component: "Slot", uid: s.id, start: s.start, end: s.end,
                                               mode: s.mode, visibility: s.visibility, practitioner: practitioner, place: s.place)
                }.sorted { ($0.start, $0.end, $0.uid) < ($1.start, $1.end, $1.uid) }
            }
            if named.count <= 1 {
                let only = named.first
                return [PublishedAvailability(practitioner: only, declaredRange: declaredRange(schedules),
                                              occurrences: occurrences(Array(slots.indices), practitioner: only))]
            }
            if let orphan = slots.first(where: { $0.practitioner == nil }) {
                throw InputError(orphan.place, "the bundle names several practitioners and this Slot's Schedule names none",
                                 remedy: "Set Schedule.actor to the PractitionerRole or Practitioner whose slot it is.")
            }
            var result: [PublishedAvailability] = []
            let withSchedules = Set(schedules.compactMap(\.practitioner))
            for rpps in withSchedules.sorted() {
                let members = schedules.filter { $0.practitioner == rpps }
                let chosen = slots.indices.filter { slots[$0].practitioner == rpps }
                result.append(PublishedAvailability(practitioner: rpps, declaredRange: declaredRange(members),
                                                    occurrences: occurrences(chosen, practitioner: rpps)))
            }
            return result
        }
    }

    /// The RPPS of a Practitioner, from its first identifier with the IdNat_PS system; nil when it has none.
    static func rpps(of practitioner: FHIRCursor) throws(InputError) -> RPPS? {
        for identifier in try practitioner.list("identifier") where try identifier.string("system") == practitionerIdentifierSystem {
            return try rpps(fromIdentifier: identifier)
        }
        return nil
    }

    /// `8` + 11-digit RPPS (IdNat_PS); a bare 11-digit RPPS is accepted too. The Luhn check applies.
    /// Other IdNat_PS kinds (ADELI `0…`, FINESS-based `3…`) are not RPPS numbers: nil.
    static func rpps(fromIdentifier identifier: FHIRCursor) throws(InputError) -> RPPS? {
        guard try identifier.string("system") == practitionerIdentifierSystem else { return nil }
        let valueCursor = try identifier.required("value", "the identifier")
        let value = try valueCursor.string().trimmingSpaces
        let digits: String
        if value.utf8.count == 12, value.hasPrefix("8") { digits = String(value.dropFirst()) }
        else if value.utf8.count == 11 { digits = value }
        else if !value.hasPrefix("8") { return nil }  // another IdNat_PS kind (0 = ADELI, 3 = FINESS-based): not an RPPS
        else {
            throw valueCursor.error("the practitioner identifier \"\(value)\" is not 8 followed by an 11-digit RPPS number",
                                    remedy: "Write the national identifier: the digit 8 then the RPPS number, 12 digits in all (for example 810003456786).")
        }
        do { return try RPPS(digits) } catch {
            throw InputError(valueCursor.place, error.problem, remedy: error.remedy)
        }
    }

    /// The codes of a CodeableConcept's codings.
    static func codes(in concept: FHIRCursor?) throws(InputError) -> [String] {
        guard let concept else { return [] }
        var result: [String] = []
        for coding in try concept.list("coding") { if let code = try coding.string("code") { result.append(code) } }
        return result
    }

    /// SAS: `Slot.serviceType` coding `AMB` / `HH` / `VR`; absent → office (AMB).
    static func mode(of slot: FHIRCursor) throws(InputError) -> ConsultationMode {
        for concept in try slot.list("serviceType") {
            for code in try codes(in: concept) { if let mode = ConsultationMode(code: code) { return mode } }
        }
        return .office
    }

    /// SAS: `Slot.meta.security` codes `PUBLIC` / `PRO` / `SNP` / `CPTS`; none of them → SNP.
    static func visibility(of slot: FHIRCursor) throws(InputError) -> SlotVisibility {
        guard let meta = try slot.optional("meta") else { return .snp }
        var result: SlotVisibility = []
        for coding in try meta.list("security") {
            if let code = try coding.string("code"), let v = SlotVisibility(code: code) { result.insert(v) }
        }
        return result.isEmpty ? .snp : result
    }
}
