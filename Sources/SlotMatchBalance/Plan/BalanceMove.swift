/// One change the balance job proposes: a pending appointment moved to another slot, or a waiting request
/// given a slot (then `appointmentID` and `fromSlot` are nil).
public struct BalanceMove: Sendable, Hashable {
    public var requestID: String
    /// The pending appointment that moves; nil for a new proposal to a waiting request.
    public var appointmentID: Int64?
    /// Index into `BalanceInput.slots` of the slot left, if any.
    public var fromSlot: Int32?
    /// Index into `BalanceInput.slots` of the slot taken.
    public var toSlot: Int32
    /// Edge cost after − edge cost before (the unassigned penalty before for a new proposal); load costs apart.
    public var costDelta: Int64

    public init(requestID: String, appointmentID: Int64?, fromSlot: Int32?, toSlot: Int32, costDelta: Int64) {
        self.requestID = requestID; self.appointmentID = appointmentID; self.fromSlot = fromSlot
        self.toSlot = toSlot; self.costDelta = costDelta
    }
}
