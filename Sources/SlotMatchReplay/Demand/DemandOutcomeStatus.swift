/// How a booked consultation ended: seen, not come, or cancelled before.
public enum DemandOutcomeStatus: String, CaseIterable, Sendable, Hashable {
    case fulfilled
    case noshow
    case cancelled
}
