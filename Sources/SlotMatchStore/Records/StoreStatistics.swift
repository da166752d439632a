/// How many rows each table holds, and where the change sequence stands: for tests, the demo and `stats`.
public struct StoreStatistics: Sendable, Hashable {
    public var schemaVersion: Int
    public var practitioners: Int
    public var slots: Int
    /// Slots by status: free, held, booked, blocked.
    public var freeSlots: Int
    public var heldSlots: Int
    public var bookedSlots: Int
    public var blockedSlots: Int
    public var requests: Int
    public var appointments: Int
    public var auditEntries: Int
    public var imports: Int
    public var changeSequence: Int64

    public init(schemaVersion: Int = 0, practitioners: Int = 0, slots: Int = 0, freeSlots: Int = 0, heldSlots: Int = 0,
                bookedSlots: Int = 0, blockedSlots: Int = 0, requests: Int = 0, appointments: Int = 0,
                auditEntries: Int = 0, imports: Int = 0, changeSequence: Int64 = 0) {
        self.schemaVersion = schemaVersion; self.practitioners = practitioners; self.slots = slots
        self.freeSlots = freeSlots; self.heldSlots = heldSlots; self.bookedSlots = bookedSlots; self.blockedSlots = blockedSlots
        self.requests = requests; self.appointments = appointments; self.auditEntries = auditEntries
        self.imports = imports; self.changeSequence = changeSequence
    }
}
