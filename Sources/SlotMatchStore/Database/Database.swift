import CSQLite
import Glibc

/// One connection to a SlotMatch SQLite file, configured the way the store relies on.
///
/// Opening creates the file with mode 0600 (it holds pseudonymous care requests and the audit log, so
/// only its owner may read it; SQLite gives the `-wal` and `-shm` files the same permissions as the
/// database, sqlite.org/src os_unix.c `findCreateFileMode`), then sets:
/// - `journal_mode = WAL`, checked to answer `wal`: readers never block the writer (sqlite.org/wal.html);
/// - `foreign_keys = ON`: SQLite leaves them off by default for compatibility (sqlite.org/foreignkeys.html §2);
/// - a busy timeout of 5 s, so a second process waits for the write lock instead of failing at once;
/// - `synchronous = NORMAL`: "WAL mode is always consistent with synchronous=NORMAL" (sqlite.org/pragma.html#pragma_synchronous).
///
/// Like GRDB's `Database`, a connection is deliberately not `Sendable`: it is used by one owner at a time.
/// Concurrency across processes comes from SQLite's own locking and `BEGIN IMMEDIATE` writes.
public final class Database {
    /// The file this connection opened.
    public let path: String
    let handle: OpaquePointer
    private var statementCache: [String: Statement] = [:]

    /// How long a statement waits for another connection's lock before failing with `SQLITE_BUSY`.
    public static let busyTimeoutMilliseconds: Int32 = 5_000

    /// Opens (creating it with mode 0600 if needed) and configures the file at `path`.
    public init(path: String) throws(DatabaseError) {
        try Database.createPrivateFileIfMissing(path)
        var connection: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let error = DatabaseError(code: code, connection: connection, sql: nil)
            sqlite3_close_v2(connection)
            throw DatabaseError(resultCode: error.resultCode, extendedResultCode: error.extendedResultCode,
                                message: "cannot open \(path): \(error.message)")
        }
        self.path = path
        self.handle = connection
        sqlite3_extended_result_codes(connection, 1)
        sqlite3_busy_timeout(connection, Database.busyTimeoutMilliseconds)
        try configure()
    }

    deinit {
        statementCache.removeAll()  // finalise statements before closing
        sqlite3_close_v2(handle)
    }

    /// open(2) with O_CREAT and mode 0600 before SQLite sees the file, so it is never world-readable, even briefly.
    private static func createPrivateFileIfMissing(_ path: String) throws(DatabaseError) {
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(0o600))
        if fd >= 0 {
            // The umask can only remove bits; fchmod makes the mode exactly 0600 whatever it is.
            let chmodFailed = fchmod(fd, mode_t(0o600)) != 0
            let err = errno
            close(fd)
            if chmodFailed {
                throw DatabaseError(resultCode: SQLITE_CANTOPEN, message: "cannot set mode 0600 on \(path): \(String(cString: strerror(err)))")
            }
            return
        }
        let err = errno
        if err == EEXIST { return }
        throw DatabaseError(resultCode: SQLITE_CANTOPEN, message: "cannot create \(path): \(String(cString: strerror(err)))")
    }

    private func configure() throws(DatabaseError) {
        // sqlite.org/pragma.html#pragma_journal_mode: "returns the new journal mode"; anything else means WAL is unavailable.
        let mode = try fetchOne("PRAGMA journal_mode = WAL") { $0.string(0) } ?? ""
        guard mode.lowercased() == "wal" else {
            throw DatabaseError(resultCode: SQLITE_ERROR, message: "journal_mode = WAL answered \"\(mode)\", not \"wal\"",
                                sql: "PRAGMA journal_mode = WAL")
        }
        try execute("PRAGMA foreign_keys = ON")
        try execute("PRAGMA synchronous = NORMAL")
        let foreignKeys = try fetchOne("PRAGMA foreign_keys") { $0.int(0) } ?? 0
        guard foreignKeys == 1 else {
            throw DatabaseError(resultCode: SQLITE_ERROR, message: "foreign keys could not be enabled", sql: "PRAGMA foreign_keys = ON")
        }
    }

    // MARK: Statements

    /// Prepares a new statement (not cached).
    public func makeStatement(_ sql: String) throws(DatabaseError) -> Statement {
        try Statement(connection: handle, sql: sql)
    }

    /// A prepared statement for `sql`, reused across calls: repeated SQL is parsed once.
    ///
    /// The statement comes back reset with its bindings cleared. Do not run the same SQL again while
    /// iterating its rows; use `makeStatement` for such nesting.
    public func cachedStatement(_ sql: String) throws(DatabaseError) -> Statement {
        if let statement = statementCache[sql] {
            statement.reset()
            statement.clearBindings()
            return statement
        }
        let statement = try makeStatement(sql)
        statementCache[sql] = statement
        return statement
    }

    /// Runs one statement with arguments, ignoring any rows.
    public func execute(_ sql: String, _ arguments: [DatabaseValue] = []) throws(DatabaseError) {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        try statement.execute()
    }

    /// Runs several `;`-separated statements without arguments (migrations, scripts).
    public func executeScript(_ sql: String) throws(DatabaseError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw DatabaseError(resultCode: code, extendedResultCode: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// All rows of a query, each read by `row`.
    public func fetchAll<T>(_ sql: String, _ arguments: [DatabaseValue] = [],
                            _ row: (Statement) throws(DatabaseError) -> T) throws(DatabaseError) -> [T] {
        try cachedStatement(sql).fetchAll(arguments, row)
    }

    /// The first row of a query, read by `row`, or nil when there is none.
    public func fetchOne<T>(_ sql: String, _ arguments: [DatabaseValue] = [],
                            _ row: (Statement) throws(DatabaseError) -> T) throws(DatabaseError) -> T? {
        try cachedStatement(sql).fetchOne(arguments, row)
    }

    /// The first column of the first row as an integer (e.g. `SELECT count(*)`), or nil when there is no row or it is NULL.
    public func fetchInt64(_ sql: String, _ arguments: [DatabaseValue] = []) throws(DatabaseError) -> Int64? {
        try fetchOne(sql, arguments) { $0.optionalInt64(0) } ?? nil
    }

    /// `PRAGMA data_version`: changes when another connection commits to the file (sqlite.org/pragma.html#pragma_data_version);
    /// with `change_seq` it tells an in-memory index whether it is stale.
    public func dataVersion() throws(DatabaseError) -> Int64 { try fetchInt64("PRAGMA data_version") ?? 0 }

    /// The rowid of the last successful INSERT on this connection.
    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changesCount: Int { Int(sqlite3_changes64(handle)) }
    /// Whether a transaction is open on this connection.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }
    /// The SQLite library version, e.g. `3.40.1`.
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }

    // MARK: Transactions

    /// How a transaction takes its locks (sqlite.org/lang_transaction.html).
    public enum TransactionKind: String, Sendable {
        /// Takes no lock until the first read or write; for reads.
        case deferred = "DEFERRED"
        /// Takes the write lock at once, waiting up to the busy timeout: no write can fail half-way for lack
        /// of the lock, and two writers never interleave their reads and writes.
        case immediate = "IMMEDIATE"
    }

    /// Runs `body` inside `BEGIN IMMEDIATE` … `COMMIT`. Any error thrown (by `body` or by COMMIT) rolls
    /// the transaction back and is rethrown as is, so nothing of a failed write remains.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try inTransaction(.immediate, body)
    }

    /// Runs `body` inside a deferred transaction: one consistent snapshot of the file for all its reads.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try inTransaction(.deferred, body)
    }

    /// Runs `body` in a transaction of the given kind; commits on return, rolls back and rethrows on any error.
    public func inTransaction<T>(_ kind: TransactionKind, _ body: (Database) throws -> T) throws -> T {
        guard !isInTransaction else {
            throw DatabaseError(resultCode: SQLITE_MISUSE,
                                message: "a transaction is already open on this connection; do the work inside the open transaction's closure")
        }
        try execute("BEGIN \(kind.rawValue) TRANSACTION")
        let result: T
        do {
            result = try body(self)
            try execute("COMMIT TRANSACTION")
        } catch {
            rollbackQuietly()
            throw error
        }
        return result
    }

    /// Rolls back if a transaction is still open. SQLite may already have rolled back by itself (e.g. after
    /// SQLITE_FULL, sqlite.org/lang_transaction.html "Response To Errors Within A Transaction"); the first error wins.
    private func rollbackQuietly() {
        for statement in statementCache.values { statement.reset() }
        if isInTransaction { _ = try? execute("ROLLBACK TRANSACTION") }
    }
}
