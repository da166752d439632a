import Glibc
import SlotMatchCore

/// SlotMatch's store: one SQLite file, the authority on practitioners, slots, requests, appointments,
/// imports and the audit log.
///
/// Opening migrates the file to the latest schema (see `Schema`). The records API lives in the extensions
/// (`Store+Practitioners`, `Store+Slots`, `Store+Imports`, `Store+Audit`); each public operation is one
/// transaction, and `write` lets a caller group several changes with their audit entries in one.
/// Like its `Database`, a store is used by one owner at a time (not `Sendable`).
public final class Store {
    /// The open connection, for callers that need their own SQL in a `write` or `read`.
    public let database: Database

    /// The file the store lives in.
    public var path: String { database.path }

    /// `$SLOTMATCH_DB` when set and not empty, else `./slotmatch.db`. The CLI's `--db PATH` overrides both.
    public static var defaultPath: String {
        if let value = getenv("SLOTMATCH_DB"), value.pointee != 0 { return String(cString: value) }
        return "./slotmatch.db"
    }

    /// Opens (creating with mode 0600 if needed) and migrates the store at `path`.
    /// Throws `DatabaseError` when SQLite fails and `SchemaVersionError` when a newer SlotMatch wrote the file.
    public init(path: String) throws {
        database = try Database(path: path)
        try Schema.migrate(database)
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction; any thrown error rolls everything back and is rethrown.
    public func write<T>(_ body: (Database) throws -> T) throws -> T { try database.write(body) }

    /// Runs `body` in one deferred (read) transaction: a consistent snapshot.
    public func read<T>(_ body: (Database) throws -> T) throws -> T { try database.read(body) }

    /// The file's schema version (`PRAGMA user_version`).
    public func schemaVersion() throws -> Int { try Schema.version(of: database) }

    /// The change sequence: grows with every committed write that changes slots or practitioners.
    public func changeSequence() throws -> Int64 { try database.read { try $0.changeSequence() } }
}

extension Database {
    /// The change sequence as seen by the current transaction.
    public func changeSequence() throws(DatabaseError) -> Int64 {
        try fetchInt64("SELECT value FROM meta WHERE key = 'change_seq'") ?? 0
    }

    /// Bumps the change sequence; call inside a write that changed slots or practitioners. Returns the new value.
    @discardableResult
    public func bumpChangeSequence() throws(DatabaseError) -> Int64 {
        try execute("UPDATE meta SET value = value + 1 WHERE key = 'change_seq'")
        return try changeSequence()
    }
}
