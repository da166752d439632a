import SlotMatchCore

/// Reads a compiled time zone file (TZif, RFC 8536) into `ZoneRules`, over bytes, without I/O.
///
/// Version 1 files use the 32-bit block; version 2 and later use the 64-bit block that follows it, and
/// their footer's POSIX TZ string (§3.3) is expanded into transitions up to `horizonYear`, so that
/// lookups after the last listed transition (2037 in "fat" files, much earlier in "slim" ones) stay right.
public enum TZifReader {
    /// Recurring rules are expanded through this year.
    public static let defaultHorizonYear = 2100

    /// Parses a TZif file; `identifier` names the zone in the result and in errors.
    public static func parse(bytes: [UInt8], identifier: String, horizonYear: Int = defaultHorizonYear) throws(InputError) -> ZoneRules {
        var reader = ByteReader(bytes: bytes, identifier: identifier)
        let first = try reader.header()
        let data: Block
        if first.version >= 2 {
            try reader.skip(first.dataLength(timeSize: 4))
            let second = try reader.header()
            data = try reader.block(second, timeSize: 8)
        } else {
            data = try reader.block(first, timeSize: 4)
        }
        var transitions: [(instant: Int64, offsetAfter: Int32)] = []
        transitions.reserveCapacity(data.times.count)
        for (index, time) in data.times.enumerated() {
            transitions.append((time, data.offsets[Int(data.typeIndices[index])]))
        }
        // RFC 8536 §3.2: local time before the first transition is given by time type 0.
        let initial = data.offsets[0]
        if first.version >= 2, let footer = try reader.footer(), !footer.isEmpty {
            guard let rule = POSIXZoneRule(footer) else {
                throw bad(identifier, "its footer '\(footer)' is not a POSIX TZ rule")
            }
            let last = transitions.last?.instant ?? Int64.min
            let firstYear = last == Int64.min ? 1970 : LocalDateTime(wallSeconds: last).date.year
            // A rule without daylight time only restates the last offset; one with it recurs every year.
            for t in rule.transitions(fromYear: firstYear, throughYear: horizonYear) where t.instant > last {
                transitions.append(t)
            }
        }
        return ZoneRules(identifier: identifier, initialOffset: initial, transitions: transitions)
    }

    struct Header {
        var version: Int
        var isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt: Int

        func dataLength(timeSize: Int) -> Int {
            timecnt * timeSize + timecnt + typecnt * 6 + charcnt + leapcnt * (timeSize + 4) + isstdcnt + isutcnt
        }
    }

    struct Block {
        var times: [Int64]
        var typeIndices: [UInt8]
        var offsets: [Int32]
    }

    static func bad(_ identifier: String, _ what: String) -> InputError {
        InputError(SourcePlace(file: identifier), "the time zone file for \(identifier) is damaged: \(what)",
                   remedy: "Reinstall the system time zone data (Debian: apt-get install --reinstall tzdata).")
    }

    /// Bounds-checked big-endian reads.
    struct ByteReader {
        let bytes: [UInt8]
        let identifier: String
        var i = 0

        mutating func need(_ n: Int) throws(InputError) {
            guard n >= 0, i + n <= bytes.count else { throw bad(identifier, "it ends too early") }
        }

        mutating func skip(_ n: Int) throws(InputError) { try need(n); i += n }

        mutating func u32() -> UInt32 {
            let v = UInt32(bytes[i]) << 24 | UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3])
            i += 4
            return v
        }

        mutating func i64() -> Int64 {
            var v: UInt64 = 0
            for k in 0 ..< 8 { v = v << 8 | UInt64(bytes[i + k]) }
            i += 8
            return Int64(bitPattern: v)
        }

        /// RFC 8536 §3.1: magic "TZif", version, 15 unused bytes, six 32-bit counts.
        mutating func header() throws(InputError) -> Header {
            try need(44)
            guard bytes[i] == 0x54, bytes[i + 1] == 0x5A, bytes[i + 2] == 0x69, bytes[i + 3] == 0x66 else {
                throw bad(identifier, "it does not start with 'TZif'")
            }
            let v = bytes[i + 4]
            let version = v == 0 ? 1 : Int(v) - 0x30
            guard version >= 1, version <= 9 else { throw bad(identifier, "unknown version byte \(v)") }
            i += 20
            var counts: [Int] = []
            for _ in 0 ..< 6 {
                let c = u32()
                guard c <= 1_000_000 else { throw bad(identifier, "a count is implausibly large") }
                counts.append(Int(c))
            }
            let h = Header(version: version, isutcnt: counts[0], isstdcnt: counts[1], leapcnt: counts[2],
                           timecnt: counts[3], typecnt: counts[4], charcnt: counts[5])
            guard h.typecnt >= 1 else { throw bad(identifier, "it has no local time type") }
            guard h.isutcnt == 0 || h.isutcnt == h.typecnt, h.isstdcnt == 0 || h.isstdcnt == h.typecnt else {
                throw bad(identifier, "its indicator counts do not match its type count")
            }
            return h
        }

        /// RFC 8536 §3.2: transition times, type indices, ttinfo entries; designations, leap seconds and indicators skipped.
        mutating func block(_ h: Header, timeSize: Int) throws(InputError) -> Block {
            try need(h.dataLength(timeSize: timeSize))
            var times: [Int64] = []
            times.reserveCapacity(h.timecnt)
            for _ in 0 ..< h.timecnt {
                times.append(timeSize == 8 ? i64() : Int64(Int32(bitPattern: u32())))
            }
            let indices = Array(bytes[i ..< i + h.timecnt])
            i += h.timecnt
            for index in indices where Int(index) >= h.typecnt { throw bad(identifier, "a transition uses an unknown type") }
            var offsets: [Int32] = []
            for _ in 0 ..< h.typecnt {
                let utoff = Int32(bitPattern: u32())
                guard utoff != Int32.min, abs(Int(utoff)) <= 26 * 3600 else { throw bad(identifier, "an offset is out of range") }
                offsets.append(utoff)
                i += 2  // isdst, desigidx
            }
            i += h.charcnt + h.leapcnt * (timeSize + 4) + h.isstdcnt + h.isutcnt
            return Block(times: times, typeIndices: indices, offsets: offsets)
        }

        /// RFC 8536 §3.3: NL, TZ string, NL; nil when absent.
        mutating func footer() throws(InputError) -> String? {
            guard i < bytes.count else { return nil }
            guard bytes[i] == 0x0A else { throw bad(identifier, "its footer does not start with a newline") }
            var j = i + 1
            while j < bytes.count, bytes[j] != 0x0A { j += 1 }
            guard j < bytes.count else { throw bad(identifier, "its footer does not end with a newline") }
            let text = String(decoding: bytes[(i + 1) ..< j], as: UTF8.self)
            i = j + 1
            return text
        }
    }
}
