/// How well the patient can move, as the operator hears it on the call: decides whether a practice
/// visit is possible or a home visit (or video) is needed.
public enum PatientMobility: String, CaseIterable, Sendable, Hashable {
    /// Walks, can be driven to the practice.
    case ambulant
    /// Moves with difficulty (frail, wheelchair, no transport): office still possible, home visit preferred.
    case reduced
    /// Confined to bed: no office visit.
    case bedridden

    public init?(code: String) { self.init(rawValue: code.lowercased()) }
}
