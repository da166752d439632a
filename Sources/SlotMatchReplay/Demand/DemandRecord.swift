import SlotMatchCore

/// One call of a demand log: pseudonymous id, when, where the patient is (commune or point), age band,
/// either a reason code with flags (triaged on replay) or an urgency level (used as is), the modes
/// wanted, the treating GP and, where known, the outcome. No name, birth date, phone or free text.
public struct DemandRecord: Sendable, Hashable {
    public var id: String
    public var receivedAt: Instant
    public var location: PatientLocation
    public var ageBand: AgeBand?
    /// Triage reason code (`fever-adult`); when present the replay triages with the rule book.
    public var reason: String?
    /// Triage flags, sorted (`red-flag`, …).
    public var flags: [String]
    /// The urgency level already decided; used when there is no reason code.
    public var urgency: UrgencyLevel?
    public var mobility: PatientMobility?
    /// Modes the patient accepts, in AMB, HH, VR order; empty means office only.
    public var wantedModes: [ConsultationMode]
    public var treatingGP: RPPS?
    public var outcome: DemandOutcome

    public init(id: String, receivedAt: Instant, location: PatientLocation, ageBand: AgeBand? = nil,
                reason: String? = nil, flags: [String] = [], urgency: UrgencyLevel? = nil,
                mobility: PatientMobility? = nil, wantedModes: [ConsultationMode] = [.office],
                treatingGP: RPPS? = nil, outcome: DemandOutcome = DemandOutcome()) {
        self.id = id; self.receivedAt = receivedAt; self.location = location; self.ageBand = ageBand
        self.reason = reason; self.flags = flags.sorted(); self.urgency = urgency; self.mobility = mobility
        self.wantedModes = DemandRecord.ordered(wantedModes); self.treatingGP = treatingGP; self.outcome = outcome
    }

    /// Modes in the log's fixed order (AMB, HH, VR), each once.
    static func ordered(_ modes: [ConsultationMode]) -> [ConsultationMode] {
        ConsultationMode.allCases.filter { modes.contains($0) }
    }
}
