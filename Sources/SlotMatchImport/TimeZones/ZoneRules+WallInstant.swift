import SlotMatchCore

extension ZoneRules {
    /// `instant(of:)` without its general resolution when no transition lies within a day of the reading.
    ///
    /// RFC 5545 §3.3.5 (gap: the offset before it; overlap: the first occurrence) needs the candidate offsets around
    /// the reading; `resolve(_:)` gathers them in a set and sorts them. When the offsets a day before, at and a day
    /// after the reading are one and the same `c` (nearly every value: transitions are twice a year), that set is
    /// `{c}` and both of its outcomes (unique, or gap read with the offset before it) give `wall − c`: the same
    /// instant, without allocating. Anything else goes to `instant(of:)`.
    func wallInstant(of local: LocalDateTime) -> Instant {
        let wall = local.wallSeconds
        let offset = offset(at: Instant(secondsSinceEpoch: wall))
        if offset == self.offset(at: Instant(secondsSinceEpoch: wall - 86_400)),
           offset == self.offset(at: Instant(secondsSinceEpoch: wall + 86_400)) {
            return Instant(secondsSinceEpoch: wall - Int64(offset))
        }
        return instant(of: local)
    }
}
