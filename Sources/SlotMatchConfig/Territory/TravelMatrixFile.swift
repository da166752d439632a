import Foundation
import SlotMatchCore

/// Reads a measured travel-time matrix: CSV `from_insee,to_insee,minutes` with a header line.
///
/// A pair given once is used both ways (see `TravelMatrix`); errors name the line.
public enum TravelMatrixFile {
    public static let columns = ["from_insee", "to_insee", "minutes"]

    /// Reads the file at `path`; when `knownCommunes` is given, every code must be one of them.
    public static func load(path: String, knownCommunes: Set<String>? = nil) throws(InputError) -> TravelMatrix {
        let bytes = try FileInput.bytes(path: path, what: "travel-time matrix")
        return try parse(bytes: bytes, file: path, knownCommunes: knownCommunes)
    }

    public static func parse(bytes: [UInt8], file: String? = nil, knownCommunes: Set<String>? = nil) throws(InputError) -> TravelMatrix {
        let table = try CSVTable(bytes: bytes, file: file, requiredColumns: columns)
        var matrix = TravelMatrix()
        for row in table.rows {
            let from = table.value("from_insee", in: row), to = table.value("to_insee", in: row)
            let text = table.value("minutes", in: row)
            for code in [from, to] {
                if code.isEmpty {
                    throw InputError(SourcePlace(file: file, line: row.line), "an INSEE code is missing",
                                     remedy: "Give both from_insee and to_insee on every line.")
                }
                if let known = knownCommunes, !known.contains(code) {
                    throw InputError(SourcePlace(file: file, line: row.line), "the INSEE code \(code) is not a commune of the territory",
                                     remedy: "Use the INSEE codes listed in the territory file.")
                }
            }
            guard let minutes = Int(text), minutes >= 0 else {
                throw InputError(SourcePlace(file: file, line: row.line), "the travel time \"\(text)\" is not a whole number of minutes",
                                 remedy: "Write the minutes as a whole number, 0 or more (for example 12).")
            }
            matrix.set(from: from, to: to, minutes: minutes)
        }
        return matrix
    }
}
