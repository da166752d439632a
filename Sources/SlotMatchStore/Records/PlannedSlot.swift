import SlotMatchCore

/// A slot a published file offers, as the importer hands it to the store: when, how, and who may see it.
/// Its identity is (start, end, mode): a re-import that offers the same three keeps the stored slot.
public struct PlannedSlot: Sendable, Hashable {
    public var start: Instant
    public var end: Instant
    public var mode: ConsultationMode
    public var visibility: SlotVisibility

    public init(start: Instant, end: Instant, mode: ConsultationMode = .office, visibility: SlotVisibility = .snp) {
        self.start = start; self.end = end; self.mode = mode; self.visibility = visibility
    }
}
