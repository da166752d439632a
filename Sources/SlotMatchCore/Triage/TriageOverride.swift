/// A regulating doctor's decision to set the level by hand, with who made it: recorded in the decision
/// (and by the service in the audit log) together with the level the rules had given.
public struct TriageOverride: Sendable, Hashable {
    public var level: UrgencyLevel
    /// The operator id of the regulating doctor (pseudonymous id of the regulation software).
    public var authorID: String

    public init(level: UrgencyLevel, authorID: String) {
        self.level = level; self.authorID = authorID
    }
}
