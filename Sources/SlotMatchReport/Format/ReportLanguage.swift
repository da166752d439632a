/// The report's language: French or English, with the number and date conventions of each.
public enum ReportLanguage: String, CaseIterable, Sendable, Hashable {
    case fr
    case en

    /// From `LC_ALL`, then `LC_MESSAGES`, then `LANG` (`fr_FR.UTF-8` → French); English otherwise.
    public static func fromEnvironment(_ environment: [String: String]) -> ReportLanguage {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = environment[key], !v.isEmpty { return v.lowercased().hasPrefix("fr") ? .fr : .en }
        }
        return .en
    }
}
