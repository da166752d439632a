/// What the operator records on the call for triage: a reason code, the flags heard, the age band and
/// the patient's mobility. Codes only, no free text about the patient.
public struct TriageInput: Sendable, Hashable {
    /// The reason for the call, a snake_case code of the rule book (`fever_adult`, `chest_pain`).
    public var reason: String
    /// Flags heard on the call (`breathing_difficulty`, `confusion`, …); the rule book says which are red flags.
    public var flags: Set<String>
    public var ageBand: AgeBand?
    public var mobility: PatientMobility
    /// When the call came in: deadlines count from here.
    public var receivedAt: Instant

    public init(reason: String, flags: Set<String> = [], ageBand: AgeBand? = nil,
                mobility: PatientMobility = .ambulant, receivedAt: Instant) {
        self.reason = reason; self.flags = flags; self.ageBand = ageBand
        self.mobility = mobility; self.receivedAt = receivedAt
    }
}
