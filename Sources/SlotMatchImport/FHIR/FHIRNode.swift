/// A FHIR resource tree read from JSON or XML into one neutral shape, so that a single walker
/// (`FHIRCursor`) reads both serialisations.
///
/// Objects map each key to a `Field`: the nodes under that key and whether the source wrote a list
/// (a JSON array; in XML every repeated element is a list). Primitives are kept as their text.
struct FHIRNode {
    struct Field {
        var nodes: [FHIRNode]
        /// True for a JSON array; XML cannot tell a list of one from a single value.
        var isArray: Bool
    }

    enum Value {
        case object([String: Field])
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    var value: Value
    /// The XML line the element starts on; nil for JSON.
    var line: Int?

    init(_ value: Value, line: Int? = nil) { self.value = value; self.line = line }

    var fields: [String: Field]? {
        if case .object(let f) = value { return f }
        return nil
    }
}
