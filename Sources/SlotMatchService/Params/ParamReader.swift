import SlotMatchCore

/// Reads a method's named parameters with the JSON path of each (`$.params.modes[1]`), so that a
/// missing, mistyped or unknown parameter is an invalid-params error naming the field, never ignored.
///
/// A method reads the members it knows, then calls `finish()`, which refuses any member not read.
/// `null` is not "absent": a parameter given as null is mistyped (docs/service.md).
public final class ParamReader {
    public let path: String
    private let object: JSONObject
    /// Which members were read, by member position (no hashing per request).
    private var read: [Bool]

    init(object: JSONObject, path: String) {
        self.object = object; self.path = path
        read = [Bool](repeating: false, count: object.count)
    }

    /// The reader of a request's `params`: an object, or absent (no parameters). JSON-RPC 2.0 §4.2 allows
    /// arrays too, but every method here takes named parameters only.
    static func top(_ params: JSONValue?) throws(RPCError) -> ParamReader {
        switch params {
        case nil: return ParamReader(object: JSONObject(), path: "$.params")
        case .object(let o)?: return ParamReader(object: o, path: "$.params")
        case let other?:
            throw .invalidParams(path: "$.params", "params must be an object of named parameters, not \(other.kind)",
                                 remedy: "Send params as {\"name\": value, …} (see docs/service.md).")
        }
    }

    /// A reader for a JSON object given directly (the CLI builds params this way).
    public convenience init(_ object: JSONObject) { self.init(object: object, path: "$.params") }

    public func childPath(_ key: String) -> String { path + "." + key }

    /// Whether the member is present (does not mark it read).
    public func has(_ key: String) -> Bool { object[key] != nil }

    /// The raw member, marked read.
    public func raw(_ key: String) -> JSONValue? {
        guard let i = object.keys.firstIndex(of: key) else { return nil }
        read[i] = true
        return object.values[i]
    }

    /// Refuses members that no read asked for.
    public func finish() throws(RPCError) {
        for (i, key) in object.keys.enumerated() where !read[i] {
            throw .invalidParams(path: childPath(key), "unknown parameter \"\(key)\"",
                                 remedy: "Remove it, or check its spelling against docs/service.md.")
        }
    }

    func missing(_ key: String, _ what: String) -> RPCError {
        .invalidParams(path: childPath(key), "the parameter \"\(key)\" is missing", remedy: "Give \(what).")
    }

    static func wrongType(_ path: String, _ expected: String, _ found: JSONValue) -> RPCError {
        .invalidParams(path: path, "expected \(expected), found \(found.kind)", remedy: "Give \(expected) at \(path).")
    }

    // MARK: typed reads

    public func optionalString(_ key: String) throws(RPCError) -> String? {
        guard let v = raw(key) else { return nil }
        guard case .string(let s) = v else { throw ParamReader.wrongType(childPath(key), "a string", v) }
        return s
    }

    public func string(_ key: String, what: String = "a string") throws(RPCError) -> String {
        guard let s = try optionalString(key) else { throw missing(key, what) }
        return s
    }

    /// A pseudonymous id or operator id as the store accepts them: 1 to 64 of `A-Z a-z 0-9 . _ : -`
    /// (no spaces, no `|`: they go into the audit log).
    public func optionalIdentifier(_ key: String) throws(RPCError) -> String? {
        guard let s = try optionalString(key) else { return nil }
        let ok = !s.isEmpty && s.utf8.count <= 64 && s.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b == UInt8(ascii: "-")
        }
        guard ok else {
            throw .invalidParams(path: childPath(key), "\"\(String(s.prefix(80)))\" is not an id (1 to 64 letters, digits, '.', '_', ':' or '-')",
                                 remedy: "Use the id given by the regulation software, without spaces.")
        }
        return s
    }

    public func identifier(_ key: String) throws(RPCError) -> String {
        guard let s = try optionalIdentifier(key) else { throw missing(key, "an id (a string)") }
        return s
    }

    public func optionalInt(_ key: String, in range: ClosedRange<Int64>) throws(RPCError) -> Int64? {
        guard let v = raw(key) else { return nil }
        guard case .number(let n) = v, let i = n.int64 else { throw ParamReader.wrongType(childPath(key), "a whole number", v) }
        guard range.contains(i) else {
            throw .invalidParams(path: childPath(key), "\(i) is outside \(range.lowerBound) … \(range.upperBound)",
                                 remedy: "Give a whole number between \(range.lowerBound) and \(range.upperBound).")
        }
        return i
    }

    public func int(_ key: String, in range: ClosedRange<Int64>) throws(RPCError) -> Int64 {
        guard let i = try optionalInt(key, in: range) else { throw missing(key, "a whole number") }
        return i
    }

    public func optionalDouble(_ key: String, in range: ClosedRange<Double>) throws(RPCError) -> Double? {
        guard let v = raw(key) else { return nil }
        // The number's text is converted once (a coordinate's conversion was a tenth of a search request's time).
        guard case .number(let n) = v else { throw ParamReader.wrongType(childPath(key), "a number", v) }
        let d = n.double
        guard d.isFinite else { throw ParamReader.wrongType(childPath(key), "a number", v) }
        guard range.contains(d) else {
            throw .invalidParams(path: childPath(key), "\(n.text) is outside \(range.lowerBound) … \(range.upperBound)",
                                 remedy: "Give a number between \(range.lowerBound) and \(range.upperBound).")
        }
        return d
    }

    public func double(_ key: String, in range: ClosedRange<Double>) throws(RPCError) -> Double {
        guard let d = try optionalDouble(key, in: range) else { throw missing(key, "a number") }
        return d
    }

    public func optionalBool(_ key: String) throws(RPCError) -> Bool? {
        guard let v = raw(key) else { return nil }
        guard case .bool(let b) = v else { throw ParamReader.wrongType(childPath(key), "true or false", v) }
        return b
    }

    public func optionalInstant(_ key: String) throws(RPCError) -> Instant? {
        guard let s = try optionalString(key) else { return nil }
        guard let i = Instant.parseISO8601(s) else {
            throw .invalidParams(path: childPath(key), "\"\(s)\" is not an ISO 8601 instant",
                                 remedy: "Write an instant with its offset, like 2026-12-04T14:30:00Z.")
        }
        return i
    }

    public func instant(_ key: String) throws(RPCError) -> Instant {
        guard let i = try optionalInstant(key) else { throw missing(key, "an ISO 8601 instant (2026-12-04T14:30:00Z)") }
        return i
    }

    /// An array of strings, each checked by `convert` (which answers nil for a bad element).
    public func optionalArray<T>(_ key: String, of what: String, _ convert: (String) -> T?) throws(RPCError) -> [T]? {
        guard let v = raw(key) else { return nil }
        guard case .array(let items) = v else { throw ParamReader.wrongType(childPath(key), "an array of \(what)", v) }
        var out: [T] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            let p = childPath(key) + "[\(i)]"
            guard case .string(let s) = item else { throw ParamReader.wrongType(p, what, item) }
            guard let t = convert(s) else {
                throw .invalidParams(path: p, "\"\(s)\" is not \(what)", remedy: "Give \(what).")
            }
            out.append(t)
        }
        return out
    }

    /// A string that `convert` turns into a value (nil → invalid params saying what was expected).
    public func optionalCode<T>(_ key: String, _ what: String, _ convert: (String) -> T?) throws(RPCError) -> T? {
        guard let s = try optionalString(key) else { return nil }
        guard let t = convert(s) else {
            throw .invalidParams(path: childPath(key), "\"\(s)\" is not \(what)", remedy: "Give \(what).")
        }
        return t
    }

    /// A nested object's reader (call `finish()` on it too).
    public func optionalObject(_ key: String) throws(RPCError) -> ParamReader? {
        guard let v = raw(key) else { return nil }
        guard case .object(let o) = v else { throw ParamReader.wrongType(childPath(key), "an object", v) }
        return ParamReader(object: o, path: childPath(key))
    }

    /// An RPPS number (11 digits with a valid Luhn check digit).
    public func optionalRPPS(_ key: String) throws(RPCError) -> RPPS? {
        guard let s = try optionalString(key) else { return nil }
        do { return try RPPS(s) } catch {
            throw .invalidParams(path: childPath(key), error.problem, remedy: error.remedy)
        }
    }

    /// Throws the same error at `key`'s path.
    public func invalid(_ key: String, _ problem: String, remedy: String) -> RPCError {
        .invalidParams(path: childPath(key), problem, remedy: remedy)
    }
}
