/// Row counts per table, read in one snapshot.
extension Store {
    /// Counts per table and slot status, and the change sequence, all from one read transaction.
    public func storeStatistics() throws -> StoreStatistics {
        try read { db in
            func count(_ sql: String) throws(DatabaseError) -> Int { Int(try db.fetchInt64(sql) ?? 0) }
            var stats = StoreStatistics()
            stats.schemaVersion = try Schema.version(of: db)
            stats.practitioners = try count("SELECT count(*) FROM practitioners")
            for (status, n) in try db.fetchAll("SELECT status, count(*) FROM slots GROUP BY status", [], { s in (s.string(0), s.int(1)) }) {
                stats.slots += n
                switch status {
                case "free": stats.freeSlots = n
                case "held": stats.heldSlots = n
                case "booked": stats.bookedSlots = n
                default: stats.blockedSlots += n
                }
            }
            stats.requests = try count("SELECT count(*) FROM requests")
            stats.appointments = try count("SELECT count(*) FROM appointments")
            stats.auditEntries = try count("SELECT count(*) FROM audit_log")
            stats.imports = try count("SELECT count(*) FROM imports")
            stats.changeSequence = try db.changeSequence()
            return stats
        }
    }
}
