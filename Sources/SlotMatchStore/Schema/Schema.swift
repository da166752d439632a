import CSQLite

/// The store's schema: the ordered list of migrations and the code that brings a file up to date.
///
/// Opening a file at the latest version changes nothing; an older file gets the missing steps, each in its
/// own `BEGIN IMMEDIATE` transaction (two processes opening a fresh file at once apply each step once: the
/// version is re-read after taking the write lock); a newer file is refused with `SchemaVersionError`.
/// Tables are documented in `docs/store.md` and on `Schema.version1`.
public enum Schema {
    /// Every migration, in order; `migrations[i].version == i + 1`.
    public static let migrations: [Migration] = [version1, version2, version3]

    /// The version a fully migrated file has.
    public static var latestVersion: Int { migrations.count }

    /// The file's current `PRAGMA user_version`.
    public static func version(of db: Database) throws(DatabaseError) -> Int {
        Int(try db.fetchInt64("PRAGMA user_version") ?? 0)
    }

    /// Applies the missing migrations; returns the versions applied (empty when the file was up to date).
    @discardableResult
    public static func migrate(_ db: Database, migrations: [Migration] = Schema.migrations) throws -> [Int] {
        let known = migrations.last?.version ?? 0
        let found = try version(of: db)
        if found > known { throw SchemaVersionError(path: db.path, fileVersion: found, knownVersion: known) }
        var applied: [Int] = []
        for migration in migrations where migration.version > found {
            let didApply: Bool = try db.write { db in
                let current = try version(of: db)
                if current > known { throw SchemaVersionError(path: db.path, fileVersion: current, knownVersion: known) }
                guard current < migration.version else { return false }  // another process got there first
                guard current == migration.version - 1 else {
                    throw DatabaseError(resultCode: SQLITE_ERROR,
                                        message: "schema at version \(current) cannot take migration \(migration.version) (\(migration.name))")
                }
                try db.executeScript(migration.sql)
                // PRAGMA takes no bound parameters; the version is our own integer.
                try db.executeScript("PRAGMA user_version = \(migration.version)")
                return true
            }
            if didApply { applied.append(migration.version) }
        }
        return applied
    }
}
