/// The language of the balance report: French or English.
public enum BalanceReportLanguage: String, Sendable, Hashable, CaseIterable {
    case french = "fr"
    case english = "en"

    /// The default from the locale: `LC_ALL`, else `LC_MESSAGES`, else `LANG` (the first one set and non-empty,
    /// as POSIX orders them); French when it starts with `fr`, English otherwise.
    public static func fromLocale(_ environment: [String: String]) -> BalanceReportLanguage {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty { return value.lowercased().hasPrefix("fr") ? .french : .english }
        }
        return .english
    }
}
