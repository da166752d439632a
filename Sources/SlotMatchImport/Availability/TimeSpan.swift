import SlotMatchCore

/// A half-open span of time [start, end) in UTC seconds: the unit of the availability interval algebra.
///
/// Half-open, so two spans that touch (`a.end == b.start`) do not overlap and a slot ending at 10:00
/// is not removed by busy time starting at 10:00.
public struct TimeSpan: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var start: Int64
    public var end: Int64

    @inlinable public init(start: Int64, end: Int64) { self.start = start; self.end = end }
    public init(_ start: Instant, _ end: Instant) { self.init(start: start.secondsSinceEpoch, end: end.secondsSinceEpoch) }

    @inlinable public var isEmpty: Bool { end <= start }
    @inlinable public func overlaps(_ other: TimeSpan) -> Bool { start < other.end && other.start < end }
    @inlinable public func intersection(_ other: TimeSpan) -> TimeSpan {
        TimeSpan(start: Swift.max(start, other.start), end: Swift.min(end, other.end))
    }

    public var startInstant: Instant { Instant(secondsSinceEpoch: start) }
    public var endInstant: Instant { Instant(secondsSinceEpoch: end) }

    public static func < (a: TimeSpan, b: TimeSpan) -> Bool { a.start < b.start || (a.start == b.start && a.end < b.end) }

    public var description: String { "[\(startInstant), \(endInstant))" }
}
