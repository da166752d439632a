/// How soon a patient must be seen, as the regulation line grades it.
///
/// `vital` is handed to the SAMU-15 at once and `advice` needs no slot; the others carry a
/// maximum delay (their defaults here; the triage rule file may change the delays).
public enum UrgencyLevel: String, CaseIterable, Sendable, Hashable, Comparable {
    case vital
    case urgent
    case sameDay = "same-day"
    case within24h = "within-24h"
    case within48h = "within-48h"
    case advice

    /// Default maximum delay from the call, in seconds; nil where no GP slot is given.
    public var defaultMaximumDelaySeconds: Int64? {
        switch self {
        case .vital, .advice: return nil
        case .urgent: return 4 * 3600
        case .sameDay: return 12 * 3600
        case .within24h: return 24 * 3600
        case .within48h: return 48 * 3600
        }
    }

    /// Whether a GP slot may be given at this level.
    public var mayReceiveSlot: Bool { defaultMaximumDelaySeconds != nil }

    /// More urgent first.
    public static func < (a: UrgencyLevel, b: UrgencyLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
