import SlotMatchCore
import SlotMatchMatching

/// A request the job re-optimises: waiting for a slot, or holding a `pending` appointment it may move.
public struct BalanceRequest: Sendable, Hashable {
    /// The pending appointment a request holds now.
    public struct Current: Sendable, Hashable {
        public var appointmentID: Int64
        /// Index into `BalanceInput.slots`.
        public var slot: Int32
        public init(appointmentID: Int64, slot: Int32) { self.appointmentID = appointmentID; self.slot = slot }
    }

    public var id: String
    public var location: GeoPoint
    public var urgency: UrgencyLevel
    /// UTC seconds: no slot starting later is a candidate (deadlines are hard).
    public var deadline: Int64
    public var modes: ModeSet
    /// Index of the patient's treating GP in `BalanceInput.practitioners`, if on the roster.
    public var treatingPractitioner: Int32?
    public var current: Current?

    public init(id: String, location: GeoPoint, urgency: UrgencyLevel, deadline: Int64, modes: ModeSet = [.office],
                treatingPractitioner: Int32? = nil, current: Current? = nil) {
        self.id = id; self.location = location; self.urgency = urgency; self.deadline = deadline; self.modes = modes
        self.treatingPractitioner = treatingPractitioner; self.current = current
    }
}
