import SlotMatchCore

/// Splits CSV bytes into records by RFC 4180 §2: fields separated by a delimiter, records by CRLF or
/// LF, fields optionally in double quotes with `""` for a quote and line breaks allowed inside quotes.
/// The delimiter is `,`, or `;` when the header uses it (French spreadsheets save CSV with `;`).
/// A UTF-8 BOM is skipped; text must be UTF-8.
struct CSVRecordReader {
    let bytes: [UInt8]
    let file: String

    /// `;` when the first line has more semicolons than commas outside quotes, else `,`.
    func detectDelimiter() -> UInt8 {
        var commas = 0, semicolons = 0, quoted = false
        for b in bytes {
            if b == UInt8(ascii: "\"") { quoted.toggle() }
            else if !quoted && (b == 0x0A || b == 0x0D) { break }
            else if !quoted && b == UInt8(ascii: ",") { commas += 1 }
            else if !quoted && b == UInt8(ascii: ";") { semicolons += 1 }
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// Every non-blank record; structural problems (an unclosed quote, text after a closing quote,
    /// bytes that are not UTF-8) are errors with the line.
    func records(delimiter: UInt8) -> (records: [CSVRecord], errors: [InputError]) {
        var records: [CSVRecord] = []
        var errors: [InputError] = []
        let n = bytes.count
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        let quote = UInt8(ascii: "\"")
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        func decode(_ raw: ArraySlice<UInt8>, _ fieldLine: Int, _ column: Int) -> String {
            if let s = String(validating: raw, as: UTF8.self) { return s }
            errors.append(InputError(SourcePlace(file: file, line: fieldLine, column: column), "value \(column) is not UTF-8 text",
                                     remedy: "Save the spreadsheet as \"CSV UTF-8\" and import it again."))
            return String(decoding: raw, as: UTF8.self)
        }
        while i < n {
            let recordLine = line
            var fields: [CSVRecord.Field] = []
            var endOfRecord = false
            var broken = false
            while !endOfRecord {
                var raw: [UInt8] = []
                var wasQuoted = false
                // Leading spaces before a quote are tolerated.
                var j = i
                while j < n, isSpace(bytes[j]) { j += 1 }
                if j < n, bytes[j] == quote {
                    wasQuoted = true
                    let openLine = line
                    i = j + 1
                    var closed = false
                    while i < n {
                        let c = bytes[i]
                        if c == quote {
                            if i + 1 < n, bytes[i + 1] == quote { raw.append(quote); i += 2; continue }
                            i += 1; closed = true; break
                        }
                        if c == 0x0A { line += 1 }
                        raw.append(c); i += 1
                    }
                    guard closed else {
                        errors.append(InputError(SourcePlace(file: file, line: openLine, column: fields.count + 1),
                                                 "a quote opened in value \(fields.count + 1) is never closed",
                                                 remedy: "Add the closing double quote (\"), or remove the opening one."))
                        return (records, errors)
                    }
                    while i < n, isSpace(bytes[i]) { i += 1 }
                    if i < n, bytes[i] != delimiter, bytes[i] != 0x0A, bytes[i] != 0x0D {
                        errors.append(InputError(SourcePlace(file: file, line: line, column: fields.count + 1),
                                                 "there is text after the closing quote of value \(fields.count + 1)",
                                                 remedy: "Put the whole value inside the quotes, and write a quote inside it as \"\"."))
                        broken = true
                        while i < n, bytes[i] != delimiter, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
                    }
                } else {
                    while i < n, bytes[i] != delimiter, bytes[i] != 0x0A, bytes[i] != 0x0D { raw.append(bytes[i]); i += 1 }
                }
                let text = decode(raw[...], recordLine, fields.count + 1)
                fields.append(CSVRecord.Field(text: wasQuoted ? text : text.trimmingSpaces, wasQuoted: wasQuoted))
                if i < n, bytes[i] == delimiter {
                    i += 1
                    if i == n { fields.append(CSVRecord.Field(text: "", wasQuoted: false)); endOfRecord = true }
                } else {
                    if i < n, bytes[i] == 0x0D { i += 1 }
                    if i < n, bytes[i] == 0x0A { i += 1 }
                    line += 1
                    endOfRecord = true
                }
            }
            let record = CSVRecord(line: recordLine, fields: fields)
            if !record.isBlank && !broken { records.append(record) }
        }
        return (records, errors)
    }
}
