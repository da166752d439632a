/// The optimal assignment read off a min-cost flow: who gets which slot, and the loads it leaves.
public struct BalancedAssignment: Sendable, Hashable {
    /// The slot given to each request, or −1 (unassigned, or cancelled since).
    public var slotOfRequest: [Int32]
    /// Requests still waiting that got no slot (their penalty is in `cost`).
    public var unassigned: [Int32]
    /// Requests assigned to each practitioner (never above the weekly cap).
    public var practitionerLoads: [Int64]
    /// Requests assigned to each pole's practitioners.
    public var poleLoads: [Int64]
    /// Search costs + penalties of unassigned requests + load costs: the optimum.
    public var cost: Int64

    public init(slotOfRequest: [Int32], unassigned: [Int32], practitionerLoads: [Int64], poleLoads: [Int64], cost: Int64) {
        self.slotOfRequest = slotOfRequest; self.unassigned = unassigned
        self.practitionerLoads = practitionerLoads; self.poleLoads = poleLoads; self.cost = cost
    }
}
