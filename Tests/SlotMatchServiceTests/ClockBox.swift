import SlotMatchCore

/// A settable clock shared by a fixture's desks.
final class ClockBox: @unchecked Sendable {
    var now: Instant
    init(_ now: Instant) { self.now = now }
}
