/// The outcome of triage: the level, the deadline it sets, the modes a slot may have, the rule that
/// decided and why; when a doctor overrode the level, who did and what the rules had said.
public struct TriageDecision: Sendable, Hashable {
    public var level: UrgencyLevel
    /// received-at + the level's maximum delay; nil when no slot is given (vital, advice).
    public var deadline: Instant?
    /// Modes a slot may have; empty when no slot is given.
    public var modes: Set<ConsultationMode>
    /// The rule that decided: a rule id, `red-flag:<flag>` or the rule book's fallback id.
    public var ruleID: String
    public var rationale: String
    /// The level the rules gave, before any override.
    public var originalLevel: UrgencyLevel
    /// The regulating doctor who set the level, when overridden.
    public var overrideAuthorID: String?

    public init(level: UrgencyLevel, deadline: Instant?, modes: Set<ConsultationMode>, ruleID: String,
                rationale: String, originalLevel: UrgencyLevel, overrideAuthorID: String?) {
        self.level = level; self.deadline = deadline; self.modes = modes; self.ruleID = ruleID
        self.rationale = rationale; self.originalLevel = originalLevel; self.overrideAuthorID = overrideAuthorID
    }

    public var isOverridden: Bool { overrideAuthorID != nil }
    /// Whether the patient is to be offered a GP slot.
    public var mayReceiveSlot: Bool { deadline != nil && !modes.isEmpty }
}
