import SlotMatchCore

/// Turns wall-clock readings into instants through a `ZoneRules`, with the answer of
/// `ZoneRules.resolve` (RFC 5545 §3.3.5) but without allocating, and in O(1) away from transitions.
///
/// It remembers the offset segment of the last answer; a reading whose instant lies more than two
/// days inside that segment can only be unique (no real offset differs from another by 48 hours).
struct WallClockResolver: Sendable {
    let zone: ZoneRules
    private var offset: Int64
    private var fastLow: Int64
    private var fastHigh: Int64
    private static let margin: Int64 = 2 * 86_400

    init(zone: ZoneRules) {
        self.zone = zone
        offset = Int64(zone.initialOffset)
        if zone.transitionInstants.isEmpty { fastLow = .min; fastHigh = .max } else { fastLow = 1; fastHigh = 0 }
    }

    /// The instant of `wall` (its first occurrence when repeated) and whether it falls in a gap;
    /// a gap reading is given with the offset in force before the gap.
    @inline(__always)
    mutating func resolve(_ wall: Int64) -> (instant: Int64, inGap: Bool) {
        let t = wall &- offset
        if t >= fastLow && t < fastHigh { return (t, false) }
        return resolveNearTransition(wall)
    }

    /// Near a transition: the candidate offsets a day before, at and a day after `wall`, kept when the instant
    /// they give has that offset (`ZoneRules.resolve`'s rule). One binary search for `wall`, then short walks
    /// from it for the other instants: the same offsets as `ZoneRules.offset(at:)`, without five more searches.
    @inline(never)
    private mutating func resolveNearTransition(_ wall: Int64) -> (instant: Int64, inGap: Bool) {
        let instants = zone.transitionInstants, offsets = zone.offsetsAfter, initial = Int64(zone.initialOffset)
        let hint = Self.index(instants, wall, from: nil)
        @inline(__always) func offset(at t: Int64) -> Int64 {
            let i = Self.index(instants, t, from: hint)
            return i == 0 ? initial : Int64(offsets[i - 1])
        }
        let before = offset(at: wall &- 86_400), here = offset(at: wall), after = offset(at: wall &+ 86_400)
        var first = Int64.max
        @inline(__always) func consider(_ candidate: Int64) {
            let t = wall &- candidate
            if offset(at: t) == candidate && t < first { first = t }
        }
        consider(before); consider(here); consider(after)
        let answer = first == .max ? (wall &- before, true) : (first, false)
        remember(around: answer.0, hint: hint)
        return answer
    }

    /// The number of transitions at or before `t`: a binary search, or a walk from `hint` (that count for a
    /// nearby instant), which gives the same number.
    @inline(__always)
    private static func index(_ instants: [Int64], _ t: Int64, from hint: Int?) -> Int {
        guard var i = hint else {
            var lo = 0, hi = instants.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if instants[mid] <= t { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        while i < instants.count && instants[i] <= t { i += 1 }
        while i > 0 && instants[i - 1] > t { i -= 1 }
        return i
    }

    private mutating func remember(around t: Int64, hint: Int) {
        let instants = zone.transitionInstants
        let lo = Self.index(instants, t, from: hint)
        offset = Int64(lo == 0 ? zone.initialOffset : zone.offsetsAfter[lo - 1])
        fastLow = lo == 0 ? .min : instants[lo - 1] + Self.margin
        fastHigh = lo == instants.count ? .max : instants[lo] - Self.margin
    }
}
