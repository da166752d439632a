import SlotMatchCore

/// `Instant.iso8601` (`2026-12-07T08:00:00Z`) written digit by digit into one 20-byte string: the search answer
/// writes two per slot, and the core's formatter, built from string pieces, was a sixth of a query's time.
enum InstantText {
    static func iso8601(_ instant: Instant) -> String {
        let t = LocalDateTime(wallSeconds: instant.secondsSinceEpoch)
        let y = t.date.year
        // Years outside 0…9999 are rare enough for the general formatter.
        guard y >= 0 && y <= 9999 else { return instant.iso8601 }
        return String(unsafeUninitializedCapacity: 20) { b in
            @inline(__always) func two(_ v: Int, _ at: Int) { b[at] = UInt8(48 + v / 10); b[at + 1] = UInt8(48 + v % 10) }
            two(y / 100, 0); two(y % 100, 2)
            b[4] = 45; two(t.date.month, 5)
            b[7] = 45; two(t.date.day, 8)
            b[10] = 84; two(t.hour, 11)
            b[13] = 58; two(t.minute, 14)
            b[16] = 58; two(t.second, 17)
            b[19] = 90
            return 20
        }
    }
}
