/// One line of the triage rule book: when a call matches (reason, age band, mobility, required flags),
/// the level, the consultation modes allowed and the rationale the operator reads out.
///
/// A nil or empty condition matches anything; the rule book tries rules in order and the first match decides.
public struct TriageRule: Sendable, Hashable, Identifiable {
    /// A stable id shown in every decision (`fever-adult`), so a decision can be traced to its rule.
    public var id: String
    /// The reason code this rule is about; nil matches every reason.
    public var reason: String?
    /// Age bands the rule applies to; empty means every band (and an unknown band).
    public var ageBands: Set<AgeBand>
    /// Mobilities the rule applies to; empty means every mobility.
    public var mobilities: Set<PatientMobility>
    /// Flags that must all have been heard for the rule to apply (non-red flags such as `fever_over_3_days`).
    public var requiredFlags: Set<String>
    public var level: UrgencyLevel
    /// Modes a slot may have; empty when the level gives no slot.
    public var modes: Set<ConsultationMode>
    public var rationale: String

    public init(id: String, reason: String?, ageBands: Set<AgeBand> = [], mobilities: Set<PatientMobility> = [],
                requiredFlags: Set<String> = [], level: UrgencyLevel, modes: Set<ConsultationMode>, rationale: String) {
        self.id = id; self.reason = reason; self.ageBands = ageBands; self.mobilities = mobilities
        self.requiredFlags = requiredFlags; self.level = level; self.modes = modes; self.rationale = rationale
    }

    /// Whether this rule applies to the call.
    public func matches(_ input: TriageInput) -> Bool {
        if let reason, reason != input.reason { return false }
        if !ageBands.isEmpty {
            guard let band = input.ageBand, ageBands.contains(band) else { return false }
        }
        if !mobilities.isEmpty && !mobilities.contains(input.mobility) { return false }
        return requiredFlags.isSubset(of: input.flags)
    }
}
