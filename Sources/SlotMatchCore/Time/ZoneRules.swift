/// The UTC offsets a time zone uses over time: an initial offset and a sorted list of transitions.
///
/// Built from the system's TZif files, from an iCalendar VTIMEZONE, or fixed. Rules that recur
/// forever (a TZif footer, a VTIMEZONE RRULE) are expanded into transitions up to a horizon year
/// by whoever builds the value, so that lookups here are a binary search on a contiguous array.
public struct ZoneRules: Sendable, Hashable {
    /// The name the zone is known by (`Europe/Paris`, or a VTIMEZONE's TZID).
    public var identifier: String
    /// The offset in force before the first transition, in seconds east of UTC.
    public var initialOffset: Int32
    /// UTC instants (seconds) at which the offset changes, strictly increasing.
    public private(set) var transitionInstants: [Int64]
    /// The offset in force from the transition at the same index on.
    public private(set) var offsetsAfter: [Int32]

    public init(identifier: String, initialOffset: Int32, transitions: [(instant: Int64, offsetAfter: Int32)]) {
        self.identifier = identifier
        self.initialOffset = initialOffset
        var previous = initialOffset
        var instants: [Int64] = []
        var offsets: [Int32] = []
        for t in transitions.sorted(by: { $0.instant < $1.instant }) where t.offsetAfter != previous {
            if let last = instants.last, last == t.instant { offsets[offsets.count - 1] = t.offsetAfter; previous = t.offsetAfter; continue }
            instants.append(t.instant)
            offsets.append(t.offsetAfter)
            previous = t.offsetAfter
        }
        self.transitionInstants = instants
        self.offsetsAfter = offsets
    }

    /// A zone that never changes offset (UTC, or `Etc/GMT-1`).
    public static func fixed(identifier: String, offsetSeconds: Int32) -> ZoneRules {
        ZoneRules(identifier: identifier, initialOffset: offsetSeconds, transitions: [])
    }

    public static let utc = ZoneRules.fixed(identifier: "UTC", offsetSeconds: 0)

    /// The offset in force at `instant`.
    public func offset(at instant: Instant) -> Int32 {
        let count = transitionCount(atOrBefore: instant.secondsSinceEpoch)
        return count == 0 ? initialOffset : offsetsAfter[count - 1]
    }

    /// How many transitions happen at or before `t` (UTC seconds): a binary search. Index `count − 1` of
    /// `offsetsAfter` is then the offset in force at `t` (`initialOffset` when the count is 0).
    public func transitionCount(atOrBefore t: Int64) -> Int {
        transitionInstants.withUnsafeBufferPointer { instants in
            var lo = 0, hi = instants.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if instants[mid] <= t { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
    }

    /// The wall-clock reading of `instant` in this zone.
    public func localTime(of instant: Instant) -> LocalDateTime {
        LocalDateTime(wallSeconds: instant.secondsSinceEpoch + Int64(offset(at: instant)))
    }

    /// How a wall-clock reading maps onto instants.
    public enum Resolution: Sendable, Hashable {
        /// The reading happens exactly once.
        case unique(Instant)
        /// The reading falls in a spring-forward gap; `instant` reads it with the offset before the gap.
        case skipped(Instant)
        /// The reading happens twice (autumn); `first` is its earlier occurrence.
        case repeated(first: Instant, second: Instant)

        /// The instant to use: RFC 5545 §3.3.5 reads a gap time with the offset before the gap
        /// and a repeated time as its first occurrence.
        public var instant: Instant {
            switch self {
            case .unique(let i), .skipped(let i): return i
            case .repeated(let first, _): return first
            }
        }
    }

    /// Resolves a wall-clock reading to instants.
    ///
    /// The candidate offsets are those in force a day before, at and a day after `wall` (a day either side covers
    /// every real zone); a candidate gives an instant when the zone has that offset at `wall − candidate`. None:
    /// a gap, read with the offset a day before; two: a repeated reading. When no transition lies within a day of
    /// the reading (nearly every value: transitions are twice a year), the three candidates are the one offset in
    /// force and it always gives an instant, so one binary search answers, without building any list.
    public func resolve(_ local: LocalDateTime) -> Resolution {
        let wall = local.wallSeconds
        let count = transitionCount(atOrBefore: wall - 86_400)
        let before = count == 0 ? initialOffset : offsetsAfter[count - 1]
        if count == transitionInstants.count || transitionInstants[count] > wall + 86_400, abs(Int64(before)) < 86_400 {
            return .unique(Instant(secondsSinceEpoch: wall - Int64(before)))
        }
        let here = offset(at: Instant(secondsSinceEpoch: wall))
        let after = offset(at: Instant(secondsSinceEpoch: wall + 86_400))
        // Distinct candidates give distinct instants; keep the earliest and the latest that hold.
        var first: Int64 = .max, last: Int64 = .min, matches = 0
        func consider(_ candidate: Int32) {
            let t = wall - Int64(candidate)
            guard offset(at: Instant(secondsSinceEpoch: t)) == candidate else { return }
            matches += 1
            first = min(first, t); last = max(last, t)
        }
        consider(before)
        if here != before { consider(here) }
        if after != before && after != here { consider(after) }
        switch matches {
        case 0:
            // In a gap: read with the offset in force before the gap.
            return .skipped(Instant(secondsSinceEpoch: wall - Int64(before)))
        case 1:
            return .unique(Instant(secondsSinceEpoch: first))
        default:
            return .repeated(first: Instant(secondsSinceEpoch: first), second: Instant(secondsSinceEpoch: last))
        }
    }

    /// The instant of a wall-clock reading, by the rules of `Resolution.instant`.
    public func instant(of local: LocalDateTime) -> Instant { resolve(local).instant }
}
