import SlotMatchCore
import SlotMatchStore

/// The peer's own index, beside the store's tables in the same file: an SQLite R*Tree virtual table
/// `slots_rtree(id, min_lat, max_lat, min_lon, max_lon, min_start, max_start)` with one row per free slot, a point
/// (the practice's coordinates, the slot's start).
///
/// SQLite's R*Tree keeps 32-bit floats and rounds each box outwards (min down, max up; sqlite.org/rtree.html
/// §3.7), so a query box returns a superset: exact starts and positions are re-checked on the joined rows.
/// A start near 1.8·10⁹ s is kept to within 128 s.
enum SlotRTree {
    /// Whether SQLite was compiled with the R*Tree module (`PRAGMA compile_options` lists `ENABLE_RTREE`).
    static func isAvailable(_ db: Database) throws -> Bool {
        try db.fetchAll("PRAGMA compile_options") { $0.string(0) }.contains("ENABLE_RTREE")
    }

    static func exists(_ db: Database) throws -> Bool {
        (try db.fetchInt64("SELECT count(*) FROM sqlite_master WHERE name = 'slots_rtree'") ?? 0) > 0
    }

    /// Creates and fills `slots_rtree` from the free slots, in one transaction; practices without their own
    /// coordinates are placed at their commune's centre (as `slotmatch serve` does). Answers the rows written.
    @discardableResult
    static func build(_ db: Database, territory: Territory) throws -> Int {
        try db.executeScript("PRAGMA cache_size = -2097152")  // up to 2 GiB while building: the tree's nodes stay in memory
        defer { try? db.executeScript("PRAGMA cache_size = -262144") }
        return try db.write { db in
            try db.executeScript("""
                DROP TABLE IF EXISTS slots_rtree;
                CREATE VIRTUAL TABLE slots_rtree USING rtree(id, min_lat, max_lat, min_lon, max_lon, min_start, max_start);
                """)
            var place: [String: GeoPoint] = [:]
            for (rpps, lat, lon, commune) in try db.fetchAll("SELECT rpps, lat, lon, commune_insee FROM practitioners", [], {
                ($0.string(0), $0.optionalDouble(1), $0.optionalDouble(2), $0.string(3))
            }) {
                if let lat, let lon { place[rpps] = GeoPoint(latitude: lat, longitude: lon) }
                else if let c = territory.commune(insee: commune) { place[rpps] = c.location }
            }
            let rows = try db.fetchAll("SELECT id, rpps, start_utc FROM slots WHERE status = 'free'") { ($0.int64(0), $0.string(1), $0.int64(2)) }
            let insert = try db.makeStatement("INSERT INTO slots_rtree VALUES (?, ?, ?, ?, ?, ?, ?)")
            var written = 0
            for (id, rpps, start) in rows {
                guard let p = place[rpps] else { continue }
                insert.reset()
                try insert.bind(id, at: 1)
                try insert.bind(p.latitude, at: 2); try insert.bind(p.latitude, at: 3)
                try insert.bind(p.longitude, at: 4); try insert.bind(p.longitude, at: 5)
                try insert.bind(Double(start), at: 6); try insert.bind(Double(start), at: 7)
                try insert.execute()
                written += 1
            }
            return written
        }
    }
}
