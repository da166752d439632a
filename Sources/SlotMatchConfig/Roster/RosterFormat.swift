/// The two shapes a roster file may take.
public enum RosterFormat: String, Sendable, Hashable {
    /// `rpps,name,commune_insee,modes,snp,weekly_cap,home_radius_km` with a header line.
    case csv
    /// An array of objects with the same keys.
    case json

    /// By extension (`.csv`, `.json`), else by content: a document starting with `[` or `{` is JSON.
    public static func detect(path: String, bytes: [UInt8]) -> RosterFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".json") { return .json }
        if lower.hasSuffix(".csv") { return .csv }
        let first = bytes.drop(while: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }).first
        return first == UInt8(ascii: "[") || first == UInt8(ascii: "{") ? .json : .csv
    }
}
