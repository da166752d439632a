/// The `details` of an audit entry: a flat JSON object written in the order given, so the same facts
/// always give the same text (and so the same hash).
public struct AuditDetails: Sendable, Hashable {
    private var fields: [(key: String, json: String)] = []

    public init() {}

    public static func == (a: AuditDetails, b: AuditDetails) -> Bool { a.json == b.json }
    public func hash(into hasher: inout Hasher) { hasher.combine(json) }

    public mutating func add(_ key: String, _ value: String) { fields.append((key, AuditDetails.quoted(value))) }
    public mutating func add(_ key: String, _ value: Int64) { fields.append((key, String(value))) }
    public mutating func add(_ key: String, _ value: Int) { fields.append((key, String(value))) }
    public mutating func add(_ key: String, _ value: Bool) { fields.append((key, value ? "true" : "false")) }
    public mutating func addNull(_ key: String) { fields.append((key, "null")) }

    /// The JSON object text, e.g. `{"slot":42,"reason":"gp-unavailable"}`.
    public var json: String {
        "{" + fields.map { AuditDetails.quoted($0.key) + ":" + $0.json }.joined(separator: ",") + "}"
    }

    /// A JSON string literal (RFC 8259 §7: quote, backslash and control characters escaped).
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
