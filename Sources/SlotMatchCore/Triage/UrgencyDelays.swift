/// The maximum delay of each urgency level that may receive a GP slot, in seconds.
///
/// Defaults are the SAS grading (urgent 4 h, same-day 12 h, 24 h, 48 h: the SAS target for
/// unscheduled care); a CPTS may change them in its rule file. `vital` and `advice` never get a slot.
public struct UrgencyDelays: Sendable, Hashable {
    public var urgentSeconds: Int64
    public var sameDaySeconds: Int64
    public var within24hSeconds: Int64
    public var within48hSeconds: Int64

    public init(urgentSeconds: Int64 = 4 * 3600, sameDaySeconds: Int64 = 12 * 3600,
                within24hSeconds: Int64 = 24 * 3600, within48hSeconds: Int64 = 48 * 3600) {
        self.urgentSeconds = urgentSeconds; self.sameDaySeconds = sameDaySeconds
        self.within24hSeconds = within24hSeconds; self.within48hSeconds = within48hSeconds
    }

    public static let defaults = UrgencyDelays()

    /// The maximum delay for `level`; nil for `vital` (SAMU-15 at once) and `advice` (no slot).
    public func maximumDelaySeconds(for level: UrgencyLevel) -> Int64? {
        switch level {
        case .vital, .advice: return nil
        case .urgent: return urgentSeconds
        case .sameDay: return sameDaySeconds
        case .within24h: return within24hSeconds
        case .within48h: return within48hSeconds
        }
    }
}
