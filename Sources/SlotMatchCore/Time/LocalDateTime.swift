/// A wall-clock reading (date and time of day) without a zone: what a calendar says before
/// a `ZoneRules` tells which instant it is. Also used for UTC readings of an `Instant`.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var date: CivilDate
    /// Seconds since local midnight, 0 ..< 86_400.
    public var secondOfDay: Int

    @inlinable public init(date: CivilDate, secondOfDay: Int) {
        self.date = date; self.secondOfDay = secondOfDay
    }

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.init(date: CivilDate(year: year, month: month, day: day), secondOfDay: hour * 3600 + minute * 60 + second)
    }

    /// The reading `wallSeconds` after 1970-01-01T00:00 on the same wall clock.
    public init(wallSeconds: Int64) {
        let days = Int(wallSeconds >= 0 ? wallSeconds / 86_400 : (wallSeconds - 86_399) / 86_400)
        self.init(date: CivilDate(daysSinceEpoch: days), secondOfDay: Int(wallSeconds - Int64(days) * 86_400))
    }

    /// Seconds since 1970-01-01T00:00 on this wall clock (as if it were UTC).
    @inlinable public var wallSeconds: Int64 { Int64(date.daysSinceEpoch) * 86_400 + Int64(secondOfDay) }

    public var hour: Int { secondOfDay / 3600 }
    public var minute: Int { secondOfDay / 60 % 60 }
    public var second: Int { secondOfDay % 60 }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool {
        a.date < b.date || (a.date == b.date && a.secondOfDay < b.secondOfDay)
    }

    /// `YYYY-MM-DDTHH:MM:SS`.
    public var iso8601: String {
        date.iso8601 + "T" + Digits.pad(hour, 2) + ":" + Digits.pad(minute, 2) + ":" + Digits.pad(second, 2)
    }
    public var description: String { iso8601 }

    /// Parses `YYYY-MM-DDTHH:MM[:SS][.fraction]` (a space may stand for the `T`); fractions are dropped.
    public static func parse(_ text: String) -> LocalDateTime? { parse(bytes: Array(text.utf8)) }

    static func parse(bytes b: [UInt8]) -> LocalDateTime? {
        guard b.count >= 16, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " "),
              b[13] == UInt8(ascii: ":"),
              let y = Digits.number(b, 0, 4), let mo = Digits.number(b, 5, 2), let d = Digits.number(b, 8, 2),
              let h = Digits.number(b, 11, 2), let mi = Digits.number(b, 14, 2)
        else { return nil }
        var s = 0
        var rest = 16
        if b.count > 16 {
            guard b[16] == UInt8(ascii: ":"), let sec = Digits.number(b, 17, 2) else { return nil }
            s = sec
            rest = 19
            if b.count > 19 {
                guard b[19] == UInt8(ascii: "."), b.count > 20, Digits.number(b, 20, b.count - 20) != nil else { return nil }
                rest = b.count
            }
        }
        guard rest == b.count || rest == 16 && b.count == 16 else { return nil }
        let date = CivilDate(year: y, month: mo, day: d)
        guard date.isValid, h < 24, mi < 60, s < 61 else { return nil }
        return LocalDateTime(date: date, secondOfDay: h * 3600 + mi * 60 + min(s, 59))
    }
}
