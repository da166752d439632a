import SlotMatchCore

/// One row of the `imports` table: a published file processed, and with what result.
public struct ImportRecord: Sendable, Hashable {
    public var id: Int64
    public var path: String
    public var source: String
    /// The practitioner the file named, when known (a rejected file may name none, or one not on the roster).
    public var practitioner: String?
    public var contentHash: String
    public var status: ImportStatus
    public var slotsAdded: Int
    public var slotsRemoved: Int
    public var slotsKept: Int
    public var conflicts: Int
    public var at: Instant

    public init(id: Int64, path: String, source: String, practitioner: String?, contentHash: String, status: ImportStatus,
                slotsAdded: Int, slotsRemoved: Int, slotsKept: Int, conflicts: Int, at: Instant) {
        self.id = id; self.path = path; self.source = source; self.practitioner = practitioner; self.contentHash = contentHash
        self.status = status; self.slotsAdded = slotsAdded; self.slotsRemoved = slotsRemoved; self.slotsKept = slotsKept
        self.conflicts = conflicts; self.at = at
    }
}
