import SlotMatchCore

/// The POSIX TZ string of a TZif footer (RFC 8536 §3.3, POSIX.1-2017 §8.3), e.g. `CET-1CEST,M3.5.0,M10.5.0/3`:
/// the rule a zone follows after its last listed transition. `transitions(fromYear:throughYear:)` expands it
/// into UTC transitions so that `ZoneRules` stays a plain sorted array.
public struct POSIXZoneRule: Sendable, Hashable {
    /// A day of the year on which a change happens.
    public enum Day: Sendable, Hashable {
        /// `Jn`: 1...365, February 29 never counted.
        case julianNoLeap(Int)
        /// `n`: 0...365, February 29 counted in leap years.
        case zeroBased(Int)
        /// `Mm.w.d`: weekday `d` (0 = Sunday) of week `w` (1...5, 5 = last) of month `m`.
        case monthWeekDay(month: Int, week: Int, weekday: Int)
    }

    /// A change: the day, and the local time of day (seconds, may be negative or over 24 h in TZif v3).
    public struct Change: Sendable, Hashable {
        public var day: Day
        public var time: Int
    }

    /// Standard offset, seconds east of UTC.
    public var standardOffset: Int32
    /// Daylight offset and the two changes, when the zone observes DST.
    public var daylight: (offset: Int32, start: Change, end: Change)?

    public static func == (a: POSIXZoneRule, b: POSIXZoneRule) -> Bool {
        a.standardOffset == b.standardOffset && a.daylight?.offset == b.daylight?.offset
            && a.daylight?.start == b.daylight?.start && a.daylight?.end == b.daylight?.end
    }

    public func hash(into h: inout Hasher) {
        h.combine(standardOffset); h.combine(daylight?.offset); h.combine(daylight?.start); h.combine(daylight?.end)
    }

    public init(standardOffset: Int32, daylight: (offset: Int32, start: Change, end: Change)? = nil) {
        self.standardOffset = standardOffset; self.daylight = daylight
    }

    /// Parses a TZ string; nil when it is not one.
    public init?(_ text: String) {
        var scanner = Scanner(bytes: Array(text.utf8))
        guard scanner.skipName(), let std = scanner.offset(allowExtendedHours: false) else { return nil }
        standardOffset = Int32(-std)
        if scanner.atEnd { daylight = nil; return }
        guard scanner.skipName() else { return nil }
        var dst = -std + 3600
        if !scanner.atEnd, scanner.peek != UInt8(ascii: ",") {
            guard let o = scanner.offset(allowExtendedHours: false) else { return nil }
            dst = -o
        }
        let start: Change, end: Change
        if scanner.atEnd {
            // POSIX leaves a missing rule to the implementation; glibc and zic use the US rules.
            start = Change(day: .monthWeekDay(month: 3, week: 2, weekday: 0), time: 7200)
            end = Change(day: .monthWeekDay(month: 11, week: 1, weekday: 0), time: 7200)
        } else {
            guard scanner.consume(UInt8(ascii: ",")), let s = scanner.change(), scanner.consume(UInt8(ascii: ",")),
                  let e = scanner.change(), scanner.atEnd else { return nil }
            start = s; end = e
        }
        daylight = (Int32(dst), start, end)
    }

    /// UTC transitions (instant, offset after) for every year in the range.
    public func transitions(fromYear first: Int, throughYear last: Int) -> [(instant: Int64, offsetAfter: Int32)] {
        guard let daylight, first <= last else { return [] }
        var result: [(instant: Int64, offsetAfter: Int32)] = []
        result.reserveCapacity((last - first + 1) * 2)
        for year in first ... last {
            // POSIX: the start time is local standard time, the end time local daylight time.
            let s = Int64(Self.date(daylight.start.day, year).daysSinceEpoch) * 86_400 + Int64(daylight.start.time) - Int64(standardOffset)
            let e = Int64(Self.date(daylight.end.day, year).daysSinceEpoch) * 86_400 + Int64(daylight.end.time) - Int64(daylight.offset)
            if e - s >= 365 * 86_400 {
                // Daylight all year (e.g. `EST5EDT,0/0,J365/25`): one change into it.
                result.append((s, daylight.offset))
                continue
            }
            result.append((s, daylight.offset))
            result.append((e, standardOffset))
        }
        result.sort { $0.instant < $1.instant }
        return result
    }

    /// The civil date of a rule day in `year`.
    static func date(_ day: Day, _ year: Int) -> CivilDate {
        let jan1 = CivilDate(year: year, month: 1, day: 1)
        switch day {
        case .julianNoLeap(let n):
            let leapShift = CivilDate.isLeap(year) && n >= 60 ? 1 : 0
            return jan1.adding(days: n - 1 + leapShift)
        case .zeroBased(let n):
            return jan1.adding(days: n)
        case .monthWeekDay(let month, let week, let weekday):
            let first = CivilDate(year: year, month: month, day: 1)
            let firstWeekday = first.weekday.rawValue % 7  // 0 = Sunday, as POSIX counts
            var day = 1 + (weekday - firstWeekday + 7) % 7 + 7 * (week - 1)
            let length = CivilDate.daysIn(month: month, year: year)
            while day > length { day -= 7 }
            return CivilDate(year: year, month: month, day: day)
        }
    }

    /// Reads the pieces of a TZ string.
    struct Scanner {
        var bytes: [UInt8]
        var i = 0

        var atEnd: Bool { i >= bytes.count }
        var peek: UInt8 { bytes[i] }

        mutating func consume(_ b: UInt8) -> Bool {
            guard i < bytes.count, bytes[i] == b else { return false }
            i += 1
            return true
        }

        /// `std`/`dst` designation: three or more letters, or `<…>` quoted.
        mutating func skipName() -> Bool {
            if consume(UInt8(ascii: "<")) {
                let start = i
                while i < bytes.count, bytes[i] != UInt8(ascii: ">") { i += 1 }
                guard i < bytes.count, i > start else { return false }
                i += 1
                return true
            }
            let start = i
            while i < bytes.count, (bytes[i] | 0x20) >= UInt8(ascii: "a"), (bytes[i] | 0x20) <= UInt8(ascii: "z") { i += 1 }
            return i - start >= 3
        }

        mutating func number(maxDigits: Int) -> Int? {
            let start = i
            var v = 0
            while i < bytes.count, i - start < maxDigits, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                v = v * 10 + Int(bytes[i] - 0x30)
                i += 1
            }
            return i > start ? v : nil
        }

        /// `[+|-]hh[:mm[:ss]]` in seconds (hours 0...24, or up to 167 for v3 rule times).
        mutating func offset(allowExtendedHours: Bool) -> Int? {
            var sign = 1
            if consume(UInt8(ascii: "-")) { sign = -1 } else { _ = consume(UInt8(ascii: "+")) }
            guard let h = number(maxDigits: 3), h <= (allowExtendedHours ? 167 : 24) else { return nil }
            var s = h * 3600
            if consume(UInt8(ascii: ":")) {
                guard let m = number(maxDigits: 2), m < 60 else { return nil }
                s += m * 60
                if consume(UInt8(ascii: ":")) {
                    guard let sec = number(maxDigits: 2), sec < 60 else { return nil }
                    s += sec
                }
            }
            return sign * s
        }

        /// `date[/time]`.
        mutating func change() -> Change? {
            let day: Day
            if consume(UInt8(ascii: "J")) {
                guard let n = number(maxDigits: 3), n >= 1, n <= 365 else { return nil }
                day = .julianNoLeap(n)
            } else if consume(UInt8(ascii: "M")) {
                guard let m = number(maxDigits: 2), m >= 1, m <= 12, consume(UInt8(ascii: ".")),
                      let w = number(maxDigits: 1), w >= 1, w <= 5, consume(UInt8(ascii: ".")),
                      let d = number(maxDigits: 1), d <= 6 else { return nil }
                day = .monthWeekDay(month: m, week: w, weekday: d)
            } else {
                guard let n = number(maxDigits: 3), n <= 365 else { return nil }
                day = .zeroBased(n)
            }
            var time = 7200  // POSIX default 02:00:00
            if consume(UInt8(ascii: "/")) {
                guard let t = offset(allowExtendedHours: true) else { return nil }
                time = t
            }
            return Change(day: day, time: time)
        }
    }
}
