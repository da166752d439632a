import SlotMatchCore

/// Reads comma-separated values as RFC 4180 defines them, over bytes, with line numbers.
///
/// Accepts CRLF or LF line ends, a UTF-8 byte order mark, and blank lines (skipped); refuses an
/// unterminated quote or text after a closing quote, naming the line. Reusable by every CSV reader
/// (roster, travel matrix, availability spreadsheets).
public struct CSVReader: Sendable {
    /// The field separator: `,` by RFC 4180; `;` for spreadsheets saved in French locales.
    public var delimiter: UInt8

    public init(delimiter: UInt8 = UInt8(ascii: ",")) { self.delimiter = delimiter }

    /// All records of a document, blank lines left out.
    public func records(in text: String, file: String? = nil) throws(InputError) -> [CSVRecord] {
        try records(in: Array(text.utf8), file: file)
    }

    /// All records of a document given as UTF-8 bytes, blank lines left out.
    public func records(in bytes: [UInt8], file: String? = nil) throws(InputError) -> [CSVRecord] {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        var line = 1
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var recordLine = 1
        var fieldWasQuoted = false

        func endRecord() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }

        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if field.isEmpty && !fieldWasQuoted && b == quote {
                // RFC 4180 §2.5–2.7: a quoted field; "" inside stands for one quote; may hold line breaks.
                let openingLine = line
                fieldWasQuoted = true
                i += 1
                var closed = false
                while i < n {
                    let c = bytes[i]
                    if c == quote {
                        if i + 1 < n && bytes[i + 1] == quote { field.append(quote); i += 2; continue }
                        closed = true; i += 1; break
                    }
                    if c == lf { line += 1 }
                    field.append(c)
                    i += 1
                }
                guard closed else {
                    throw InputError(SourcePlace(file: file, line: openingLine), "a quoted field opened on this line is never closed",
                                     remedy: "Add the closing double quote (write a quote inside a field as two quotes: \"\").")
                }
                if i < n, bytes[i] != delimiter, bytes[i] != cr, bytes[i] != lf {
                    throw InputError(SourcePlace(file: file, line: line), "text follows a closing quote inside a field",
                                     remedy: "Quote the whole field, and double any quote inside it (\"\").")
                }
                continue
            }
            if b == delimiter {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                fieldWasQuoted = false
                i += 1
            } else if b == cr || b == lf {
                endRecord()
                if b == cr && i + 1 < n && bytes[i + 1] == lf { i += 1 }
                i += 1
                line += 1
                recordLine = line
            } else {
                field.append(b)
                i += 1
            }
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }
}
