/// One SQLite value, as bound to a statement or read from a column.
///
/// Kept with a `DatabaseError` so that a failure says which arguments were bound, as GRDB's
/// `StatementArguments` do. SQLite has exactly these five storage classes (sqlite.org/datatype3.html §2).
public enum DatabaseValue: Sendable, Hashable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    public var description: String {
        switch self {
        case .null: return "NULL"
        case .integer(let v): return String(v)
        case .real(let v): return String(v)
        case .text(let s): return "'" + s.replacingAll("'", with: "''") + "'"
        case .blob(let b): return "<blob \(b.count) bytes>"
        }
    }
}

extension DatabaseValue: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral, ExpressibleByNilLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral {
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(stringLiteral value: String) { self = .text(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(floatLiteral value: Double) { self = .real(value) }
    public init(booleanLiteral value: Bool) { self = .integer(value ? 1 : 0) }
}

extension DatabaseValue {
    /// Wraps an optional string: `nil` becomes SQL NULL.
    public static func text(_ value: String?) -> DatabaseValue { value.map { .text($0) } ?? .null }
    /// Wraps an optional integer: `nil` becomes SQL NULL.
    public static func integer(_ value: Int64?) -> DatabaseValue { value.map { .integer($0) } ?? .null }
    /// Wraps an optional double: `nil` becomes SQL NULL.
    public static func real(_ value: Double?) -> DatabaseValue { value.map { .real($0) } ?? .null }
    /// A Swift `Int` as an SQLite integer.
    public static func int(_ value: Int) -> DatabaseValue { .integer(Int64(value)) }
    /// SQLite has no boolean: 1 or 0.
    public static func bool(_ value: Bool) -> DatabaseValue { .integer(value ? 1 : 0) }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation needed).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
