import SlotMatchCore

/// A slot given to a care request, with who gave it and how it ended.
public struct Appointment: Sendable, Hashable {
    public var id: Int64
    /// The slot as it is stored now (its status is `booked` while the appointment is active).
    public var slot: Slot
    public var requestID: String
    public var status: AppointmentStatus
    /// Booked beyond the urgency's deadline (no slot was feasible in time): counted apart in the statistics.
    public var outsideTarget: Bool
    /// The operator who booked it.
    public var operatorID: String
    public var createdAt: Instant
    public var updatedAt: Instant
    public var cancelReason: CancelReason?
    /// The hold it was booked from, if any.
    public var holdID: String?

    public init(id: Int64, slot: Slot, requestID: String, status: AppointmentStatus, outsideTarget: Bool, operatorID: String,
                createdAt: Instant, updatedAt: Instant, cancelReason: CancelReason? = nil, holdID: String? = nil) {
        self.id = id; self.slot = slot; self.requestID = requestID; self.status = status; self.outsideTarget = outsideTarget
        self.operatorID = operatorID; self.createdAt = createdAt; self.updatedAt = updatedAt
        self.cancelReason = cancelReason; self.holdID = holdID
    }
}
