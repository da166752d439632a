import SlotMatchCore

/// What became of a past request, where the log knows it: the slot booked (start and GP) and whether
/// the patient came. Replay ignores it for the policies (they choose again) and reports it as "as booked".
public struct DemandOutcome: Sendable, Hashable {
    public var bookedStart: Instant?
    public var practitioner: RPPS?
    public var status: DemandOutcomeStatus?

    public init(bookedStart: Instant? = nil, practitioner: RPPS? = nil, status: DemandOutcomeStatus? = nil) {
        self.bookedStart = bookedStart; self.practitioner = practitioner; self.status = status
    }

    public var isEmpty: Bool { bookedStart == nil && practitioner == nil && status == nil }
}
