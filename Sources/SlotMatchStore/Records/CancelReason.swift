/// Why an appointment was cancelled: a closed list of codes, never free text about the patient.
public enum CancelReason: String, CaseIterable, Sendable, Hashable {
    /// The patient called off the consultation.
    case patientCancelled = "patient-cancelled"
    /// The patient was seen elsewhere (emergency department, another GP, teleconsultation).
    case seenElsewhere = "seen-elsewhere"
    /// The GP cannot see the patient at that time after all.
    case practitionerUnavailable = "gp-unavailable"
    /// Moved to another slot (by the operator or the nightly balance job).
    case rebooked
    /// Booked by mistake (wrong slot, wrong request).
    case operatorError = "operator-error"
    /// The same patient was booked twice under two requests.
    case duplicate

    public var code: String { rawValue }
    public init?(code: String) { self.init(rawValue: code) }

    /// Whether the request still needs a slot after this cancellation (its status goes back to `pending`);
    /// otherwise the request is `closed`.
    public var reopensRequest: Bool {
        switch self {
        case .practitionerUnavailable, .rebooked, .operatorError: return true
        case .patientCancelled, .seenElsewhere, .duplicate: return false
        }
    }
}
