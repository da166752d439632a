import SlotMatchCore

/// One practitioner's entry as read from a roster file, before validation: raw texts by column,
/// and where the entry sits (CSV line or JSON path) so each problem can be placed.
struct RosterRow: Sendable {
    enum Value: Sendable { case text(String); case list([String]) }

    var values: [String: Value]
    var csvFile: String?
    var line: Int?
    var jsonPath: String?

    /// The place of one field: `roster.csv:4` or `roster.json at $[3].modes`.
    func place(of key: String) -> SourcePlace {
        SourcePlace(file: csvFile, line: line, jsonPath: jsonPath.map { $0 + "." + key })
    }

    func text(_ key: String) -> String {
        switch values[key] {
        case .text(let s): return s
        case .list(let l): return l.joined(separator: "|")
        case nil: return ""
        }
    }

    /// Mode codes split on `|` or `;` (commas and spaces also separate, for hand-typed files).
    func modeCodes() -> [String] {
        switch values["modes"] {
        case .list(let l): return l.map(\.trimmingSpaces).filter { !$0.isEmpty }
        case .text(let s):
            return s.split(whereSeparator: { $0 == "|" || $0 == ";" || $0 == "," || $0 == " " || $0 == "+" })
                .map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        case nil: return []
        }
    }

    /// nil when empty; `.some(nil)` when present but not a yes/no word.
    func flag(_ key: String) -> Bool?? {
        let s = text(key).lowercased()
        if s.isEmpty { return .none }
        switch s {
        case "yes", "y", "true", "1", "oui", "o": return .some(true)
        case "no", "n", "false", "0", "non": return .some(false)
        default: return .some(nil)
        }
    }

    /// nil when empty; `.some(nil)` when present but not a number.
    func number(_ key: String) -> Double?? {
        let s = text(key).replacingDecimalComma()
        if s.isEmpty { return .none }
        guard let d = Double(s), d.isFinite else { return .some(nil) }
        return .some(d)
    }
}

extension String {
    /// `7,5` → `7.5` (French spreadsheets).
    fileprivate func replacingDecimalComma() -> String { String(map { $0 == "," ? "." : $0 }) }
}
