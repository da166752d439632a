/// A set of instants stored as sorted, disjoint, non-touching half-open spans: union, intersection and
/// difference in O(n + m) merges, so the RFC 7953 §4 combination and the busy-time removal never scan n·m pairs.
public struct TimeSpanSet: Sendable, Hashable, CustomStringConvertible {
    /// Sorted by start, pairwise disjoint, never touching (touching spans are merged), none empty.
    public private(set) var spans: [TimeSpan]

    public init() { spans = [] }

    /// Normalises any list of spans (unsorted, overlapping, empty ones): O(n log n).
    public init<S: Sequence>(_ input: S) where S.Element == TimeSpan {
        var sorted = input.filter { !$0.isEmpty }
        sorted.sort()
        var out: [TimeSpan] = []
        out.reserveCapacity(sorted.count)
        for span in sorted {
            if let last = out.last, span.start <= last.end {
                if span.end > last.end { out[out.count - 1].end = span.end }
            } else {
                out.append(span)
            }
        }
        spans = out
    }

    private init(normalized: [TimeSpan]) { spans = normalized }

    public var isEmpty: Bool { spans.isEmpty }

    /// Total length in seconds.
    public var totalSeconds: Int64 { spans.reduce(0) { $0 + ($1.end - $1.start) } }

    public func union(_ other: TimeSpanSet) -> TimeSpanSet { TimeSpanSet(spans + other.spans) }

    /// The instants in both sets: a linear merge of the two sorted lists.
    public func intersection(_ other: TimeSpanSet) -> TimeSpanSet {
        var out: [TimeSpan] = []
        var i = 0, j = 0
        let a = spans, b = other.spans
        while i < a.count && j < b.count {
            let piece = a[i].intersection(b[j])
            if !piece.isEmpty { out.append(piece) }
            if a[i].end < b[j].end { i += 1 } else { j += 1 }
        }
        return TimeSpanSet(normalized: out)
    }

    /// The instants of `self` not in `other`: a linear merge of the two sorted lists.
    public func subtracting(_ other: TimeSpanSet) -> TimeSpanSet {
        var out: [TimeSpan] = []
        let b = other.spans
        var j = 0
        for span in spans {
            var cursor = span.start
            while j < b.count && b[j].end <= cursor { j += 1 }
            var k = j
            while k < b.count && b[k].start < span.end {
                if b[k].start > cursor { out.append(TimeSpan(start: cursor, end: b[k].start)) }
                cursor = Swift.max(cursor, b[k].end)
                if b[k].end > span.end { break }
                k += 1
            }
            if cursor < span.end { out.append(TimeSpan(start: cursor, end: span.end)) }
        }
        return TimeSpanSet(normalized: out)
    }

    public func intersection(_ span: TimeSpan) -> TimeSpanSet { intersection(TimeSpanSet([span])) }

    /// Whether `instant` seconds lies in the set (binary search).
    public func contains(_ second: Int64) -> Bool {
        var lo = 0, hi = spans.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if spans[mid].end <= second { lo = mid + 1 } else { hi = mid }
        }
        return lo < spans.count && spans[lo].start <= second
    }

    public var description: String { "{" + spans.map(\.description).joined(separator: ", ") + "}" }
}
