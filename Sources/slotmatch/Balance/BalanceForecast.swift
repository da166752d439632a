import SlotMatchBalance
import SlotMatchCore
import SlotMatchService
import SlotMatchStore

/// The supply-against-demand part of `slotmatch balance`: the coming days' expected demand per pole from the
/// stored history, the free SNP slots of those days, and the extra slots to ask each short pole's GPs for.
struct BalanceForecast {
    var days: [PoleDayForecast]
    var asks: [OverflowAsk]
    var weeks: Int

    static func make(store: Store, territory: Territory, zone: ZoneRules, input: BalanceInput, plan: BalancePlan,
                     now: Instant, days count: Int, weeks: Int) throws -> BalanceForecast {
        let builder = BalanceInputBuilder(territory: territory, zone: zone)
        let today = zone.localTime(of: now).date
        let days = (0 ..< count).map { today.adding(days: $0) }
        let historyFrom = now.adding(seconds: -Int64(weeks * 7 + 1) * 86_400)
        let history = try store.requests(from: historyFrom, to: now).map { stored -> DemandRecord in
            let r = stored.request
            let insee: String?
            switch r.location {
            case .commune(let code): insee = code
            case .point(let p): insee = territory.nearestCommune(to: p)?.insee
            }
            return DemandRecord(receivedAt: r.receivedAt.secondsSinceEpoch, pole: insee.map(builder.poleIndex(ofCommune:)) ?? -1)
        }
        let dayStart = zone.instant(of: LocalDateTime(date: today, secondOfDay: 0))
        let dayEnd = zone.instant(of: LocalDateTime(date: today.adding(days: count), secondOfDay: 0))
        var gpIndex: [String: Int] = [:]
        for (i, p) in input.practitioners.enumerated() { gpIndex[p.id] = i }
        let supply = try store.freeSlots(from: max(now, dayStart), to: dayEnd).compactMap { slot -> SupplySlot? in
            guard slot.visibility.contains(.snp), let g = gpIndex[slot.practitioner.digits] else { return nil }
            let gp = input.practitioners[g]
            guard gp.participatesInSNP else { return nil }
            return SupplySlot(start: slot.start.secondsSinceEpoch, pole: gp.pole)
        }
        let forecaster = DemandForecaster(weeksBack: weeks)
        let forecast = forecaster.forecast(history: history, supply: supply, days: days, poleCount: territory.poles.count,
                                           zone: zone, today: today, historyStart: nil)
        // Headroom in this week: cap − load after the run (or the fixed load when the run gave nothing this week).
        let week = SNPWeekKey.days(of: now.secondsSinceEpoch, in: zone)
        let headroom = input.practitioners.enumerated().map { p, gp -> Int in
            guard gp.participatesInSNP else { return 0 }
            let load = plan.practitionerLoads.first { Int($0.practitioner) == p && $0.weekDays == week }?.after ?? (gp.fixedLoadByWeek[week] ?? 0)
            return max(0, gp.weeklyCap - load)
        }
        let asks = forecaster.overflowAsks(forecast, poleOfPractitioner: input.practitioners.map(\.pole), headroom: headroom)
        return BalanceForecast(days: forecast, asks: asks, weeks: weeks)
    }
}
