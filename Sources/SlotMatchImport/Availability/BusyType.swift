/// The kind of busy time a VAVAILABILITY component stands for outside its AVAILABLE sub-components
/// (RFC 7953 §3.2, the BUSYTYPE property; RFC 5545 §3.2.9 FBTYPE values).
public enum BusyType: String, CaseIterable, Sendable, Hashable {
    case busy = "BUSY"
    /// The default when BUSYTYPE is absent (RFC 7953 §3.2).
    case busyUnavailable = "BUSY-UNAVAILABLE"
    case busyTentative = "BUSY-TENTATIVE"

    /// Reads a BUSYTYPE value (any case); unknown values are nil and should be read as `busyUnavailable`
    /// or rejected by the caller.
    public init?(code: String) { self.init(rawValue: code.trimmingSpaces.uppercased()) }
}
