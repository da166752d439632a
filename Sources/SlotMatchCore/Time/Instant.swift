/// A point in time: whole seconds since 1970-01-01T00:00:00Z.
///
/// Every instant SlotMatch stores or compares is UTC; local times exist only at the edges
/// (reading a calendar, showing a slot), through `ZoneRules`.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var secondsSinceEpoch: Int64

    @inlinable public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    @inlinable public static func < (a: Instant, b: Instant) -> Bool { a.secondsSinceEpoch < b.secondsSinceEpoch }

    @inlinable public func adding(seconds: Int64) -> Instant { Instant(secondsSinceEpoch: secondsSinceEpoch + seconds) }
    @inlinable public func adding(minutes: Int) -> Instant { adding(seconds: Int64(minutes) * 60) }

    /// Seconds from `self` to `later` (negative when `later` is earlier).
    @inlinable public func seconds(until later: Instant) -> Int64 { later.secondsSinceEpoch - secondsSinceEpoch }

    /// The UTC calendar reading of this instant.
    public var utc: LocalDateTime { LocalDateTime(wallSeconds: secondsSinceEpoch) }

    /// ISO 8601 in UTC with a `Z`, e.g. `2026-12-04T14:30:00Z`.
    public var iso8601: String { utc.iso8601 + "Z" }

    public var description: String { iso8601 }

    /// Parses `YYYY-MM-DDTHH:MM[:SS][.fff](Z|±HH:MM)`; a reading without offset is refused,
    /// since an instant must be unambiguous. Use `LocalDateTime.parse` plus a zone for local times.
    public static func parseISO8601(_ text: String) -> Instant? {
        var bytes = Array(text.utf8)
        guard bytes.count >= 16 else { return nil }
        var offsetSeconds: Int64 = 0
        if bytes.last == UInt8(ascii: "Z") || bytes.last == UInt8(ascii: "z") {
            bytes.removeLast()
        } else if bytes.count >= 6 {
            let signIndex = bytes.count - 6
            let sign = bytes[signIndex]
            guard (sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-")) && bytes[signIndex + 3] == UInt8(ascii: ":"),
                  let hh = Digits.number(bytes, signIndex + 1, 2), let mm = Digits.number(bytes, signIndex + 4, 2),
                  hh < 24, mm < 60
            else { return nil }
            offsetSeconds = Int64(hh * 3600 + mm * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
            bytes.removeLast(6)
        } else { return nil }
        guard let local = LocalDateTime.parse(bytes: bytes) else { return nil }
        return Instant(secondsSinceEpoch: local.wallSeconds - offsetSeconds)
    }
}

/// Small digit readers shared by the time parsers.
enum Digits {
    /// The decimal number in `bytes[start ..< start+count]`, or nil if any byte is not a digit.
    @inline(__always)
    static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start >= 0, start + count <= bytes.count else { return nil }
        var value = 0
        for i in start ..< start + count {
            let d = Int(bytes[i]) &- 48
            guard d >= 0 && d <= 9 else { return nil }
            value = value * 10 + d
        }
        return value
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
