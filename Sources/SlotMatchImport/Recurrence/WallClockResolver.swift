import SlotMatchCore

/// Turns wall-clock readings into instants through a `ZoneRules`, with the answer of
/// `ZoneRules.resolve` (RFC 5545 §3.3.5), in O(1) away from transitions: a recurrence asks for readings in order.
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

    /// Near a transition: `ZoneRules.resolve` answers (the first occurrence of a repeated reading; a gap read with
    /// the offset before it), and the offset segment of that instant is remembered for the readings that follow.
    @inline(never)
    private mutating func resolveNearTransition(_ wall: Int64) -> (instant: Int64, inGap: Bool) {
        let answer: (instant: Int64, inGap: Bool)
        switch zone.resolve(LocalDateTime(wallSeconds: wall)) {
        case .unique(let i): answer = (i.secondsSinceEpoch, false)
        case .repeated(let first, _): answer = (first.secondsSinceEpoch, false)
        case .skipped(let i): answer = (i.secondsSinceEpoch, true)
        }
        remember(around: answer.instant)
        return answer
    }

    private mutating func remember(around t: Int64) {
        let instants = zone.transitionInstants
        let lo = zone.transitionCount(atOrBefore: t)
        offset = Int64(lo == 0 ? zone.initialOffset : zone.offsetsAfter[lo - 1])
        fastLow = lo == 0 ? .min : instants[lo - 1] + Self.margin
        fastHigh = lo == instants.count ? .max : instants[lo] - Self.margin
    }
}
