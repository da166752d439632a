/// A call to the regulation line asking for a GP: pseudonymous, with only what matching needs.
///
/// No name, phone number, birth date or free text: the store never holds directly identifying data.
public struct CareRequest: Sendable, Hashable, Identifiable {
    /// A pseudonymous id chosen by the regulation software.
    public var id: String
    public var receivedAt: Instant
    public var location: PatientLocation
    public var ageBand: AgeBand?
    public var urgency: UrgencyLevel
    public var wantedModes: Set<ConsultationMode>
    /// The patient's own GP, tried first as the SAS workflow does.
    public var treatingGP: RPPS?

    public init(id: String, receivedAt: Instant, location: PatientLocation, ageBand: AgeBand? = nil,
                urgency: UrgencyLevel, wantedModes: Set<ConsultationMode> = [.office], treatingGP: RPPS? = nil) {
        self.id = id; self.receivedAt = receivedAt; self.location = location; self.ageBand = ageBand
        self.urgency = urgency; self.wantedModes = wantedModes; self.treatingGP = treatingGP
    }

    /// The latest instant the patient should be seen by, from the level's default delay.
    public var deadline: Instant? {
        urgency.defaultMaximumDelaySeconds.map { receivedAt.adding(seconds: $0) }
    }
}
