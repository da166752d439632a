/// A day of the week, numbered as ISO 8601 does (Monday = 1 … Sunday = 7).
///
/// RFC 5545 names them MO … SU; the recurrence engine and the weekday demand profiles use this type.
public enum Weekday: Int, CaseIterable, Sendable, Hashable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// 1970-01-01 was a Thursday.
    @inlinable public init(daysSinceEpoch days: Int) {
        let r = ((days % 7) + 7 + 3) % 7  // 0 = Monday
        self = Weekday(rawValue: r + 1)!
    }

    /// The RFC 5545 two-letter code (`MO` … `SU`).
    public var icalCode: String { ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][rawValue - 1] }

    public init?(icalCode: String) {
        guard let i = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"].firstIndex(of: icalCode.uppercased()) else { return nil }
        self = Weekday(rawValue: i + 1)!
    }

    public static func < (a: Weekday, b: Weekday) -> Bool { a.rawValue < b.rawValue }
}
