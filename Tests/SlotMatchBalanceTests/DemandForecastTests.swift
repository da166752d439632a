import SlotMatchCore
import Testing
@testable import SlotMatchBalance

@Suite struct DemandForecastTests {
    /// 08:00 Paris on `date`, UTC seconds (winter: UTC+1).
    func morning(_ date: CivilDate, hour: Int = 8) -> Int64 { Int64(date.daysSinceEpoch) * 86_400 + Int64(hour - 1) * 3600 }

    @Test func theSameWeekdayOfTheLastWeeksGivesTheExpectedDemandAndTheShortfall() {
        let today = CivilDate(year: 2026, month: 12, day: 4)  // a Friday
        var history: [DemandRecord] = []
        // Pole 0: Fridays of the last 4 weeks had 3, 5, 4, 4 requests; a Thursday's requests must not count for Friday.
        for (w, n) in [3, 5, 4, 4].enumerated() {
            for _ in 0 ..< n { history.append(DemandRecord(receivedAt: morning(today.adding(days: -7 * (w + 1))), pole: 0)) }
        }
        for _ in 0 ..< 9 { history.append(DemandRecord(receivedAt: morning(today.adding(days: -8)), pole: 0)) }
        // Pole 1: one request every Saturday of the last 4 weeks.
        for w in 1 ... 4 { history.append(DemandRecord(receivedAt: morning(today.adding(days: 1 - 7 * w)), pole: 1)) }
        // Supply: 2 free slots in pole 0 today, 3 in pole 1 tomorrow.
        let supply = [SupplySlot(start: morning(today, hour: 10), pole: 0), SupplySlot(start: morning(today, hour: 11), pole: 0)]
            + (0 ..< 3).map { SupplySlot(start: morning(today.adding(days: 1), hour: 9 + $0), pole: 1) }
        let f = DemandForecaster(weeksBack: 6).forecast(history: history, supply: supply, days: [today, today.adding(days: 1)],
                                                       poleCount: 2, zone: paris, today: today, historyStart: nil)
        let friday0 = f.first { $0.pole == 0 && $0.day == today }!
        // Only 4 weeks of history exist (the earliest record is 4 weeks + 1 day back): mean 16 / 4 = 4.0.
        #expect(friday0.weeksUsed == 4)
        #expect(friday0.expectedTenths == 40)
        #expect(friday0.freeSlots == 2 && friday0.shortfall == 2)
        let saturday1 = f.first { $0.pole == 1 && $0.day == today.adding(days: 1) }!
        #expect(saturday1.expectedTenths == 10 && saturday1.freeSlots == 3 && saturday1.shortfall == 0)
        let saturday0 = f.first { $0.pole == 0 && $0.day == today.adding(days: 1) }!
        #expect(saturday0.expectedTenths == 0 && saturday0.shortfall == 0)
    }

    @Test func roundedUpMeansAndWeeksBeforeTheHistoryDoNotCount() {
        let today = CivilDate(year: 2026, month: 12, day: 7)  // a Monday
        // 1, 0, 0 requests on the last three Mondays: 0.3 expected, ⌈0.33⌉ = 1 needed; no supply → short by 1.
        let history = [DemandRecord(receivedAt: morning(today.adding(days: -7)), pole: 0)]
        let f = DemandForecaster(weeksBack: 8).forecast(history: history, supply: [], days: [today], poleCount: 1, zone: paris,
                                                       today: today, historyStart: today.adding(days: -21))
        #expect(f[0].weeksUsed == 3 && f[0].expectedTenths == 3 && f[0].shortfall == 1)
    }

    @Test func shortfallsAreAskedOfThePolesGPsWithTheMostHeadroom() {
        let day = CivilDate(year: 2026, month: 12, day: 4)
        let forecast = [PoleDayForecast(pole: 0, day: day, expectedTenths: 50, weeksUsed: 4, freeSlots: 1, shortfall: 4)]
        // GPs 0 and 2 in pole 0 (headroom 3 and 1), GP 1 in pole 1 (never asked).
        let asks = DemandForecaster().overflowAsks(forecast, poleOfPractitioner: [0, 1, 0], headroom: [3, 9, 1])
        #expect(asks == [OverflowAsk(pole: 0, day: day, practitioner: 0, extraSlots: 3), OverflowAsk(pole: 0, day: day, practitioner: 2, extraSlots: 1)])
    }
}
