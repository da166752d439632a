/// Where a care request stands: waiting for a slot, with an active appointment, or done with.
public enum RequestStatus: String, CaseIterable, Sendable, Hashable {
    /// Stored and not (or no longer) holding an active appointment: the balance job's queue.
    case pending
    /// Has a pending or booked appointment.
    case booked
    /// Nothing more to do: an outcome was recorded, or the appointment was cancelled for good.
    case closed
}
