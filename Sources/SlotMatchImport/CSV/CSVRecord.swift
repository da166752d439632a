/// One record of a CSV file (RFC 4180): its fields and the line it starts on (a quoted field may span lines).
struct CSVRecord: Sendable, Hashable {
    struct Field: Sendable, Hashable {
        /// The field's text: quotes removed and `""` read as `"`; unquoted fields trimmed of spaces.
        var text: String
        var wasQuoted: Bool
    }

    var line: Int
    var fields: [Field]

    /// A line with nothing on it (skipped, as spreadsheets leave them at the end).
    var isBlank: Bool { fields.count == 1 && !fields[0].wasQuoted && fields[0].text.isEmpty }
}
