import SlotMatchCore

/// One free slot as the index stores it: the store's id, the GP's index, [start, end) in UTC seconds,
/// its mode and visibility tags.
public struct IndexedSlot: Sendable, Hashable {
    public var id: Int64
    public var practitioner: Int32
    public var start: Int64
    public var end: Int64
    public var mode: ConsultationMode
    public var visibility: SlotVisibility

    public init(id: Int64, practitioner: Int32, start: Int64, end: Int64, mode: ConsultationMode = .office,
                visibility: SlotVisibility = .snp) {
        self.id = id; self.practitioner = practitioner; self.start = start; self.end = end
        self.mode = mode; self.visibility = visibility
    }
}
