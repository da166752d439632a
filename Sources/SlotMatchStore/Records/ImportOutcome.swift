/// What `Store.applyImport` did with one published file.
public struct ImportOutcome: Sendable, Hashable {
    public var status: ImportStatus
    /// The `imports` row written for it.
    public var importID: Int64
    /// New free slots inserted.
    public var added: Int
    /// Free slots the file no longer offers, taken away (deleted, or blocked when an old appointment refers to them).
    public var removed: Int
    /// Stored slots the file still offers, left in place (whatever their status); a held or booked slot counts
    /// here too when an offer of its mode spans its time.
    public var kept: Int
    /// Held or booked slots the file no longer covers: kept, reported, written to the audit log.
    public var conflicts: [ImportConflict]
    /// Offered slots not imported because they start before `now`.
    public var skippedPast: Int
    /// Offered slots not imported because they start outside the plan's horizon.
    public var skippedOutsideHorizon: Int
    /// Offered slots not imported because a held, booked or blocked slot already takes that time.
    public var skippedOccupied: Int
    /// The change sequence after the import.
    public var changeSequence: Int64

    public init(status: ImportStatus, importID: Int64, added: Int = 0, removed: Int = 0, kept: Int = 0,
                conflicts: [ImportConflict] = [], skippedPast: Int = 0, skippedOutsideHorizon: Int = 0,
                skippedOccupied: Int = 0, changeSequence: Int64 = 0) {
        self.status = status; self.importID = importID; self.added = added; self.removed = removed; self.kept = kept
        self.conflicts = conflicts; self.skippedPast = skippedPast; self.skippedOutsideHorizon = skippedOutsideHorizon
        self.skippedOccupied = skippedOccupied; self.changeSequence = changeSequence
    }
}
