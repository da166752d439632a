import SlotMatchCore

/// A DURATION value (RFC 5545 §3.3.6): `P1W`, `P1DT2H`, `-PT15M`, `PT1H30M`.
///
/// Weeks and days are nominal (a day is "the same time tomorrow", 23 or 25 hours across a DST change);
/// hours, minutes and seconds are exact. The two parts are kept apart so that `end(from:in:)` can
/// apply them in that order, as §3.3.6 and §3.8.2.5 require.
public struct CalendarDuration: Sendable, Hashable, CustomStringConvertible {
    /// Nominal days (weeks × 7 + days), negative for a negative duration.
    public var days: Int
    /// Exact seconds (hours × 3600 + minutes × 60 + seconds), negative for a negative duration.
    public var seconds: Int64

    public init(days: Int = 0, seconds: Int64 = 0) { self.days = days; self.seconds = seconds }

    public var isNegative: Bool { days < 0 || seconds < 0 }

    /// The length assuming every day lasts 86 400 s (right for UTC and floating times).
    public var nominalSeconds: Int64 { Int64(days) * 86_400 + seconds }

    /// `start + self`: the days added on the wall clock of `zone`, then the exact seconds.
    public func end(from start: Instant, in zone: ZoneRules) -> Instant {
        guard days != 0 else { return start.adding(seconds: seconds) }
        var local = zone.localTime(of: start)
        local.date = local.date.adding(days: days)
        return zone.instant(of: local).adding(seconds: seconds)
    }

    /// The wall-clock reading `self` after `local` (days on the calendar, then seconds).
    public func adding(to local: LocalDateTime) -> LocalDateTime {
        LocalDateTime(wallSeconds: LocalDateTime(date: local.date.adding(days: days), secondOfDay: local.secondOfDay).wallSeconds + seconds)
    }

    public var description: String {
        var s = isNegative ? "-P" : "P"
        let d = abs(days), t = abs(seconds)
        if d % 7 == 0 && d > 0 && t == 0 { return s + String(d / 7) + "W" }
        if d > 0 { s += String(d) + "D" }
        if t > 0 || d == 0 {
            s += "T"
            if t >= 3600 { s += String(t / 3600) + "H" }
            if t % 3600 >= 60 { s += String(t % 3600 / 60) + "M" }
            if t % 60 > 0 || t == 0 { s += String(t % 60) + "S" }
        }
        return s
    }

    /// Reads the DURATION property (or any property whose value is a duration, like TRIGGER).
    public static func parse(_ property: CalendarProperty) throws(InputError) -> CalendarDuration {
        guard let d = parse(text: property.value) else { throw invalid(property.value, property.name, property.place) }
        return d
    }

    /// Reads a duration written somewhere (`place`, `name` are for the message).
    public static func parse(text: String, name: String, place: SourcePlace) throws(InputError) -> CalendarDuration {
        guard let d = parse(text: text) else { throw invalid(text, name, place) }
        return d
    }

    /// §3.3.6: dur-value = ["+" / "-"] "P" (dur-date / dur-time / dur-week). Accepted leniently: the
    /// W, D, H, M, S fields in that order, each optional, at least one, time fields after "T".
    public static func parse(text: String) -> CalendarDuration? {
        let b = Array(text.utf8)
        var i = 0
        var sign: Int64 = 1
        if i < b.count, b[i] == 0x2B || b[i] == 0x2D { sign = b[i] == 0x2D ? -1 : 1; i += 1 }
        guard i < b.count, b[i] | 0x20 == 0x70 else { return nil }  // P
        i += 1
        var days: Int64 = 0, secs: Int64 = 0
        var inTime = false
        var lastRank = 0  // W=1 D=2 H=3 M=4 S=5, strictly increasing
        var fields = 0
        while i < b.count {
            if b[i] | 0x20 == 0x74 {  // T
                guard !inTime else { return nil }
                inTime = true
                i += 1
                guard i < b.count else { return nil }  // "PT" alone
                continue
            }
            var n: Int64 = 0
            let digitsStart = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                n = n * 10 + Int64(b[i] - 0x30)
                guard n < 1_000_000_000 else { return nil }
                i += 1
            }
            guard i > digitsStart, i < b.count else { return nil }
            let rank: Int
            switch b[i] | 0x20 {
            case 0x77 where !inTime: rank = 1; days += n * 7
            case 0x64 where !inTime: rank = 2; days += n
            case 0x68 where inTime: rank = 3; secs += n * 3600
            case 0x6D where inTime: rank = 4; secs += n * 60
            case 0x73 where inTime: rank = 5; secs += n
            default: return nil
            }
            guard rank > lastRank else { return nil }
            lastRank = rank
            fields += 1
            i += 1
        }
        guard fields > 0 else { return nil }
        return CalendarDuration(days: Int(sign * days), seconds: sign * secs)
    }

    static func invalid(_ text: String, _ name: String, _ place: SourcePlace) -> InputError {
        InputError(place, "\(name) has '\(text)', which is not an iCalendar duration",
                   remedy: "Write durations as P1W, P1D, PT2H, PT1H30M or -PT15M (RFC 5545 §3.3.6).")
    }
}
