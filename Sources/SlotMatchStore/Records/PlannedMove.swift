/// A move of the balance job as the store applies it: a `pending` appointment to another slot (cancel with reason
/// `rebooked`, then book the new slot, still `pending`), or a waiting request given a first `pending` slot.
public struct PlannedMove: Sendable, Hashable {
    public var requestID: String
    /// The pending appointment to move; nil to give a waiting request its first slot.
    public var appointmentID: Int64?
    /// The slot that appointment holds (checked: it must still hold it).
    public var fromSlotID: Int64?
    public var toSlotID: Int64
    /// What the move gains or loses in cost units (written to the audit entry).
    public var costDelta: Int64

    public init(requestID: String, appointmentID: Int64?, fromSlotID: Int64?, toSlotID: Int64, costDelta: Int64) {
        self.requestID = requestID; self.appointmentID = appointmentID; self.fromSlotID = fromSlotID
        self.toSlotID = toSlotID; self.costDelta = costDelta
    }
}
