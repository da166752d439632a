/// What happened at a consultation, recorded once it has started: the patient came, or did not.
public enum AppointmentOutcome: String, CaseIterable, Sendable, Hashable {
    case fulfilled, noshow

    public var code: String { rawValue }
    public init?(code: String) { self.init(rawValue: code) }

    /// The appointment status this outcome gives.
    public var status: AppointmentStatus { self == .fulfilled ? .fulfilled : .noshow }
}
