/// One request's result under a policy, by index into the replay instance (request order = time order).
public struct RequestOutcome: Sendable, Hashable {
    public var status: ReplayStatus
    /// Index of the slot booked in the instance, -1 when none.
    public var slot: Int32
    /// Index of the GP, -1 when none.
    public var practitioner: Int32
    /// The patient's travel minutes (0 for home visits and video).
    public var travelMinutes: Int32
    /// Minutes from the call to the slot's start.
    public var waitMinutes: Int32
    public var reason: UnservedReason?

    public init(status: ReplayStatus, slot: Int32 = -1, practitioner: Int32 = -1, travelMinutes: Int32 = 0,
                waitMinutes: Int32 = 0, reason: UnservedReason? = nil) {
        self.status = status; self.slot = slot; self.practitioner = practitioner
        self.travelMinutes = travelMinutes; self.waitMinutes = waitMinutes; self.reason = reason
    }
}
