/// What a replayed request ended with (named apart from the store's `RequestStatus`, the live request's state).
public enum ReplayStatus: String, CaseIterable, Sendable, Hashable {
    /// A slot starting by the deadline.
    case servedInTarget = "served-in-target"
    /// A slot, but after the deadline (within the grace).
    case servedOutsideTarget = "served-outside-target"
    /// No slot.
    case unserved
    /// Vital: handed to the SAMU-15 at once, no GP slot.
    case samu
    /// Advice only: no slot needed.
    case advice
}
