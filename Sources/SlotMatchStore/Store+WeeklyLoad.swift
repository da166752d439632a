import SlotMatchCore

/// The weekly SNP load that an in-memory index needs to check caps per week: the same count the booking
/// transaction makes (non-cancelled appointments of the GP whose slot starts in the `SNPWeek`), for many
/// GPs and weeks in one query.
extension Store {
    /// Non-cancelled appointments per SNP week and per GP (RPPS digits), for slots starting in [from, to).
    /// One read; the rows come by start, so the week is worked out once per week change, not per row.
    public func weeklySNPLoad(from: Instant, to: Instant, zone: ZoneRules) throws -> [SNPWeek: [String: Int]] {
        let rows = try read { db in
            try db.fetchAll("""
                SELECT s.rpps, s.start_utc FROM appointments a JOIN slots s ON s.id = a.slot_id
                WHERE a.status <> 'cancelled' AND s.start_utc >= ? AND s.start_utc < ? ORDER BY s.start_utc
                """, [.integer(from.secondsSinceEpoch), .integer(to.secondsSinceEpoch)]) { ($0.string(0), $0.int64(1)) }
        }
        var load: [SNPWeek: [String: Int]] = [:]
        var week: SNPWeek? = nil
        var counts: [String: Int] = [:]
        for (rpps, start) in rows {
            if let w = week, start >= w.start.secondsSinceEpoch && start < w.end.secondsSinceEpoch {
                counts[rpps, default: 0] += 1
                continue
            }
            if let w = week { load[w] = counts }
            let w = SNPWeek(containing: Instant(secondsSinceEpoch: start), zone: zone)
            week = w
            counts = load[w] ?? [:]
            counts[rpps, default: 0] += 1
        }
        if let w = week { load[w] = counts }
        return load
    }
}
