import Testing
@testable import SlotMatchCore

@Suite struct WeekdayTests {
    @Test(arguments: [
        (CivilDate(year: 1970, month: 1, day: 1), Weekday.thursday),
        (CivilDate(year: 2000, month: 1, day: 1), .saturday),
        (CivilDate(year: 2024, month: 2, day: 29), .thursday),
        (CivilDate(year: 2026, month: 12, day: 4), .friday),
        (CivilDate(year: 2026, month: 3, day: 29), .sunday),
        (CivilDate(year: 1969, month: 12, day: 29), .monday),
        (CivilDate(year: 1600, month: 3, day: 1), .wednesday),
    ])
    func knownDates(date: CivilDate, weekday: Weekday) {
        #expect(date.weekday == weekday)
        #expect(Weekday(daysSinceEpoch: date.daysSinceEpoch) == weekday)
    }

    @Test func icalCodesRoundTrip() {
        #expect(Weekday.allCases.map(\.icalCode) == ["MO", "TU", "WE", "TH", "FR", "SA", "SU"])
        for w in Weekday.allCases { #expect(Weekday(icalCode: w.icalCode.lowercased()) == w) }
        #expect(Weekday(icalCode: "XX") == nil)
        #expect(Weekday.monday < Weekday.sunday)
    }
}
