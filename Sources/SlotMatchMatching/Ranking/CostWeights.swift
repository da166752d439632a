/// The weights of the one ranking cost, in cost units (docs/ranking.md). All are ≥ 0; the treating-GP
/// bonus is subtracted. The config file's field names are these property names.
///
/// cost = travelMinute × travel minutes + waitMinute × waiting minutes − treatingGPBonus (treating GP only)
///      + practitionerLoad × (GP's used/cap in ‰) / 1000 + poleLoad × (pole's used/cap in ‰) / 1000
public struct CostWeights: Sendable, Hashable {
    /// Cost of one minute of travel (patient to practice, or GP to home).
    public var travelMinute: Int
    /// Cost of one minute between now and the slot's start.
    public var waitMinute: Int
    /// Subtracted when the slot belongs to the patient's treating GP (the SAS tries them first).
    public var treatingGPBonus: Int
    /// Cost of a GP at full weekly cap (scaled by used/cap), to spread demand over GPs.
    public var practitionerLoad: Int
    /// Cost of a pole at full weekly capacity (scaled by its GPs' used/cap), to spread demand over poles.
    public var poleLoad: Int

    public init(travelMinute: Int = 3, waitMinute: Int = 1, treatingGPBonus: Int = 240,
                practitionerLoad: Int = 120, poleLoad: Int = 60) {
        self.travelMinute = travelMinute; self.waitMinute = waitMinute; self.treatingGPBonus = treatingGPBonus
        self.practitionerLoad = practitionerLoad; self.poleLoad = poleLoad
    }

    public static let defaults = CostWeights()

    /// The largest weight the search uses: keeps every cost far from integer overflow.
    public static let maximum = 1_000_000

    /// The same weights within [0, `maximum`]: the search's lower bounds need non-negative terms.
    public var clamped: CostWeights {
        func c(_ w: Int) -> Int { min(CostWeights.maximum, max(0, w)) }
        return CostWeights(travelMinute: c(travelMinute), waitMinute: c(waitMinute), treatingGPBonus: c(treatingGPBonus),
                           practitionerLoad: c(practitionerLoad), poleLoad: c(poleLoad))
    }
}
