/// Why a request got no slot, found by looking at the slots of the GPs within reach.
public enum UnservedReason: String, CaseIterable, Sendable, Hashable {
    /// No GP within the travel reach.
    case nothingWithinReach = "nothing-within-reach"
    /// GPs within reach, none with a slot in a wanted mode (or home visits beyond their radius).
    case modeUnavailable = "mode-unavailable"
    /// No slot in a wanted mode starting between the call (plus travel) and the deadline.
    case nothingBeforeDeadline = "nothing-before-deadline"
    /// Such slots existed but were booked by other patients.
    case slotsTaken = "slots-taken"
    /// Free such slots existed but their GPs had reached the weekly SNP cap.
    case allCapped = "all-capped"
    /// `logged` only: the log records no booking for the request.
    case notBooked = "not-booked"
}
