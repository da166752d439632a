import SlotMatchCore

/// A byte-level look at an XML document's prolog (everything before the root element), made before
/// libxml2 sees a single byte: a DTD is refused here, so no entity is ever declared, expanded or loaded.
///
/// Neither xCal (RFC 6321) nor FHIR XML uses a DTD, and a DTD is what billion-laughs and
/// external-entity (XXE) attacks need. The prolog must also be in an ASCII-compatible encoding,
/// so that a `<!DOCTYPE` cannot hide behind UTF-16 or UTF-7.
enum XMLProlog {
    static func dtdError(file: String, line: Int) -> InputError {
        InputError(SourcePlace(file: file, line: line),
                   "the file declares a DTD (<!DOCTYPE …>); SlotMatch reads xCal and FHIR XML without DTDs",
                   remedy: "Remove the DOCTYPE line (and any <!ENTITY …> declarations in it), then import the file again.")
    }

    /// Throws when the prolog holds a DOCTYPE or is not in an encoding SlotMatch reads.
    static func check(_ b: [UInt8], file: String) throws(InputError) {
        var i = 0
        var line = 1
        let n = b.count
        if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
        func matches(_ s: StaticString, at k: Int) -> Bool {
            let count = s.utf8CodeUnitCount
            guard k + count <= n else { return false }
            return s.withUTF8Buffer { p in
                for j in 0 ..< count where p[j] != b[k + j] { return false }
                return true
            }
        }
        /// Index just after `terminator` starting the search at `k`, counting lines on the way.
        func skip(to terminator: StaticString, from k: Int) -> Int? {
            var k = k
            while k < n {
                if b[k] == 0x0A { line += 1 }
                if matches(terminator, at: k) { return k + terminator.utf8CodeUnitCount }
                k += 1
            }
            return nil
        }
        while i < n {
            switch b[i] {
            case 0x20, 0x09, 0x0D: i += 1
            case 0x0A: line += 1; i += 1
            case UInt8(ascii: "<"):
                if matches("<?", at: i) {
                    let start = i
                    guard let end = skip(to: "?>", from: i + 2) else { return }  // libxml2 reports the truncation
                    try checkDeclaredEncoding(Array(b[start ..< end]), file: file, line: line)
                    i = end
                } else if matches("<!--", at: i) {
                    guard let end = skip(to: "-->", from: i + 4) else { return }
                    i = end
                } else if i + 2 < n, b[i + 1] == UInt8(ascii: "!"), b[i + 2] | 0x20 == UInt8(ascii: "d") {
                    throw dtdError(file: file, line: line)
                } else {
                    return  // the root element: the prolog is clean
                }
            default:
                throw InputError(SourcePlace(file: file, line: line),
                                 "the file does not start with an XML tag in UTF-8 (it may be UTF-16, or not XML at all)",
                                 remedy: "Export or save the file as UTF-8 XML, starting with <?xml version=\"1.0\" encoding=\"UTF-8\"?>.")
            }
        }
    }

    /// RFC 6321 and FHIR XML are UTF-8; ASCII-compatible legacy encodings are tolerated, others refused.
    private static func checkDeclaredEncoding(_ declaration: [UInt8], file: String, line: Int) throws(InputError) {
        let lower = declaration.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
        guard lower.starts(with: Array("<?xml".utf8)) else { return }
        let key = Array("encoding".utf8)
        guard let at = (0 ..< max(0, lower.count - key.count)).first(where: { lower[$0 ..< $0 + key.count].elementsEqual(key) })
        else { return }
        var k = at + key.count
        while k < lower.count, lower[k] == 0x20 || lower[k] == 0x09 || lower[k] == UInt8(ascii: "=") { k += 1 }
        guard k < lower.count, lower[k] == UInt8(ascii: "\"") || lower[k] == UInt8(ascii: "'") else { return }
        let quote = lower[k]
        let nameBytes = lower[(k + 1)...].prefix { $0 != quote }
        let name = String(decoding: nameBytes, as: UTF8.self)
        let accepted: Set<String> = ["utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin1", "iso-8859-15", "windows-1252", "cp1252"]
        guard accepted.contains(name) else {
            throw InputError(SourcePlace(file: file, line: line),
                             "the file declares the encoding \"\(name)\", which SlotMatch does not read",
                             remedy: "Export or save the file as UTF-8 (encoding=\"UTF-8\").")
        }
    }
}
