/// One past request in the demand history: when it came and which pole the patient lives in.
public struct DemandRecord: Sendable, Hashable {
    /// UTC seconds.
    public var receivedAt: Int64
    /// Index into the poles; −1 outside every pole (not counted).
    public var pole: Int32
    public init(receivedAt: Int64, pole: Int32) { self.receivedAt = receivedAt; self.pole = pole }
}
