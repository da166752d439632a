import SlotMatchCore

/// One practitioner's part of a published file, ready for the store: the slots it offers inside the
/// horizon it is authoritative for, and the fingerprint that tells an unchanged re-import.
public struct PreparedImport: Sendable, Hashable {
    public var practitioner: RPPS
    /// A stable name of the published file (its file name): a re-import replaces only slots of the same source.
    public var source: String
    public var horizonStart: Instant
    public var horizonEnd: Instant
    /// Slots sorted by start, none before `now`.
    public var slots: [Slot]
    /// SHA-256 of the file's bytes and of the horizon's days: the same file read on the same day is `unchanged`,
    /// while a rolling horizon still fills the new days the next day.
    public var contentHash: String

    public init(practitioner: RPPS, source: String, horizonStart: Instant, horizonEnd: Instant, slots: [Slot], contentHash: String) {
        self.practitioner = practitioner; self.source = source; self.horizonStart = horizonStart
        self.horizonEnd = horizonEnd; self.slots = slots; self.contentHash = contentHash
    }
}
