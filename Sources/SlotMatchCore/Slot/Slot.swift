/// A bookable consultation time of one practitioner: [start, end) in UTC, one mode, who may see it.
public struct Slot: Sendable, Hashable {
    /// The store's integer id (0 until stored).
    public var id: Int64
    public var practitioner: RPPS
    public var start: Instant
    public var end: Instant
    public var mode: ConsultationMode
    public var visibility: SlotVisibility
    public var status: SlotStatus
    /// The published file (or feed) the slot came from, so a re-import replaces only its own slots.
    public var source: String

    public init(id: Int64 = 0, practitioner: RPPS, start: Instant, end: Instant, mode: ConsultationMode = .office,
                visibility: SlotVisibility = .snp, status: SlotStatus = .free, source: String) {
        self.id = id; self.practitioner = practitioner; self.start = start; self.end = end
        self.mode = mode; self.visibility = visibility; self.status = status; self.source = source
    }

    public var durationSeconds: Int64 { start.seconds(until: end) }

    /// Whether [start, end) meets [otherStart, otherEnd) in more than a point.
    public func overlaps(start otherStart: Instant, end otherEnd: Instant) -> Bool {
        start < otherEnd && otherStart < end
    }
}
