/// A JSON value as the service reads and writes it (RFC 8259). Objects keep their members in order,
/// so answers are written with a stable key order; numbers keep their source text, so ids are echoed exactly.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// An integer number.
    public static func int<T: BinaryInteger>(_ value: T) -> JSONValue { .number(JSONNumber(integer: Int64(value))) }
    /// A finite double (non-finite values become null: JSON has no NaN or infinity).
    public static func double(_ value: Double) -> JSONValue {
        value.isFinite ? .number(JSONNumber(double: value)) : .null
    }
    /// An object from members in the order given.
    public static func members(_ members: [(String, JSONValue)]) -> JSONValue { .object(JSONObject(members)) }

    /// What kind of value this is, in words for error messages.
    public var kind: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The value on one line, compact (no spaces), keys in member order.
    public var serialized: String { JSONWriter.string(self) }
}
