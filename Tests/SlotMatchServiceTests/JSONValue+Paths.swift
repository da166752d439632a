import SlotMatchService

/// Reading answers in tests by dotted paths.
extension JSONValue {
    /// The member at a dotted path (`error.data.path`), array elements by number (`slots.0.slot`).
    subscript(_ path: String) -> JSONValue? {
        var current: JSONValue? = self
        for part in path.split(separator: ".") {
            switch current {
            case .object(let o)?: current = o[String(part)]
            case .array(let a)?:
                guard let i = Int(part), i >= 0, i < a.count else { return nil }
                current = a[i]
            default: return nil
            }
        }
        return current
    }

    var text: String? { if case .string(let s) = self { return s }; return nil }
    var integer: Int64? { if case .number(let n) = self { return n.int64 }; return nil }
    var list: [JSONValue] { if case .array(let a) = self { return a }; return [] }
}
