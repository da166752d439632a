import CLibXML2
import SlotMatchCore

/// A forward-only XML reader over libxml2's streaming `xmlTextReader`: no DOM is built, memory stays
/// proportional to the depth, not the size, of the document.
///
/// Hostile input is refused before it can do harm: the size limit is checked before parsing; a document
/// with a DTD is refused by `XMLProlog` before libxml2 sees it (so no entity is declared, expanded or
/// loaded: billion laughs and XXE fail at once); libxml2 runs with `XML_PARSE_NONET`, without
/// `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD`, `XML_PARSE_DTDATTR`, `XML_PARSE_DTDVALID` or XInclude, and
/// with an external-entity loader that refuses everything. libxml2's messages are recorded with their
/// line through a structured error handler and become `InputError`s, never text on stderr.
///
/// Not `Sendable`: one reader belongs to one parse on one thread.
public final class XMLStreamReader {
    public let file: String
    public let limits: XMLReadLimits

    private let reader: xmlTextReaderPtr
    private let buffer: UnsafeMutableBufferPointer<CChar>
    private let log: XMLErrorLog
    /// The end event of an empty element (`<a/>`), handed out after its start.
    private var pendingEnd: XMLEvent?
    private var finished = false
    /// libxml2 interns names in a dictionary: decode each distinct pointer once.
    private var names: [UnsafePointer<xmlChar>: String] = [:]

    /// libxml2 options: text kept as is (no `XML_PARSE_NOBLANKS`), CDATA merged into text, no network,
    /// line numbers past 65535 kept. Deliberately absent: NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE, HUGE.
    static let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// One-time libxml2 set-up: initialise the library for use from several threads, and refuse
    /// every external entity or DTD load process-wide (SlotMatch never needs one).
    private static let libraryReady: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
        return true
    }()

    /// Checks the size and the prolog, then prepares the reader; parsing happens as `next()` is called.
    public init(bytes: [UInt8], file: String, limits: XMLReadLimits = XMLReadLimits()) throws(InputError) {
        guard bytes.count <= limits.maxBytes, bytes.count < Int(Int32.max) else {
            throw InputError(SourcePlace(file: file), "the file is \(bytes.count) bytes, over the \(limits.maxBytes)-byte limit",
                             remedy: "Publish a shorter range, or raise the limit with --max-file-size if the file is genuine.")
        }
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            throw InputError(SourcePlace(file: file, line: 1), "the file is empty",
                             remedy: "Export the agenda again; the file should start with <?xml …?>.")
        }
        try XMLProlog.check(bytes, file: file)
        _ = XMLStreamReader.libraryReady

        // A private copy that outlives the reader (libxml2 may read the memory in place).
        let copy = UnsafeMutableBufferPointer<CChar>.allocate(capacity: bytes.count)
        bytes.withUnsafeBufferPointer { source in
            UnsafeMutableRawBufferPointer(copy).copyMemory(from: UnsafeRawBufferPointer(source))
        }
        guard let reader = xmlReaderForMemory(copy.baseAddress, Int32(bytes.count), nil, nil, XMLStreamReader.parseOptions) else {
            copy.deallocate()
            throw InputError(SourcePlace(file: file), "the XML reader could not be started on this file",
                             remedy: "Check that the file is a complete XML document in UTF-8.")
        }
        self.file = file
        self.limits = limits
        self.reader = reader
        self.buffer = copy
        self.log = XMLErrorLog()
        xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
            guard let context, let error else { return }
            Unmanaged<XMLErrorLog>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
        }, Unmanaged.passUnretained(log).toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
        buffer.deallocate()
    }

    /// An error at a line of this file.
    public func error(line: Int?, _ problem: String, remedy: String) -> InputError {
        InputError(SourcePlace(file: file, line: line), problem, remedy: remedy)
    }

    /// The next event, or nil at the end of the document.
    public func next() throws(InputError) -> XMLEvent? {
        if let pending = pendingEnd { pendingEnd = nil; return pending }
        if finished { return nil }
        while true {
            let status = xmlTextReaderRead(reader)
            if let failure = log.firstError { finished = true; throw translate(failure) }
            if status == 0 { finished = true; return nil }
            guard status == 1 else {
                finished = true
                throw error(line: parserLine, "the XML is not well formed",
                            remedy: "Export the file again; if it was edited by hand, check that every <tag> has its </tag>.")
            }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                return .start(try startTag())
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                return .end(localName: name(xmlTextReaderConstLocalName(reader)), line: nodeLine)
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                 Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                let value = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
                return .text(value, line: nodeLine)
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue), Int32(XML_READER_TYPE_ENTITY.rawValue):
                // Defence in depth: the prolog check refuses DTDs before parsing.
                finished = true
                throw XMLProlog.dtdError(file: file, line: nodeLine)
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                finished = true
                throw error(line: nodeLine, "the file uses an entity reference other than &amp; &lt; &gt; &quot; &apos;",
                            remedy: "Replace the entity by the character it stands for, and remove any DOCTYPE declaration.")
            default:
                continue  // comments, processing instructions, the XML declaration
            }
        }
    }

    /// Consumes the rest of the element whose start was just returned, children included.
    public func skipElement() throws(InputError) {
        var depth = 1
        while depth > 0 {
            guard let event = try next() else { return }
            switch event {
            case .start: depth += 1
            case .end: depth -= 1
            case .text: break
            }
        }
    }

    /// The text content of the element whose start was just returned, up to its end tag.
    /// A child element is an error: this is for leaf values (`<date-time>`, `<text>`).
    public func readText(of tag: XMLStartTag) throws(InputError) -> String {
        var text = ""
        while let event = try next() {
            switch event {
            case .text(let piece, _): text += piece
            case .end: return text
            case .start(let child):
                throw error(line: child.line, "<\(tag.localName)> holds an element <\(child.localName)> where a plain value was expected",
                            remedy: "Write the value directly inside <\(tag.localName)>, without other tags.")
            }
        }
        return text
    }

    // MARK: - Private

    private func startTag() throws(InputError) -> XMLStartTag {
        let depth = Int(xmlTextReaderDepth(reader)) + 1
        let line = nodeLine
        guard depth <= limits.maxDepth else {
            finished = true
            throw depthError(line: line)
        }
        let localName = name(xmlTextReaderConstLocalName(reader))
        let namespaceURI = name(xmlTextReaderConstNamespaceUri(reader))
        let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
        var attributes: [XMLAttribute] = []
        if xmlTextReaderHasAttributes(reader) == 1 {
            while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
                attributes.append(XMLAttribute(localName: name(xmlTextReaderConstLocalName(reader)),
                                               namespaceURI: name(xmlTextReaderConstNamespaceUri(reader)),
                                               value: xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""))
            }
            xmlTextReaderMoveToElement(reader)
        }
        if isEmpty { pendingEnd = .end(localName: localName, line: line) }
        return XMLStartTag(localName: localName, namespaceURI: namespaceURI, attributes: attributes, line: line, depth: depth)
    }

    private func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        if let known = names[pointer] { return known }
        let decoded = String(cString: pointer)
        names[pointer] = decoded
        return decoded
    }

    /// The line of the current node, else where the parser stands.
    private var nodeLine: Int {
        if let node = xmlTextReaderCurrentNode(reader) {
            let line = xmlGetLineNo(node)
            if line > 0 { return Int(line) }
        }
        return parserLine
    }

    private var parserLine: Int { max(1, Int(xmlTextReaderGetParserLineNumber(reader))) }

    private func depthError(line: Int) -> InputError {
        error(line: line, "elements are nested more than \(limits.maxDepth) levels deep",
              remedy: "This is not a calendar export SlotMatch knows; export the agenda again as xCal or FHIR XML.")
    }

    private func translate(_ failure: XMLErrorLog.Entry) -> InputError {
        // libxml2's own nesting guard (xmlParserMaxDepth) may fire first, since the reader parses ahead.
        if failure.message.contains("Excessive depth") { return depthError(line: failure.line) }
        if failure.message.contains("Entity") && failure.message.contains("not defined") {
            return error(line: failure.line, "the file uses an undefined entity (\(failure.message))",
                         remedy: "Only &amp; &lt; &gt; &quot; &apos; and numeric references like &#233; are allowed in the file.")
        }
        var place = SourcePlace(file: file, line: failure.line > 0 ? failure.line : parserLine)
        if failure.column > 0 { place.column = failure.column }
        return InputError(place, "the XML is not well formed: \(failure.message)",
                          remedy: "Export the file again; if it was edited by hand, check that every <tag> has its </tag> and that & is written &amp;.")
    }
}
