import SlotMatchCore

/// `Instant.iso8601` (`2026-12-07T08:00:00Z`) written digit by digit: as one 20-byte string (`iso8601`), or
/// straight into an answer's bytes as a JSON string literal (`writeQuoted`), without an intermediate String.
/// The search answer writes two per slot, and the core's formatter, built from string pieces, was a sixth of a
/// query's time.
enum InstantText {
    static func iso8601(_ instant: Instant) -> String {
        // Years outside 0…9999 are rare enough for the general formatter.
        guard hasFourDigitYear(instant) else { return instant.iso8601 }
        return String(unsafeUninitializedCapacity: 20) { b in
            digits(of: instant, into: b.baseAddress!)
            return 20
        }
    }

    /// Appends the instant as the JSON string `JSONWriter` writes for `.string(iso8601(instant))`, quotes
    /// included (the text is plain ASCII, so it needs no escape).
    static func writeQuoted<Sink: JSONByteSink>(_ instant: Instant, into out: inout Sink) {
        guard hasFourDigitYear(instant) else { out.writeString(instant.iso8601); return }
        // The 22 bytes are made on the stack and written in one go.
        var quoted: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &quoted) { raw in
            let b = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            b[0] = 0x22
            digits(of: instant, into: b + 1)
            b[21] = 0x22
            out.write(UnsafeRawBufferPointer(rebasing: raw[0..<22]))
        }
    }

    /// Whether the year is within 0…9999, the years `digits` writes.
    @inline(__always)
    static func hasFourDigitYear(_ instant: Instant) -> Bool {
        // 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in Unix seconds.
        instant.secondsSinceEpoch >= -62_167_219_200 && instant.secondsSinceEpoch < 253_402_300_800
    }

    /// The 20 bytes `YYYY-MM-DDTHH:MM:SSZ` at `b` (a year within 0…9999).
    @inline(__always)
    static func digits(of instant: Instant, into b: UnsafeMutablePointer<UInt8>) {
        let t = LocalDateTime(wallSeconds: instant.secondsSinceEpoch)
        let y = t.date.year
        @inline(__always) func two(_ v: Int, _ at: Int) { b[at] = UInt8(48 + v / 10); b[at + 1] = UInt8(48 + v % 10) }
        two(y / 100, 0); two(y % 100, 2)
        b[4] = 45; two(t.date.month, 5)
        b[7] = 45; two(t.date.day, 8)
        b[10] = 84; two(t.hour, 11)
        b[13] = 58; two(t.minute, 14)
        b[16] = 58; two(t.second, 17)
        b[19] = 90
    }
}
