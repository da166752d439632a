import CSQLite
import SlotMatchCore

/// The roster: practitioners keyed by RPPS number.
extension Store {
    /// Inserts new practitioners and updates known ones, all in one transaction (re-importing a roster
    /// updates, never duplicates). `updated` counts known practitioners whose stored values changed; one
    /// identical to what is stored is left as is (neither inserted nor updated). If the same RPPS appears
    /// twice, the later entry wins. The change sequence is bumped when anything changed.
    public func upsertPractitioners(_ practitioners: [Practitioner], at now: Instant) throws -> (inserted: Int, updated: Int) {
        try write { db in try db.upsertPractitioners(practitioners, at: now) }
    }

    /// Every practitioner, sorted by RPPS number.
    public func practitioners() throws -> [Practitioner] {
        try read { db in try db.fetchAll(Database.practitionerSelect + " ORDER BY rpps") { s throws(DatabaseError) in try Database.practitioner(s) } }
    }

    /// The practitioner with this RPPS number, or nil when the roster does not have it.
    public func practitioner(_ rpps: RPPS) throws -> Practitioner? {
        try read { db in try db.practitioner(rpps) }
    }
}

extension Database {
    static let practitionerSelect =
        "SELECT rpps, display_name, commune_insee, address, lat, lon, modes, snp, weekly_cap, home_radius_km FROM practitioners"

    /// The practitioner with this RPPS number, read in the current transaction.
    public func practitioner(_ rpps: RPPS) throws(DatabaseError) -> Practitioner? {
        try fetchOne(Database.practitionerSelect + " WHERE rpps = ?", [.text(rpps.digits)]) { s throws(DatabaseError) in
            try Database.practitioner(s)
        }
    }

    /// Upserts inside the current transaction (see `Store.upsertPractitioners`).
    public func upsertPractitioners(_ practitioners: [Practitioner], at now: Instant) throws(DatabaseError) -> (inserted: Int, updated: Int) {
        var inserted = 0, updated = 0
        for practitioner in practitioners {
            if let existing = try self.practitioner(practitioner.rpps) {
                if existing == practitioner { continue }
                updated += 1
            } else {
                inserted += 1
            }
            let site = practitioner.site
            try execute("""
                INSERT INTO practitioners (rpps, display_name, commune_insee, address, lat, lon, modes, snp, weekly_cap,
                                           home_radius_km, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (rpps) DO UPDATE SET
                    display_name = excluded.display_name, commune_insee = excluded.commune_insee, address = excluded.address,
                    lat = excluded.lat, lon = excluded.lon, modes = excluded.modes, snp = excluded.snp,
                    weekly_cap = excluded.weekly_cap, home_radius_km = excluded.home_radius_km, updated_at = excluded.updated_at
                """, [
                    .text(practitioner.rpps.digits), .text(practitioner.displayName), .text(site.communeInsee), .text(site.address),
                    .real(site.location?.latitude), .real(site.location?.longitude), .text(ModeList.encode(practitioner.modes)),
                    .bool(practitioner.participatesInSNP), .int(practitioner.weeklySNPCap), .real(practitioner.homeVisitRadiusKm),
                    .integer(now.secondsSinceEpoch),
                ])
        }
        if inserted + updated > 0 { try bumpChangeSequence() }
        return (inserted, updated)
    }

    /// Reads a row of `practitionerSelect`.
    static func practitioner(_ s: Statement) throws(DatabaseError) -> Practitioner {
        let digits = s.string(0)
        let rpps: RPPS
        do { rpps = try RPPS(digits) } catch { throw Database.corrupt("practitioners.rpps", digits) }
        guard let modes = ModeList.decode(s.string(6)) else { throw Database.corrupt("practitioners.modes", s.string(6)) }
        var location: GeoPoint?
        if let lat = s.optionalDouble(4), let lon = s.optionalDouble(5) { location = GeoPoint(latitude: lat, longitude: lon) }
        return Practitioner(rpps: rpps, displayName: s.string(1),
                            site: PracticeSite(communeInsee: s.string(2), address: s.optionalString(3), location: location),
                            modes: modes, participatesInSNP: s.bool(7), weeklySNPCap: s.int(8), homeVisitRadiusKm: s.double(9))
    }

    /// A stored value this code cannot read back (written by hand or by another program).
    static func corrupt(_ column: String, _ value: String) -> DatabaseError {
        DatabaseError(resultCode: SQLITE_MISMATCH, message: "\(column) holds \"\(value)\", which SlotMatch cannot read")
    }
}
