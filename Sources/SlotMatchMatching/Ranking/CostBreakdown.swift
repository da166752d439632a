/// The terms of one slot's cost, so the operator sees why it ranks where it does; they sum to the cost.
public struct CostBreakdown: Sendable, Hashable {
    public var travel: Int
    public var wait: Int
    /// ≤ 0: minus the bonus when the slot is the treating GP's.
    public var treatingGP: Int
    public var practitionerLoad: Int
    public var poleLoad: Int

    public init(travel: Int, wait: Int, treatingGP: Int, practitionerLoad: Int, poleLoad: Int) {
        self.travel = travel; self.wait = wait; self.treatingGP = treatingGP
        self.practitionerLoad = practitionerLoad; self.poleLoad = poleLoad
    }

    public var total: Int { travel + wait + treatingGP + practitionerLoad + poleLoad }
}
