import SlotMatchCore

/// How a set of consultation modes is stored: SAS codes in canonical order, comma separated (`AMB,HH`).
enum ModeList {
    static func encode(_ modes: Set<ConsultationMode>) -> String {
        modes.sorted().map(\.code).joined(separator: ",")
    }

    /// The modes of a stored list, or nil if it holds an unknown code.
    static func decode(_ text: String) -> Set<ConsultationMode>? {
        var modes = Set<ConsultationMode>()
        for part in text.split(separator: ",") {
            guard let mode = ConsultationMode(code: String(part).trimmingSpaces) else { return nil }
            modes.insert(mode)
        }
        return modes
    }
}
