/// An element as the stream reader meets it: its namespace-qualified name, attributes and line.
public struct XMLStartTag: Sendable, Hashable {
    public var localName: String
    /// The element's namespace URI; empty when it has none.
    public var namespaceURI: String
    public var attributes: [XMLAttribute]
    /// The line of the start tag (1-based).
    public var line: Int
    /// Nesting depth: 1 for the root element.
    public var depth: Int

    public init(localName: String, namespaceURI: String, attributes: [XMLAttribute] = [], line: Int, depth: Int) {
        self.localName = localName; self.namespaceURI = namespaceURI; self.attributes = attributes
        self.line = line; self.depth = depth
    }

    /// The value of an unprefixed attribute.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.localName == name && $0.namespaceURI.isEmpty }?.value
    }
}
