import SlotMatchCore

/// How much of one GP's (or one pole's) published supply a policy used, and how often the weekly cap bit.
public struct PracticeLoad: Sendable, Hashable {
    /// An RPPS number or a pole id.
    public var key: String
    public var slotsOffered = 0
    public var booked = 0
    /// GP-weeks with slots, and those where the weekly SNP cap was reached.
    public var weeksWithSupply = 0
    public var weeksAtCap = 0

    public init(key: String) { self.key = key }

    public var utilisation: Double { slotsOffered == 0 ? 0 : Double(booked) / Double(slotsOffered) }
    /// Cap pressure: the share of GP-weeks at the cap.
    public var capPressure: Double { weeksWithSupply == 0 ? 0 : Double(weeksAtCap) / Double(weeksWithSupply) }
}
