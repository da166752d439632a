import SlotMatchCore

/// What the balance job reads, in one consistent snapshot: the roster, free slots of the horizon, the `pending`
/// appointments of the horizon with their requests, the waiting requests, and every active appointment of the
/// weeks the horizon touches (for the weekly caps).
public struct BalanceSnapshot: Sendable, Hashable {
    public var practitioners: [Practitioner]
    /// Free slots starting in the horizon.
    public var freeSlots: [Slot]
    /// `pending` appointments (proposals not yet confirmed with the patient) whose slot starts in the horizon.
    public var pendingAppointments: [Appointment]
    /// The requests of those appointments, parallel to `pendingAppointments`.
    public var pendingAppointmentRequests: [StoredRequest]
    /// Requests with status `pending` (waiting for a slot).
    public var waitingRequests: [StoredRequest]
    /// Active (pending or booked) appointments whose slot starts in the weeks the horizon touches.
    public var weekAppointments: [Appointment]

    public init(practitioners: [Practitioner], freeSlots: [Slot], pendingAppointments: [Appointment],
                pendingAppointmentRequests: [StoredRequest], waitingRequests: [StoredRequest], weekAppointments: [Appointment]) {
        self.practitioners = practitioners; self.freeSlots = freeSlots; self.pendingAppointments = pendingAppointments
        self.pendingAppointmentRequests = pendingAppointmentRequests; self.waitingRequests = waitingRequests
        self.weekAppointments = weekAppointments
    }
}
