/// The triage rules of a CPTS: which flags are red flags, the ordered rules, the fallback when no rule
/// matches, and the maximum delay of each level.
///
/// Deciding is pure and deterministic:
/// 1. any red flag heard → `vital` (hand to SAMU-15 at once, no slot), whatever the rules say;
/// 2. else the first rule in order that matches; else the fallback;
/// 3. a bedridden patient is never sent to the office: `AMB` becomes `HH`;
/// 4. a regulating doctor's override sets the level last; the decision keeps the original level and the author.
/// The JSON rule-file reader lives in SlotMatchConfig; this type is its model.
public struct TriageRuleBook: Sendable, Hashable {
    /// Flags that make the call vital on their own.
    public var redFlags: Set<String>
    public var rules: [TriageRule]
    /// Decides when no rule matches (an unknown reason, an age band no rule covers).
    public var fallback: TriageRule
    public var delays: UrgencyDelays

    public init(redFlags: Set<String>, rules: [TriageRule], fallback: TriageRule, delays: UrgencyDelays = .defaults) {
        self.redFlags = redFlags; self.rules = rules; self.fallback = fallback; self.delays = delays
    }

    /// The rule that applies to the call, ignoring red flags: the first match, else the fallback.
    public func rule(for input: TriageInput) -> TriageRule {
        rules.first(where: { $0.matches(input) }) ?? fallback
    }

    /// Triage of one call, with an optional override by a regulating doctor.
    public func decide(_ input: TriageInput, override: TriageOverride? = nil) -> TriageDecision {
        let rule = rule(for: input)
        let ruleModes = TriageRuleBook.modes(rule.modes, level: rule.level, mobility: input.mobility)
        var level = rule.level
        var modes = ruleModes
        var ruleID = rule.id
        var rationale = rule.rationale
        if input.mobility == .bedridden && rule.modes.contains(.office) && level.mayReceiveSlot {
            rationale += " Patient alité : visite à domicile plutôt qu'au cabinet."
        }
        let heardRed = input.flags.intersection(redFlags).sorted()
        if let first = heardRed.first {
            // Red flags win over every rule that would give a slot.
            level = .vital
            modes = []
            ruleID = "red-flag:" + first
            rationale = "Signe de gravité (" + heardRed.joined(separator: ", ")
                + ") : transfert immédiat au SAMU-15, pas de créneau de médecin généraliste."
        }
        let original = level
        var author: String? = nil
        if let override {
            author = override.authorID
            if override.level != level {
                rationale += " Niveau modifié par le médecin régulateur (" + original.rawValue + " → " + override.level.rawValue + ")."
            } else {
                rationale += " Niveau confirmé par le médecin régulateur."
            }
            level = override.level
            if !level.mayReceiveSlot {
                modes = []
            } else if modes.isEmpty {
                // Overridden away from vital/advice: the rule's own modes, else the fallback's.
                modes = !ruleModes.isEmpty ? ruleModes
                    : TriageRuleBook.modes(fallback.modes, level: level, mobility: input.mobility)
                if modes.isEmpty { modes = TriageRuleBook.modes(Set(ConsultationMode.allCases), level: level, mobility: input.mobility) }
            }
        }
        let deadline = delays.maximumDelaySeconds(for: level).map { input.receivedAt.adding(seconds: $0) }
        return TriageDecision(level: level, deadline: deadline, modes: modes, ruleID: ruleID, rationale: rationale,
                              originalLevel: original, overrideAuthorID: author)
    }

    /// The modes a slot may have at `level` for this mobility: none without a slot; no office for a bedridden patient.
    static func modes(_ modes: Set<ConsultationMode>, level: UrgencyLevel, mobility: PatientMobility) -> Set<ConsultationMode> {
        guard level.mayReceiveSlot else { return [] }
        var result = modes
        if mobility == .bedridden && result.contains(.office) {
            result.remove(.office)
            result.insert(.homeVisit)
        }
        return result
    }
}
