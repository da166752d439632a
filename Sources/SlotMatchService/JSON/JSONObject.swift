/// A JSON object's members in document (or construction) order. Keys are unique: the reader refuses a
/// duplicate key, and `set` replaces. Lookups are linear, which is fastest for the few members a request has.
public struct JSONObject: Sendable, Hashable {
    public private(set) var keys: [String]
    public private(set) var values: [JSONValue]

    public init() { keys = []; values = [] }

    /// An object from members with distinct keys, in that order (how the service builds its answers: the keys
    /// are not compared, so building an answer costs no string comparisons). Use `set` to add or replace.
    public init(_ members: [(String, JSONValue)]) {
        keys = members.map(\.0)
        values = members.map(\.1)
    }

    /// An object from a dictionary, keys sorted (String order) so the member order never depends on hashing.
    public init(sortingKeysOf dictionary: [String: JSONValue]) {
        keys = dictionary.keys.sorted()
        values = keys.map { dictionary[$0] ?? .null }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    public subscript(key: String) -> JSONValue? {
        guard let i = keys.firstIndex(of: key) else { return nil }
        return values[i]
    }

    /// Adds a member at the end, or replaces the value of an existing key in place.
    public mutating func set(_ key: String, _ value: JSONValue) {
        if let i = keys.firstIndex(of: key) { values[i] = value } else { keys.append(key); values.append(value) }
    }

    /// Adds a member known to be new (the reader checked); false if the key was already there.
    mutating func appendNew(_ key: String, _ value: JSONValue) -> Bool {
        if keys.contains(key) { return false }
        keys.append(key); values.append(value)
        return true
    }

    public var members: [(key: String, value: JSONValue)] { Array(zip(keys, values)).map { (key: $0.0, value: $0.1) } }
}

/// `["key": value, …]` literals build an object in the order written (as `init(_:)` does: keys not compared).
extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self.init(elements) }
}
