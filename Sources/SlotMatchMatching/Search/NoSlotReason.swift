/// Why a search found nothing, in words the operator can act on (stable codes for the service).
public enum NoSlotReason: String, CaseIterable, Sendable, Hashable {
    /// There are reachable slots, but none starts in [now + travel, deadline].
    case nothingBeforeDeadline = "nothing-before-deadline"
    /// No GP with a free visible slot within the travel reach.
    case nothingWithinReach = "nothing-within-reach"
    /// Slots in the window exist but every one of their GPs has reached the weekly SNP cap.
    case allCapped = "all-capped"
    /// Reachable GPs have slots, but none in the modes wanted (or home visits beyond their radius).
    case modeUnavailable = "mode-unavailable"
}
