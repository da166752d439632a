/// A day of the proleptic Gregorian calendar, without time or zone.
///
/// Conversions to and from a day count are integer arithmetic (H. Hinnant's algorithms),
/// so recurrence expansion never calls Foundation's `Calendar` in its loops.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int  // 1...12
    public var day: Int    // 1...31

    @inlinable public init(year: Int, month: Int, day: Int) {
        self.year = year; self.month = month; self.day = day
    }

    /// The date `days` after 1970-01-01.
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// Days from 1970-01-01 to this date.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public var weekday: Weekday { Weekday(daysSinceEpoch: daysSinceEpoch) }

    /// 1 for January 1st.
    public var dayOfYear: Int { daysSinceEpoch - CivilDate(year: year, month: 1, day: 1).daysSinceEpoch + 1 }

    public var isValid: Bool { month >= 1 && month <= 12 && day >= 1 && day <= CivilDate.daysIn(month: month, year: year) }

    public func adding(days: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + days) }

    public static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }
    public static func daysIn(year: Int) -> Int { isLeap(year) ? 366 : 365 }
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD`.
    public var iso8601: String { Digits.pad(year, 4) + "-" + Digits.pad(month, 2) + "-" + Digits.pad(day, 2) }
    public var description: String { iso8601 }

    /// Parses `YYYY-MM-DD` or `YYYYMMDD`.
    public static func parse(_ text: String) -> CivilDate? {
        let b = Array(text.utf8)
        let date: CivilDate?
        if b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
           let y = Digits.number(b, 0, 4), let m = Digits.number(b, 5, 2), let d = Digits.number(b, 8, 2) {
            date = CivilDate(year: y, month: m, day: d)
        } else if b.count == 8, let y = Digits.number(b, 0, 4), let m = Digits.number(b, 4, 2), let d = Digits.number(b, 6, 2) {
            date = CivilDate(year: y, month: m, day: d)
        } else { date = nil }
        guard let date, date.isValid else { return nil }
        return date
    }
}
