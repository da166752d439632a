import SlotMatchCore

/// One occurrence of a calendar component after recurrence expansion: where the series put it
/// (`recurrenceID`, the key a RECURRENCE-ID override names) and when it actually happens.
struct ComponentInstance: Sendable, Hashable {
    /// The instance's original start, as the series generates it (RFC 5545 §3.8.4.4).
    var recurrenceID: Instant
    var start: Instant
    var end: Instant
}
