import SlotMatchCore

/// Expected demand per pole and day from the stored history: the mean count of requests received on the
/// same weekday (local time) over the last `weeksBack` weeks, against the free SNP slots of those days.
///
/// A week counts only if the history covers it (its day is on or after `historyStart`, and before today), so a
/// young store is not read as a quiet one. Seasonal naïve forecasting ("the same weekday of the last weeks");
/// `weeksBack` defaults to 6, within the 4–8 weeks that smooth one odd week without lagging the season.
public struct DemandForecaster: Sendable, Hashable {
    public var weeksBack: Int
    public init(weeksBack: Int = 6) { self.weeksBack = max(1, weeksBack) }

    /// Forecasts `days` (local dates, today first) for poles `0..<poleCount`.
    public func forecast(history: [DemandRecord], supply: [SupplySlot], days: [CivilDate], poleCount: Int,
                         zone: ZoneRules, today: CivilDate, historyStart: CivilDate?) -> [PoleDayForecast] {
        guard poleCount > 0 else { return [] }
        // Requests per (pole, local day), on integers: one zone lookup per record.
        var counts: [Int: Int] = [:]  // day * poleCount + pole
        var earliest = Int.max
        for record in history where record.pole >= 0 && Int(record.pole) < poleCount {
            let day = zone.localTime(of: Instant(secondsSinceEpoch: record.receivedAt)).date.daysSinceEpoch
            earliest = min(earliest, day)
            counts[day * poleCount + Int(record.pole), default: 0] += 1
        }
        let start = historyStart?.daysSinceEpoch ?? earliest
        var free: [Int: Int] = [:]
        for slot in supply where slot.pole >= 0 && Int(slot.pole) < poleCount {
            let day = zone.localTime(of: Instant(secondsSinceEpoch: slot.start)).date.daysSinceEpoch
            free[day * poleCount + Int(slot.pole), default: 0] += 1
        }
        var result: [PoleDayForecast] = []
        for date in days {
            let d = date.daysSinceEpoch
            for q in 0 ..< poleCount {
                var sum = 0, weeks = 0
                for w in 1 ... weeksBack {
                    let past = d - 7 * w
                    guard past >= start, past < today.daysSinceEpoch else { continue }
                    weeks += 1
                    sum += counts[past * poleCount + q] ?? 0
                }
                let expectedTenths = weeks > 0 ? (sum * 10 + weeks / 2) / weeks : 0
                let expectedCeil = weeks > 0 ? (sum + weeks - 1) / weeks : 0
                let slots = free[d * poleCount + q] ?? 0
                result.append(PoleDayForecast(pole: Int32(q), day: date, expectedTenths: expectedTenths, weeksUsed: weeks,
                                              freeSlots: slots, shortfall: max(0, expectedCeil - slots)))
            }
        }
        return result
    }

    /// Splits each shortfall among the pole's GPs: one slot at a time to the GP with the most weekly headroom
    /// left (cap − load), ties to the lower index; GPs without headroom are not asked.
    public func overflowAsks(_ forecast: [PoleDayForecast], poleOfPractitioner: [Int32], headroom: [Int]) -> [OverflowAsk] {
        var asks: [OverflowAsk] = []
        var left = headroom
        for f in forecast where f.shortfall > 0 {
            var given: [Int32: Int] = [:]
            for _ in 0 ..< f.shortfall {
                var best: Int32 = -1
                for p in poleOfPractitioner.indices where poleOfPractitioner[p] == f.pole && left[p] > 0 {
                    if best < 0 || left[p] > left[Int(best)] { best = Int32(p) }
                }
                guard best >= 0 else { break }
                left[Int(best)] -= 1
                given[best, default: 0] += 1
            }
            for (p, n) in given.sorted(by: { $0.key < $1.key }) {
                asks.append(OverflowAsk(pole: f.pole, day: f.day, practitioner: p, extraSlots: n))
            }
        }
        return asks
    }
}
