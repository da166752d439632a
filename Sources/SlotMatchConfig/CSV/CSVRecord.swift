/// One record of a CSV file: its fields, and the line it starts on (1-based, for error messages).
public struct CSVRecord: Sendable, Hashable {
    /// The line of the file where the record begins (a quoted field may span lines).
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) { self.line = line; self.fields = fields }

    /// The field at `index`, or the empty string when the record is short.
    public subscript(index: Int) -> String { index < fields.count ? fields[index] : "" }
}
