import SlotMatchCore

/// A CSV file with a header line: the columns by name and the data records below them.
public struct CSVTable: Sendable {
    /// Column names as written in the header, trimmed and lower-cased.
    public var columns: [String]
    public var rows: [CSVRecord]

    /// Reads a document whose first record names the columns; every name in `requiredColumns` must be present.
    public init(bytes: [UInt8], file: String? = nil, requiredColumns: [String], reader: CSVReader = CSVReader()) throws(InputError) {
        var records = try reader.records(in: bytes, file: file)
        guard !records.isEmpty else {
            throw InputError(SourcePlace(file: file, line: 1), "the file is empty",
                             remedy: "Start with the header line \(requiredColumns.joined(separator: ",")).")
        }
        let header = records.removeFirst()
        let names = header.fields.map { $0.trimmingSpaces.lowercased() }
        let missing = requiredColumns.filter { !names.contains($0) }
        guard missing.isEmpty else {
            throw InputError(SourcePlace(file: file, line: header.line),
                             "the header lacks the column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", "))",
                             remedy: "Make the first line name the columns: \(requiredColumns.joined(separator: ",")).")
        }
        columns = names
        rows = records
    }

    /// The index of a column by (lower-case) name.
    public func column(_ name: String) -> Int? { columns.firstIndex(of: name) }

    /// The trimmed value of a named column in a record ("" when the column or the field is missing).
    public func value(_ name: String, in record: CSVRecord) -> String {
        guard let i = column(name) else { return "" }
        return record[i].trimmingSpaces
    }
}
