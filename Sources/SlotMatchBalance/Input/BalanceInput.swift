import SlotMatchCore

/// Everything one balance run works on, as values: the roster, poles, the slots it may give within the
/// horizon, and the requests it re-optimises. The CLI reads them from the store; tests build them by hand.
public struct BalanceInput: Sendable, Hashable {
    /// UTC seconds: the run's one "now".
    public var now: Int64
    /// UTC seconds: the end of the horizon (slots start in [now, horizonEnd)).
    public var horizonEnd: Int64
    public var practitioners: [BalancePractitioner]
    public var poles: [BalancePole]
    public var slots: [BalanceSlot]
    public var requests: [BalanceRequest]
    /// The zone whose ISO weeks the weekly caps count in (Europe/Paris).
    public var weekZone: ZoneRules

    public init(now: Int64, horizonEnd: Int64, practitioners: [BalancePractitioner], poles: [BalancePole],
                slots: [BalanceSlot], requests: [BalanceRequest], weekZone: ZoneRules) {
        self.now = now; self.horizonEnd = horizonEnd; self.practitioners = practitioners; self.poles = poles
        self.slots = slots; self.requests = requests; self.weekZone = weekZone
    }

    /// Throws the first index out of range or doubled slot, placed by a JSON-style path.
    public func validate() throws(InputError) {
        func fail(_ path: String, _ problem: String, _ remedy: String) -> InputError {
            InputError(SourcePlace(jsonPath: path), problem, remedy: remedy)
        }
        for (i, p) in practitioners.enumerated() {
            if p.pole < -1 || Int(p.pole) >= poles.count {
                throw fail("$.practitioners[\(i)].pole", "pole \(p.pole) does not exist", "Use an index below \(poles.count), or -1.")
            }
            if p.weeklyCap < 0 { throw fail("$.practitioners[\(i)].weeklyCap", "the cap \(p.weeklyCap) is negative", "Give 0 or more.") }
        }
        var seen = Set<Int64>()
        for (i, s) in slots.enumerated() {
            if s.practitioner < 0 || Int(s.practitioner) >= practitioners.count {
                throw fail("$.slots[\(i)].practitioner", "practitioner \(s.practitioner) does not exist", "Use an index below \(practitioners.count).")
            }
            if !seen.insert(s.id).inserted { throw fail("$.slots[\(i)].id", "slot \(s.id) is listed twice", "List each slot once.") }
        }
        var held = Set<Int32>()
        for (i, r) in requests.enumerated() {
            if let t = r.treatingPractitioner, t < 0 || Int(t) >= practitioners.count {
                throw fail("$.requests[\(i)].treatingPractitioner", "practitioner \(t) does not exist", "Use an index below \(practitioners.count).")
            }
            if let c = r.current {
                if c.slot < 0 || Int(c.slot) >= slots.count {
                    throw fail("$.requests[\(i)].current.slot", "slot \(c.slot) does not exist", "Use an index below \(slots.count).")
                }
                if !held.insert(c.slot).inserted {
                    throw fail("$.requests[\(i)].current.slot", "slot \(c.slot) is held by two requests", "Give each pending appointment its own slot.")
                }
            }
        }
    }
}
