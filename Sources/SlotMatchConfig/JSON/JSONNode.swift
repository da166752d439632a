import Foundation
import SlotMatchCore

/// A value from `JSONSerialization` together with its JSON path (`$.communes[3].lat`), so that every
/// typed read can say exactly where a document is wrong.
///
/// Foundation sits at the edge here (reading a file once), never in a hot loop.
public struct JSONNode: @unchecked Sendable {
    /// The parsed value: `[String: Any]`, `[Any]`, `String`, `NSNumber`, `Bool` or `NSNull`.
    public let value: Any
    /// Where the value sits in the document.
    public let path: String
    /// The file the document came from, for error places.
    public let file: String?

    public init(value: Any, path: String = "$", file: String? = nil) {
        self.value = value; self.path = path; self.file = file
    }

    /// Parses a whole document; a syntax error names the line and column.
    public static func parse(_ data: Data, file: String? = nil) throws(InputError) -> JSONNode {
        do {
            let value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return JSONNode(value: value, file: file)
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            var place = SourcePlace(file: file, jsonPath: "$")
            if let offset = JSONNode.characterOffset(in: detail) {
                let (line, column) = JSONNode.lineAndColumn(of: offset, in: data)
                place = SourcePlace(file: file, line: line, column: column, jsonPath: "$")
            }
            throw InputError(place, "the file is not valid JSON (\(detail))",
                             remedy: "Check for a missing comma, quote or bracket near that place, or validate the file with a JSON checker.")
        }
    }

    /// A problem at this node.
    public func error(_ problem: String, remedy: String) -> InputError {
        InputError(SourcePlace(file: file, jsonPath: path), problem, remedy: remedy)
    }

    public var isNull: Bool { value is NSNull }

    /// What kind of JSON value this is, in words for messages.
    public var kind: String {
        if value is NSNull { return "null" }
        if value is String { return "a string" }
        if value is [Any] { return "an array" }
        if value is [String: Any] { return "an object" }
        if JSONNode.isBoolean(value) { return "a boolean" }
        if value is NSNumber { return "a number" }
        return "an unknown value"
    }

    private func wrongType(_ expected: String) -> InputError {
        error("expected \(expected), found \(kind)", remedy: "Write \(expected) at \(path).")
    }

    /// The members of an object, keyed by name.
    public func object() throws(InputError) -> [String: JSONNode] {
        guard let dict = value as? [String: Any] else { throw wrongType("an object") }
        var result: [String: JSONNode] = [:]
        for (k, v) in dict { result[k] = JSONNode(value: v, path: path + JSONNode.memberPath(k), file: file) }
        return result
    }

    /// The elements of an array, each with its index in its path.
    public func array() throws(InputError) -> [JSONNode] {
        guard let list = value as? [Any] else { throw wrongType("an array") }
        return list.enumerated().map { JSONNode(value: $1, path: path + "[\($0)]", file: file) }
    }

    /// A required member of an object.
    public func member(_ key: String) throws(InputError) -> JSONNode {
        guard let dict = value as? [String: Any] else { throw wrongType("an object") }
        guard let v = dict[key] else {
            throw InputError(SourcePlace(file: file, jsonPath: path + JSONNode.memberPath(key)), "the field \"\(key)\" is missing",
                             remedy: "Add \"\(key)\" to the object at \(path).")
        }
        return JSONNode(value: v, path: path + JSONNode.memberPath(key), file: file)
    }

    /// An optional member; nil when absent or null.
    public func optionalMember(_ key: String) throws(InputError) -> JSONNode? {
        guard let dict = value as? [String: Any] else { throw wrongType("an object") }
        guard let v = dict[key], !(v is NSNull) else { return nil }
        return JSONNode(value: v, path: path + JSONNode.memberPath(key), file: file)
    }

    public func string() throws(InputError) -> String {
        guard let s = value as? String else { throw wrongType("a string") }
        return s
    }

    /// A number (booleans refused, although Foundation stores them as numbers too).
    public func double() throws(InputError) -> Double {
        guard !JSONNode.isBoolean(value), let n = value as? NSNumber else { throw wrongType("a number") }
        let d = n.doubleValue
        guard d.isFinite else { throw wrongType("a finite number") }
        return d
    }

    /// A whole number.
    public func int() throws(InputError) -> Int {
        let d = try double()
        guard d == d.rounded(), abs(d) < 9.0e15 else { throw wrongType("a whole number") }
        return Int(d)
    }

    public func bool() throws(InputError) -> Bool {
        guard JSONNode.isBoolean(value), let n = value as? NSNumber else { throw wrongType("true or false") }
        return n.boolValue
    }

    static func isBoolean(_ value: Any) -> Bool {
        guard let n = value as? NSNumber else { return false }
        return String(cString: n.objCType) == "c"
    }

    /// `.name` for plain keys, `["odd key"]` otherwise (JSONPath bracket notation).
    static func memberPath(_ key: String) -> String {
        let plain = !key.isEmpty && key.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
        return plain ? "." + key : "[\"" + key.replacingOccurrences(of: "\"", with: "\\\"") + "\"]"
    }

    /// The character offset Foundation reports ("… around character 9.").
    static func characterOffset(in detail: String) -> Int? {
        guard let range = detail.range(of: "character ") else { return nil }
        let digits = detail[range.upperBound...].prefix { $0.isNumber }
        return Int(digits)
    }

    /// 1-based line and column of a byte offset.
    static func lineAndColumn(of offset: Int, in data: Data) -> (Int, Int) {
        var line = 1, column = 1
        for (i, b) in data.enumerated() {
            if i >= offset { break }
            if b == 10 { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
