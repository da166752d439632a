import SlotMatchCore

/// A slot reserved for one care request for a short time (default 120 s) while the operator talks to the patient.
///
/// `id` is an opaque random token (`H-` and 32 hex digits): knowing it is what lets the operator book or release.
/// A hold whose `expiresAt` has passed is as good as gone: the slot may be held or booked by anyone again.
public struct Hold: Sendable, Hashable {
    public var id: String
    public var slotID: Int64
    public var requestID: String
    public var operatorID: String
    public var createdAt: Instant
    public var expiresAt: Instant

    public init(id: String, slotID: Int64, requestID: String, operatorID: String, createdAt: Instant, expiresAt: Instant) {
        self.id = id; self.slotID = slotID; self.requestID = requestID; self.operatorID = operatorID
        self.createdAt = createdAt; self.expiresAt = expiresAt
    }

    /// Whether the hold still reserves its slot at `now` (valid up to, not including, `expiresAt`).
    public func isValid(at now: Instant) -> Bool { now < expiresAt }

    /// The default time-to-live of a hold, in seconds.
    public static let defaultTTLSeconds: Int64 = 120
    /// The longest hold allowed, in seconds: a slot is never kept from other operators for long.
    public static let maximumTTLSeconds: Int64 = 900
}
