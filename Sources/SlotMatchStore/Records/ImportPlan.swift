import SlotMatchCore

/// What one published file, once read, asks the store to hold: this practitioner's slots from this source
/// within this horizon. `Store.applyImport` carries it out in one transaction.
public struct ImportPlan: Sendable, Hashable {
    /// The GP the file belongs to; must be on the roster.
    public var practitioner: RPPS
    /// A stable id of the published file or feed (e.g. its name in the inbox); a re-import replaces only
    /// slots of the same source.
    public var source: String
    /// [horizonStart, horizonEnd): the period the file was expanded over. Slots outside it are left alone.
    public var horizonStart: Instant
    public var horizonEnd: Instant
    /// The slots the file offers within the horizon.
    public var slots: [PlannedSlot]
    /// The file's content hash (`SHA256.hexDigest`): the same hash as the last import means `unchanged`.
    /// A caller whose horizon rolls forward may fold the horizon into it so that a new week is filled.
    public var contentHash: String
    /// Where the file was read from, for the import record and messages.
    public var path: String
    /// The present: slots starting before it are never imported and past slots are never touched.
    public var now: Instant
    /// Who runs the import, for the audit log.
    public var actor: String

    public init(practitioner: RPPS, source: String, horizonStart: Instant, horizonEnd: Instant, slots: [PlannedSlot],
                contentHash: String, path: String, now: Instant, actor: String = "import") {
        self.practitioner = practitioner; self.source = source; self.horizonStart = horizonStart; self.horizonEnd = horizonEnd
        self.slots = slots; self.contentHash = contentHash; self.path = path; self.now = now; self.actor = actor
    }
}
