/// A planned move the store did not apply, and why (its slot was taken meanwhile, the appointment was confirmed
/// or cancelled meanwhile, the GP reached the cap, or the slot it needed was not freed).
public struct SkippedMove: Sendable, Hashable {
    public var move: PlannedMove
    /// A `BookingError` code (`slot-unavailable`, `cap-reached`, …) or `changed-meanwhile`, `depends-on-skipped`.
    public var code: String
    public var reason: String
    public init(move: PlannedMove, code: String, reason: String) { self.move = move; self.code = code; self.reason = reason }
}
