/// One attribute of an XML start tag, namespace declarations left out.
public struct XMLAttribute: Sendable, Hashable {
    public var localName: String
    /// The attribute's namespace URI; empty for an unprefixed attribute.
    public var namespaceURI: String
    public var value: String

    public init(localName: String, namespaceURI: String = "", value: String) {
        self.localName = localName; self.namespaceURI = namespaceURI; self.value = value
    }
}
