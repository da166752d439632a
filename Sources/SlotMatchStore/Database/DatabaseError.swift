import CSQLite

/// A failure reported by SQLite, with everything needed to understand it: the primary and extended
/// result codes, SQLite's message, the SQL being run and the arguments bound to it.
///
/// Its description reads like GRDB's:
/// `SQLite error 19: UNIQUE constraint failed: slots.rpps, … - while executing `INSERT INTO slots …``.
/// Result codes are listed at sqlite.org/rescode.html; the extended code (e.g. 2067,
/// SQLITE_CONSTRAINT_UNIQUE) says which kind of constraint failed.
public struct DatabaseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The primary result code (`SQLITE_CONSTRAINT` = 19, `SQLITE_BUSY` = 5, …).
    public var resultCode: Int32
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE` = 2067, …); equals `resultCode` when SQLite gave none.
    public var extendedResultCode: Int32
    /// SQLite's own message (`sqlite3_errmsg`), or ours for misuse detected before calling SQLite.
    public var message: String
    /// The statement that failed, when there was one.
    public var sql: String?
    /// The values bound to that statement, by parameter index (1-based, so element 0 is parameter 1).
    public var arguments: [DatabaseValue]

    public init(resultCode: Int32, extendedResultCode: Int32? = nil, message: String, sql: String? = nil,
                arguments: [DatabaseValue] = []) {
        self.resultCode = resultCode & 0xFF
        self.extendedResultCode = extendedResultCode ?? resultCode
        self.message = message; self.sql = sql; self.arguments = arguments
    }

    /// Reads the error state of a connection right after a call returned `code`.
    init(code: Int32, connection: OpaquePointer?, sql: String? = nil, arguments: [DatabaseValue] = []) {
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        // sqlite3_extended_errcode reports the connection's last error; keep it only if it matches this call.
        self.init(resultCode: code, extendedResultCode: (extended & 0xFF) == (code & 0xFF) ? extended : code,
                  message: message, sql: sql, arguments: arguments)
    }

    /// Whether this is a constraint failure (UNIQUE, CHECK, FOREIGN KEY, NOT NULL, trigger RAISE).
    public var isConstraintViolation: Bool { resultCode == SQLITE_CONSTRAINT }
    /// Whether another connection held the lock longer than the busy timeout.
    public var isBusy: Bool { resultCode == SQLITE_BUSY || resultCode == SQLITE_LOCKED }

    public var description: String {
        var s = "SQLite error \(resultCode): \(message)"
        if let sql { s += " - while executing `\(sql)`" }
        return s
    }

    /// The description plus the bound arguments (not in `description`, which may reach logs).
    public var debugDescription: String {
        arguments.isEmpty ? description : description + " with arguments [" + arguments.map(\.description).joined(separator: ", ") + "]"
    }
}
