import CSQLite
import SlotMatchCore

/// Care requests: stored pseudonymously (codes only), read back, and re-graded by a regulating doctor.
extension Store {
    /// Stores a care request with its triage codes, audited as `request.submit` (actor `operatorID`).
    ///
    /// The id must be a short token (`[A-Za-z0-9._:-]{1,64}`, not a phone-like run of digits), the reason a code
    /// (`fever_adult`), and every flag a code of `knownFlags` (the rule book's vocabulary): anything else is an
    /// `InputError` and nothing is written. Submitting the same request again is a no-op answering `false`;
    /// the same id with other contents is refused (`not-allowed`).
    @discardableResult
    public func submitRequest(_ request: CareRequest, reasonCode: String, flags: Set<String> = [], knownFlags: Set<String> = [],
                              operator operatorID: String, at now: Instant) throws -> Bool {
        try write { db in
            try db.submitRequest(request, reasonCode: reasonCode, flags: flags, knownFlags: knownFlags, operator: operatorID, at: now)
        }
    }

    /// The request with this id, or nil.
    public func request(id: String) throws -> StoredRequest? {
        try read { db in try db.storedRequest(id: id) }
    }

    /// Requests received in [from, to), optionally only those with `status`, by reception time then id.
    public func requests(from: Instant, to: Instant, status: RequestStatus? = nil) throws -> [StoredRequest] {
        try read { db in
            var sql = Database.requestSelect + " WHERE received_utc >= ? AND received_utc < ?"
            var arguments: [DatabaseValue] = [.integer(from.secondsSinceEpoch), .integer(to.secondsSinceEpoch)]
            if let status { sql += " AND status = ?"; arguments.append(.text(status.rawValue)) }
            return try db.fetchAll(sql + " ORDER BY received_utc, id", arguments) { s throws(DatabaseError) in try Database.storedRequest(s) }
        }
    }

    /// A regulating doctor sets the request's urgency from `from` to `to` (the level the rules gave, or the last
    /// override): stored on the request and audited as `triage.override` in the same transaction. `from` must be
    /// the stored level, so two doctors changing the same request at once cannot silently overwrite each other.
    public func recordTriageOverride(requestID: String, operator operatorID: String, from: UrgencyLevel, to: UrgencyLevel,
                                     at now: Instant) throws {
        try write { db in try db.recordTriageOverride(requestID: requestID, operator: operatorID, from: from, to: to, at: now) }
    }
}

extension Database {
    static let requestSelect = """
        SELECT id, received_utc, commune_insee, lat, lon, age_band, urgency, modes, treating_rpps, reason_code, flags, status,
               urgency_overridden_by
        FROM requests
        """

    /// The request with this id, read in the current transaction.
    public func storedRequest(id: String) throws(DatabaseError) -> StoredRequest? {
        try fetchOne(Database.requestSelect + " WHERE id = ?", [.text(id)]) { s throws(DatabaseError) in try Database.storedRequest(s) }
    }

    static func storedRequest(_ s: Statement) throws(DatabaseError) -> StoredRequest {
        let location: PatientLocation
        if let commune = s.optionalString(2) {
            location = .commune(insee: commune)
        } else if let lat = s.optionalDouble(3), let lon = s.optionalDouble(4) {
            location = .point(GeoPoint(latitude: lat, longitude: lon))
        } else {
            throw Database.corrupt("requests.commune_insee", "")
        }
        var ageBand: AgeBand?
        if let code = s.optionalString(5) {
            guard let band = AgeBand(code: code) else { throw Database.corrupt("requests.age_band", code) }
            ageBand = band
        }
        guard let urgency = UrgencyLevel(rawValue: s.string(6)) else { throw Database.corrupt("requests.urgency", s.string(6)) }
        guard let modes = ModeList.decode(s.string(7)) else { throw Database.corrupt("requests.modes", s.string(7)) }
        var treating: RPPS?
        if let digits = s.optionalString(8) {
            do { treating = try RPPS(digits) } catch { throw Database.corrupt("requests.treating_rpps", digits) }
        }
        guard let status = RequestStatus(rawValue: s.string(11)) else { throw Database.corrupt("requests.status", s.string(11)) }
        let flags = (s.optionalString(10) ?? "").split(separator: ",").map(String.init)
        let request = CareRequest(id: s.string(0), receivedAt: Instant(secondsSinceEpoch: s.int64(1)), location: location,
                                  ageBand: ageBand, urgency: urgency, wantedModes: modes, treatingGP: treating)
        return StoredRequest(request: request, reasonCode: s.optionalString(9) ?? "", flags: flags, status: status,
                             urgencyOverriddenBy: s.optionalString(12))
    }

    /// Checks a request's fields; every problem is an `InputError` naming the field.
    static func validate(_ request: CareRequest, reasonCode: String, flags: Set<String>, knownFlags: Set<String>) throws(InputError) {
        try TokenSyntax.requireRequestID(request.id, jsonPath: "$.id")
        guard TokenSyntax.isCode(reasonCode) else {
            throw InputError(SourcePlace(jsonPath: "$.reason"), "the reason \"\(String(reasonCode.prefix(80)))\" is not a reason code",
                             remedy: "Give a reason code of the triage rules (lowercase, such as fever_adult), never a description of the patient.")
        }
        for flag in flags.sorted() where !TokenSyntax.isCode(flag) || !knownFlags.contains(flag) {
            throw InputError(SourcePlace(jsonPath: "$.flags"), "the flag \"\(String(flag.prefix(80)))\" is not a known flag code",
                             remedy: "Use one of the flag codes of the triage rules: " + knownFlags.sorted().joined(separator: ", ") + ".")
        }
        switch request.location {
        case .commune(let insee):
            // INSEE commune codes: 5 characters, digits (2A/2B for Corsica).
            let ok = insee.utf8.count == 5 && insee.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "A") || $0 == UInt8(ascii: "B") }
            guard ok else {
                throw InputError(SourcePlace(jsonPath: "$.commune"), "the commune code \"\(String(insee.prefix(80)))\" is not an INSEE code",
                                 remedy: "Give the commune's 5-character INSEE code (78517 for Rambouillet), not its postcode or name.")
            }
        case .point(let p):
            guard p.latitude.isFinite, p.longitude.isFinite, abs(p.latitude) <= 90, abs(p.longitude) <= 180 else {
                throw InputError(SourcePlace(jsonPath: "$.location"), "the coordinates \(p.latitude), \(p.longitude) are not a place on Earth",
                                 remedy: "Give latitude between -90 and 90 and longitude between -180 and 180, in decimal degrees.")
            }
        }
    }

    /// `Store.submitRequest` inside the current write transaction.
    @discardableResult
    public func submitRequest(_ request: CareRequest, reasonCode: String, flags: Set<String>, knownFlags: Set<String>,
                              operator operatorID: String, at now: Instant) throws -> Bool {
        try requireWriteTransaction()
        try TokenSyntax.requireOperatorID(operatorID)
        try Database.validate(request, reasonCode: reasonCode, flags: flags, knownFlags: knownFlags)
        let sortedFlags = flags.sorted()
        if let existing = try storedRequest(id: request.id) {
            if existing.request == request && existing.reasonCode == reasonCode && existing.flags == sortedFlags { return false }
            throw BookingError.notAllowed(reason: "request id \(request.id) is already used by another request",
                                          remedy: "Give each call its own pseudonymous id.")
        }
        var commune: String?, lat: Double?, lon: Double?
        switch request.location {
        case .commune(let insee): commune = insee
        case .point(let p): lat = p.latitude; lon = p.longitude
        }
        try execute("""
            INSERT INTO requests (id, received_utc, commune_insee, lat, lon, age_band, urgency, modes, treating_rpps, reason_code, flags, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')
            """, [.text(request.id), .integer(request.receivedAt.secondsSinceEpoch), .text(commune), .real(lat), .real(lon),
                  .text(request.ageBand?.rawValue), .text(request.urgency.rawValue), .text(ModeList.encode(request.wantedModes)),
                  .text(request.treatingGP?.digits), .text(reasonCode), .text(sortedFlags.isEmpty ? nil : sortedFlags.joined(separator: ","))])
        var details = AuditDetails()
        details.add("request", request.id)
        details.add("received", request.receivedAt.iso8601)
        details.add("urgency", request.urgency.rawValue)
        details.add("reason", reasonCode)
        details.add("flags", sortedFlags.joined(separator: ","))
        details.add("at", now.iso8601)
        try appendAudit(actor: operatorID, action: "request.submit", subject: "request:" + request.id, details: details.json, at: now)
        try bumpChangeSequence()
        return true
    }

    /// `Store.recordTriageOverride` inside the current write transaction.
    public func recordTriageOverride(requestID: String, operator operatorID: String, from: UrgencyLevel, to: UrgencyLevel,
                                     at now: Instant) throws {
        try requireWriteTransaction()
        try TokenSyntax.requireOperatorID(operatorID)
        guard let stored = try storedRequest(id: requestID) else { throw BookingError.notFound(kind: "request", id: requestID) }
        guard stored.request.urgency == from else {
            throw BookingError.notAllowed(reason: "request \(requestID) is now at level \(stored.request.urgency.rawValue), not \(from.rawValue)",
                                          remedy: "Reload the request and decide again from its current level.")
        }
        try execute("UPDATE requests SET urgency = ?, urgency_overridden_by = ? WHERE id = ?",
                    [.text(to.rawValue), .text(operatorID), .text(requestID)])
        var details = AuditDetails()
        details.add("request", requestID)
        details.add("from", from.rawValue)
        details.add("to", to.rawValue)
        details.add("at", now.iso8601)
        try appendAudit(actor: operatorID, action: "triage.override", subject: "request:" + requestID, details: details.json, at: now)
        try bumpChangeSequence()
    }

    /// Booking operations on `Database` compose inside a caller's `write`; called alone they would commit nothing.
    func requireWriteTransaction() throws(DatabaseError) {
        guard isInTransaction else {
            throw DatabaseError(resultCode: SQLITE_MISUSE,
                                message: "booking operations on Database must run inside write { … }; use the Store methods otherwise")
        }
    }
}
