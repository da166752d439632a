/// Where a slot stands in its life: offered, reserved for a moment, given to a patient, or withdrawn.
public enum SlotStatus: String, CaseIterable, Sendable, Hashable {
    case free, held, booked, blocked
}
