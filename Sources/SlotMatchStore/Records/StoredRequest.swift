import SlotMatchCore

/// A care request as the store holds it: the pseudonymous request, the triage codes heard on the call,
/// and where it stands. Codes only: no name, phone number, birth date or free text.
public struct StoredRequest: Sendable, Hashable {
    public var request: CareRequest
    /// The triage reason code (`fever_adult`), as the rule book names it.
    public var reasonCode: String
    /// The flags heard on the call, sorted.
    public var flags: [String]
    public var status: RequestStatus
    /// The regulating doctor who last overrode the urgency level, if any (see `recordTriageOverride`).
    public var urgencyOverriddenBy: String?

    public init(request: CareRequest, reasonCode: String, flags: [String], status: RequestStatus, urgencyOverriddenBy: String? = nil) {
        self.request = request; self.reasonCode = reasonCode; self.flags = flags; self.status = status
        self.urgencyOverriddenBy = urgencyOverriddenBy
    }
}
