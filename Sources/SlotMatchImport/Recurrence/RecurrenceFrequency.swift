/// How often the intervals of a recurrence rule come round: RFC 5545 §3.3.10 `FREQ`.
///
/// Ordered from the finest (`secondly`) to the coarsest (`yearly`), so that "finer than DAILY"
/// reads as `frequency < .daily` in the expansion table.
public enum RecurrenceFrequency: Int, Sendable, Hashable, CaseIterable, Comparable {
    case secondly, minutely, hourly, daily, weekly, monthly, yearly

    /// The RFC 5545 name (`SECONDLY` … `YEARLY`).
    public var icalName: String {
        switch self {
        case .secondly: return "SECONDLY"
        case .minutely: return "MINUTELY"
        case .hourly: return "HOURLY"
        case .daily: return "DAILY"
        case .weekly: return "WEEKLY"
        case .monthly: return "MONTHLY"
        case .yearly: return "YEARLY"
        }
    }

    /// Reads a `FREQ` value, case-insensitively.
    public init?(icalName: String) {
        guard let match = RecurrenceFrequency.allCases.first(where: { $0.icalName == icalName.uppercased() }) else { return nil }
        self = match
    }

    public static func < (a: RecurrenceFrequency, b: RecurrenceFrequency) -> Bool { a.rawValue < b.rawValue }
}
