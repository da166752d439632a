import SlotMatchCore

extension ZoneRules {
    /// `instant(of:)` without its general resolution when no transition lies within a day of the reading.
    ///
    /// RFC 5545 §3.3.5 (gap: the offset before it; overlap: the first occurrence) needs the candidate offsets around
    /// the reading; `resolve(_:)` gathers them in a set and sorts them. When the offsets a day before, at and a day
    /// after the reading are one and the same `c` (nearly every value: transitions are twice a year), that set is
    /// `{c}` and both of its outcomes (unique, or gap read with the offset before it) give `wall − c`: the same
    /// instant, without allocating. Anything else goes to `instant(of:)`.
    ///
    /// Fast path: one binary search finds the transitions up to a day before the reading; when the next one comes
    /// more than a day after it, the three offsets are the one in force a day before (what `offset(at:)` would give
    /// three times). Otherwise the three offsets are compared as above (`wallInstantComparingOffsets`), which gives
    /// the same answer in every case (tested against `instant(of:)`).
    func wallInstant(of local: LocalDateTime) -> Instant {
        let wall = local.wallSeconds
        let before = wall - 86_400, after = wall + 86_400
        let found: Int32? = transitionInstants.withUnsafeBufferPointer { t in
            // Transitions at or before `before` (`offset(at:)`'s search).
            var lo = 0, hi = t.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if t[mid] <= before { lo = mid + 1 } else { hi = mid }
            }
            guard lo == t.count || t[lo] > after else { return nil }   // a transition within a day: compare
            return lo == 0 ? initialOffset : offsetsAfter[lo - 1]
        }
        if let found { return Instant(secondsSinceEpoch: wall - Int64(found)) }
        return wallInstantComparingOffsets(of: local)
    }

    /// The general reading of `wallInstant`: the offsets a day before, at and a day after compared.
    func wallInstantComparingOffsets(of local: LocalDateTime) -> Instant {
        let wall = local.wallSeconds
        let offset = offset(at: Instant(secondsSinceEpoch: wall))
        if offset == self.offset(at: Instant(secondsSinceEpoch: wall - 86_400)),
           offset == self.offset(at: Instant(secondsSinceEpoch: wall + 86_400)) {
            return Instant(secondsSinceEpoch: wall - Int64(offset))
        }
        return instant(of: local)
    }
}
