import Testing
@testable import SlotMatchCore

@Suite struct CivilDateTests {
    /// Walks the calendar one day at a time with the month lengths written out, from 1900 to 2400,
    /// and checks the integer day-count conversions against it in both directions.
    @Test func roundTripAgainstNaiveDayByDayWalk() {
        let monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        func leap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
        var (y, m, d) = (1900, 1, 1)
        var count = -25_567  // 1900-01-01 is 25,567 days before 1970-01-01
        var weekday = 1      // 1900-01-01 was a Monday
        while y < 2400 {
            let date = CivilDate(year: y, month: m, day: d)
            #expect(date.daysSinceEpoch == count)
            #expect(CivilDate(daysSinceEpoch: count) == date)
            #expect(date.weekday.rawValue == weekday)
            #expect(date.isValid)
            if d == 1 && m == 1 { #expect(date.dayOfYear == 1) }
            if d == 31 && m == 12 { #expect(date.dayOfYear == (leap(y) ? 366 : 365)) }
            let length = m == 2 && leap(y) ? 29 : monthLengths[m - 1]
            d += 1
            if d > length { d = 1; m += 1; if m > 12 { m = 1; y += 1 } }
            count += 1
            weekday = weekday % 7 + 1
        }
    }

    @Test(arguments: [("2026-12-04", 2026, 12, 4), ("20240229", 2024, 2, 29), ("1970-01-01", 1970, 1, 1)])
    func parse(text: String, y: Int, m: Int, d: Int) {
        #expect(CivilDate.parse(text) == CivilDate(year: y, month: m, day: d))
        #expect(CivilDate(year: y, month: m, day: d).iso8601.count == 10)
    }

    @Test(arguments: ["2023-02-29", "2026-13-01", "2026-00-10", "2026-1-1", "", "abcd-ef-gh", "2026-04-31"])
    func parseRejects(text: String) {
        #expect(CivilDate.parse(text) == nil)
    }

    @Test func addingDaysCrossesMonthsAndYears() {
        #expect(CivilDate(year: 2026, month: 12, day: 31).adding(days: 1) == CivilDate(year: 2027, month: 1, day: 1))
        #expect(CivilDate(year: 2024, month: 3, day: 1).adding(days: -1) == CivilDate(year: 2024, month: 2, day: 29))
        #expect(CivilDate(year: 1969, month: 12, day: 31).daysSinceEpoch == -1)
    }
}
