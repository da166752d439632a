import CSQLite

/// A prepared SQL statement: owns its `sqlite3_stmt`, prepared in the throwing initialiser and
/// finalised in `deinit`, as GRDB's `Statement` does.
///
/// Parameters are bound by 1-based index (as `sqlite3_bind_*` counts them) or by name (`:name`, `@name`,
/// `$name`); columns are read by 0-based index (as `sqlite3_column_*` counts them). A statement belongs to
/// the `Database` that prepared it and, like it, is used from one thread at a time.
public final class Statement {
    /// The SQL text, for error messages.
    public let sql: String
    let handle: OpaquePointer
    let connection: OpaquePointer
    /// What has been bound so far, for error messages (index 0 is parameter 1).
    private(set) var boundValues: [DatabaseValue]

    /// Prepares one statement. Trailing text after the first statement is refused: a typo that SQLite would
    /// silently ignore is better found now (use `Database.executeScript` for several statements).
    init(connection: OpaquePointer, sql: String) throws(DatabaseError) {
        var statement: OpaquePointer?
        var trailingText = false
        let code = sql.withCString { cSQL in
            var tail: UnsafePointer<CChar>?
            let rc = sqlite3_prepare_v3(connection, cSQL, -1, 0, &statement, &tail)
            if rc == SQLITE_OK, let tail { trailingText = Statement.hasNonBlankText(tail) }
            return rc
        }
        guard code == SQLITE_OK, !trailingText, let statement else {
            let error = code == SQLITE_OK
                ? DatabaseError(resultCode: SQLITE_MISUSE,
                                message: trailingText ? "more than one statement given to prepare" : "empty statement", sql: sql)
                : DatabaseError(code: code, connection: connection, sql: sql)
            sqlite3_finalize(statement)
            throw error
        }
        self.sql = sql
        self.handle = statement
        self.connection = connection
        self.boundValues = Array(repeating: .null, count: Int(sqlite3_bind_parameter_count(statement)))
    }

    deinit { sqlite3_finalize(handle) }

    private static func hasNonBlankText(_ p: UnsafePointer<CChar>) -> Bool {
        var q = p
        while q.pointee != 0 {
            switch UInt8(bitPattern: q.pointee) {
            case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ";"): q += 1
            default: return true
            }
        }
        return false
    }

    /// How many parameters the statement has.
    public var parameterCount: Int { boundValues.count }
    /// How many columns a row has.
    public var columnCount: Int { Int(sqlite3_column_count(handle)) }
    /// The name of column `index` (0-based).
    public func columnName(_ index: Int) -> String { String(cString: sqlite3_column_name(handle, Int32(index))) }

    // MARK: Binding

    /// Binds one value to parameter `index` (1-based).
    public func bind(_ value: DatabaseValue, at index: Int) throws(DatabaseError) {
        guard index >= 1 && index <= boundValues.count else {
            throw DatabaseError(resultCode: SQLITE_RANGE, message: "parameter index \(index) out of range 1...\(boundValues.count)",
                                sql: sql, arguments: boundValues)
        }
        let i = Int32(index)
        let code: Int32
        switch value {
        case .null: code = sqlite3_bind_null(handle, i)
        case .integer(let v): code = sqlite3_bind_int64(handle, i, v)
        case .real(let v): code = sqlite3_bind_double(handle, i, v)
        case .text(let s):
            // Length given explicitly; SQLITE_TRANSIENT makes SQLite copy, since the Swift buffer is temporary.
            let length = Int32(s.utf8.count)
            code = s.withCString { sqlite3_bind_text(handle, i, $0, length, slotmatch_sqlite_transient()) }
        case .blob(let bytes):
            if bytes.isEmpty {
                code = sqlite3_bind_zeroblob(handle, i, 0)
            } else {
                code = bytes.withUnsafeBytes {
                    sqlite3_bind_blob(handle, i, $0.baseAddress, Int32($0.count), slotmatch_sqlite_transient())
                }
            }
        }
        boundValues[index - 1] = value
        guard code == SQLITE_OK else { throw DatabaseError(code: code, connection: connection, sql: sql, arguments: boundValues) }
    }

    /// Binds one value to the parameter named `name` (`:name`, `@name` or `$name`; the prefix may be omitted).
    public func bind(_ value: DatabaseValue, named name: String) throws(DatabaseError) {
        try bind(value, at: parameterIndex(named: name))
    }

    /// Binds all values in order, from parameter 1. The count must match the statement's parameters.
    public func bind(_ values: [DatabaseValue]) throws(DatabaseError) {
        guard values.count == boundValues.count else {
            throw DatabaseError(resultCode: SQLITE_RANGE,
                                message: "\(values.count) arguments given for \(boundValues.count) parameters",
                                sql: sql, arguments: values)
        }
        for (offset, value) in values.enumerated() { try bind(value, at: offset + 1) }
    }

    public func bind(_ value: Int64, at index: Int) throws(DatabaseError) { try bind(.integer(value), at: index) }
    public func bind(_ value: Int, at index: Int) throws(DatabaseError) { try bind(.integer(Int64(value)), at: index) }
    public func bind(_ value: Double, at index: Int) throws(DatabaseError) { try bind(.real(value), at: index) }
    public func bind(_ value: String, at index: Int) throws(DatabaseError) { try bind(.text(value), at: index) }
    public func bind(_ value: Bool, at index: Int) throws(DatabaseError) { try bind(.integer(value ? 1 : 0), at: index) }
    public func bind(_ value: [UInt8], at index: Int) throws(DatabaseError) { try bind(.blob(value), at: index) }
    public func bindNull(at index: Int) throws(DatabaseError) { try bind(.null, at: index) }

    public func bind(_ value: Int64, named name: String) throws(DatabaseError) { try bind(.integer(value), named: name) }
    public func bind(_ value: Int, named name: String) throws(DatabaseError) { try bind(.integer(Int64(value)), named: name) }
    public func bind(_ value: Double, named name: String) throws(DatabaseError) { try bind(.real(value), named: name) }
    public func bind(_ value: String, named name: String) throws(DatabaseError) { try bind(.text(value), named: name) }
    public func bind(_ value: Bool, named name: String) throws(DatabaseError) { try bind(.integer(value ? 1 : 0), named: name) }
    public func bind(_ value: [UInt8], named name: String) throws(DatabaseError) { try bind(.blob(value), named: name) }
    public func bindNull(named name: String) throws(DatabaseError) { try bind(.null, named: name) }

    /// The 1-based index of a named parameter.
    public func parameterIndex(named name: String) throws(DatabaseError) -> Int {
        let candidates = name.first.map { ":@$".contains($0) } == true ? [name] : [":" + name, "@" + name, "$" + name]
        for candidate in candidates {
            let index = sqlite3_bind_parameter_index(handle, candidate)
            if index > 0 { return Int(index) }
        }
        throw DatabaseError(resultCode: SQLITE_RANGE, message: "no parameter named \(name)", sql: sql, arguments: boundValues)
    }

    /// Sets every parameter back to NULL.
    public func clearBindings() {
        sqlite3_clear_bindings(handle)
        for i in boundValues.indices { boundValues[i] = .null }
    }

    // MARK: Stepping

    /// Runs the statement one step: `true` when a row is ready to read, `false` when done.
    ///
    /// On an error the statement is reset, so it releases its locks and can be run again.
    @discardableResult
    public func step() throws(DatabaseError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = DatabaseError(code: code, connection: connection, sql: sql, arguments: boundValues)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Rewinds the statement so it can run again with the same or new bindings; releases its read lock.
    public func reset() { sqlite3_reset(handle) }

    /// Runs the statement to completion, ignoring rows, then resets it.
    public func execute() throws(DatabaseError) {
        defer { reset() }
        while try step() {}
    }

    /// Runs the statement with `arguments` and collects one value per row, then resets it.
    public func fetchAll<T>(_ arguments: [DatabaseValue] = [], _ row: (Statement) throws(DatabaseError) -> T) throws(DatabaseError) -> [T] {
        reset()
        try bind(arguments)
        defer { reset() }
        var out: [T] = []
        while try step() { out.append(try row(self)) }
        return out
    }

    /// Runs the statement with `arguments` and reads the first row, if any, then resets it.
    public func fetchOne<T>(_ arguments: [DatabaseValue] = [], _ row: (Statement) throws(DatabaseError) -> T) throws(DatabaseError) -> T? {
        reset()
        try bind(arguments)
        defer { reset() }
        return try step() ? row(self) : nil
    }

    // MARK: Columns (0-based)

    /// Whether column `index` of the current row is NULL.
    public func isNull(_ index: Int) -> Bool { sqlite3_column_type(handle, Int32(index)) == SQLITE_NULL }
    public func int64(_ index: Int) -> Int64 { sqlite3_column_int64(handle, Int32(index)) }
    public func int(_ index: Int) -> Int { Int(sqlite3_column_int64(handle, Int32(index))) }
    public func double(_ index: Int) -> Double { sqlite3_column_double(handle, Int32(index)) }
    public func bool(_ index: Int) -> Bool { sqlite3_column_int64(handle, Int32(index)) != 0 }
    /// The column as UTF-8 text (empty for NULL).
    public func string(_ index: Int) -> String {
        let i = Int32(index)
        guard let p = sqlite3_column_text(handle, i) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, i))
        return String(decoding: UnsafeBufferPointer(start: p, count: count), as: UTF8.self)
    }
    public func blob(_ index: Int) -> [UInt8] {
        let i = Int32(index)
        guard let p = sqlite3_column_blob(handle, i) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, i))
        return Array(UnsafeRawBufferPointer(start: p, count: count))
    }
    public func optionalInt64(_ index: Int) -> Int64? { isNull(index) ? nil : int64(index) }
    public func optionalInt(_ index: Int) -> Int? { isNull(index) ? nil : int(index) }
    public func optionalDouble(_ index: Int) -> Double? { isNull(index) ? nil : double(index) }
    public func optionalString(_ index: Int) -> String? { isNull(index) ? nil : string(index) }

    /// Column `index` as whatever storage class it holds.
    public func value(_ index: Int) -> DatabaseValue {
        switch sqlite3_column_type(handle, Int32(index)) {
        case SQLITE_INTEGER: return .integer(int64(index))
        case SQLITE_FLOAT: return .real(double(index))
        case SQLITE_TEXT: return .text(string(index))
        case SQLITE_BLOB: return .blob(blob(index))
        default: return .null
        }
    }
}
