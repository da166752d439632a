import SlotMatchCore

/// One VAVAILABILITY component after recurrence expansion: its range, BUSYTYPE, PRIORITY and the
/// expanded occurrences of its AVAILABLE sub-components. The input of `AvailabilityCombiner`.
public struct AvailabilityLayer: Sendable, Hashable {
    public var uid: String
    /// DTSTART of the VAVAILABILITY; nil means unbounded in the past (RFC 7953 §3.1: DTSTART optional).
    public var rangeStart: Instant?
    /// DTEND (or DTSTART + DURATION); nil means unbounded in the future.
    public var rangeEnd: Instant?
    public var busyType: BusyType
    /// RFC 7953 §3.1 / RFC 5545 §3.8.1.9: 1 highest … 9 lowest; 0 means undefined, which ranks below 9.
    public var priority: Int
    /// Expanded AVAILABLE occurrences (kind `.available`), in any order; parts outside the range are clipped away.
    public var available: [PublishedOccurrence]
    public var place: SourcePlace

    public init(uid: String, rangeStart: Instant? = nil, rangeEnd: Instant? = nil, busyType: BusyType = .busyUnavailable,
                priority: Int = 0, available: [PublishedOccurrence] = [], place: SourcePlace = SourcePlace()) {
        self.uid = uid; self.rangeStart = rangeStart; self.rangeEnd = rangeEnd; self.busyType = busyType
        self.priority = priority; self.available = available; self.place = place
    }

    /// Precedence rank: smaller wins. PRIORITY 1…9 keep their value; 0 (undefined) and anything out of range rank 10,
    /// below 9 (RFC 5545 §3.8.1.9: "A value of 0 specifies an undefined priority"; RFC 7953 §3.1 treats it as lowest).
    public var rank: Int { (1 ... 9).contains(priority) ? priority : 10 }

    /// The range as a span, an unbounded end replaced by the given window bound.
    func range(clippedTo window: TimeSpan) -> TimeSpan {
        TimeSpan(start: Swift.max(rangeStart?.secondsSinceEpoch ?? Int64.min, window.start),
                 end: Swift.min(rangeEnd?.secondsSinceEpoch ?? Int64.max, window.end))
    }
}
