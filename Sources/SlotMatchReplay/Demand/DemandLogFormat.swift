/// The two spellings of a demand log: CSV with a header line, or JSON Lines (one object a line).
public enum DemandLogFormat: String, CaseIterable, Sendable, Hashable {
    case csv
    case jsonl

    /// The format a file name implies (`.jsonl`/`.ndjson` → JSON Lines, else CSV), or the content's first byte (`{`).
    public static func detect(file: String, bytes: [UInt8]) -> DemandLogFormat {
        let lower = file.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonl }
        if lower.hasSuffix(".csv") { return .csv }
        let first = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        return first == UInt8(ascii: "{") ? .jsonl : .csv
    }
}
