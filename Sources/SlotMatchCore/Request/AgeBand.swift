/// A patient's age as a band, never a birth date: enough for triage, not enough to identify.
public enum AgeBand: String, CaseIterable, Sendable, Hashable {
    case infant = "0-2"
    case child = "3-15"
    case adult = "16-64"
    case senior = "65-79"
    case elderly = "80+"

    public init?(code: String) { self.init(rawValue: code) }
}
