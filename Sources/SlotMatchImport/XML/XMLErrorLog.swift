import CLibXML2

/// Collects what libxml2 reports through its structured error handler, instead of letting it print to stderr.
final class XMLErrorLog {
    struct Entry {
        var message: String
        var line: Int
        var column: Int
        var code: Int32
        var isError: Bool
    }

    private(set) var entries: [Entry] = []

    /// The first error (not warning) recorded, if any.
    var firstError: Entry? { entries.first { $0.isError } }

    func record(_ e: xmlError) {
        guard entries.count < 100 else { return }  // a broken file can report thousands; the first few say enough
        var message = e.message.map { String(cString: $0) } ?? "unknown XML error"
        while message.last == "\n" || message.last == " " { message.removeLast() }
        entries.append(Entry(message: message, line: Int(e.line), column: Int(e.int2), code: e.code,
                             isError: e.level.rawValue >= XML_ERR_ERROR.rawValue))
    }
}
