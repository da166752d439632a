/// What the XML stream reader hands out, in document order. An empty element (`<a/>`) gives a
/// `start` then an `end`; comments and processing instructions are not reported.
public enum XMLEvent: Sendable, Hashable {
    case start(XMLStartTag)
    case end(localName: String, line: Int)
    /// Character data (text, CDATA, or whitespace between elements), entities already replaced.
    case text(String, line: Int)
}
