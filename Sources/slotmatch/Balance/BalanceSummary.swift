import SlotMatchService
import Foundation
import SlotMatchBalance
import SlotMatchCore
import SlotMatchReport
import SlotMatchStore

/// What `slotmatch balance` prints (a table or JSON) and what its report shows, from the plan and the forecast.
struct BalanceSummary {
    var input: BalanceInput
    var plan: BalancePlan
    var forecast: BalanceForecast
    var zone: ZoneRules
    var skippedRequests: [String]
    var overdue: [String]
    var application: BalanceApplication?

    /// `#12 Dr Claire Martin 2026-12-05 09:00` (local time).
    static func label(_ slot: BalanceSlot, _ input: BalanceInput, zone: ZoneRules) -> String {
        let local = zone.localTime(of: Instant(secondsSinceEpoch: slot.start)).iso8601
        return "#\(slot.id) \(input.practitioners[Int(slot.practitioner)].displayName) \(local.prefix(16).replacingOccurrences(of: "T", with: " "))"
    }

    static func monday(_ days: Int) -> String { CivilDate(daysSinceEpoch: days).iso8601 }

    func poleName(_ q: Int32) -> String { q >= 0 && Int(q) < input.poles.count ? input.poles[Int(q)].name : "-" }

    var table: String {
        var out = ""
        var moves = TextTable([.init("REQUEST"), .init("FROM"), .init("TO"), .init("ΔCOST", right: true)])
        for m in plan.moves {
            moves.add([m.requestID, m.fromSlot.map { Self.label(input.slots[Int($0)], input, zone: zone) } ?? "(waiting)",
                       Self.label(input.slots[Int(m.toSlot)], input, zone: zone), String(m.costDelta)])
        }
        out += "Moves: \(plan.moves.count); cost \(plan.costBefore) → \(plan.costAfter)"
        out += "; unassigned \(plan.unassigned.count)\(plan.certified ? "; optimum certified" : "; CERTIFICATE FAILED")"
        out += plan.exactOverAllFeasibleSlots ? " over every feasible slot\n" : " over the candidate slots\n"
        if !plan.moves.isEmpty { out += moves.rendered }
        if let a = application {
            out += "\nApplied: \(a.applied.count); skipped: \(a.skipped.count)\n"
            for s in a.skipped { out += "  skipped \(s.move.requestID) → slot \(s.move.toSlotID): \(s.code): \(s.reason)\n" }
        }
        for r in skippedRequests { out += "left out: \(r)\n" }
        if !overdue.isEmpty { out += "Overdue (deadline passed, left to the operators): \(overdue.count)\n" }
        var gps = TextTable([.init("GP"), .init("POLE"), .init("WEEK"), .init("CAP", right: true), .init("BEFORE", right: true),
                             .init("AFTER", right: true), .init("OF CAP", right: true)])
        for l in plan.practitionerLoads {
            let gp = input.practitioners[Int(l.practitioner)]
            gps.add([gp.displayName, poleName(gp.pole), Self.monday(l.weekDays), String(l.weeklyCap), String(l.before), String(l.after),
                     "\(l.afterPermille / 10)%"])
        }
        out += "\nLoad per GP and week:\n" + gps.rendered
        var poles = TextTable([.init("POLE"), .init("CAPACITY", right: true), .init("BEFORE", right: true), .init("AFTER", right: true)])
        for l in plan.poleLoads { poles.add([poleName(l.pole), String(l.capacity), String(l.before), String(l.after)]) }
        out += "\nLoad per pole:\n" + poles.rendered
        var days = TextTable([.init("DAY"), .init("POLE"), .init("EXPECTED", right: true), .init("FREE SNP", right: true),
                              .init("SHORT", right: true), .init("ASK")])
        for d in forecast.days {
            days.add([d.day.iso8601, poleName(d.pole), "\(d.expectedTenths / 10).\(d.expectedTenths % 10)", String(d.freeSlots),
                      String(d.shortfall), asks(d).joined(separator: ", ")])
        }
        out += "\nSupply against demand (same weekday, last \(forecast.weeks) weeks):\n" + days.rendered
        return out
    }

    func asks(_ d: PoleDayForecast) -> [String] {
        forecast.asks.filter { $0.pole == d.pole && $0.day == d.day }.map { "\(input.practitioners[Int($0.practitioner)].displayName): \($0.extraSlots)" }
    }

    var json: JSONValue {
        func slot(_ s: Int32?) -> JSONValue {
            guard let s else { return .null }
            let x = input.slots[Int(s)]
            return .object(["slot": .int(Int(x.id)), "practitioner": .string(input.practitioners[Int(x.practitioner)].id),
                            "start": .string(Instant(secondsSinceEpoch: x.start).iso8601)])
        }
        var object: [String: JSONValue] = [
            "now": .string(Instant(secondsSinceEpoch: input.now).iso8601),
            "horizonEnd": .string(Instant(secondsSinceEpoch: input.horizonEnd).iso8601),
            "costBefore": .int(Int(plan.costBefore)), "costAfter": .int(Int(plan.costAfter)), "certified": .bool(plan.certified),
            "exactOverAllFeasibleSlots": .bool(plan.exactOverAllFeasibleSlots), "pricingRounds": .int(plan.pricingRounds),
            "candidateEdges": .int(plan.candidateEdgeCount),
            "moves": .array(plan.moves.map { m in
                .object(["request": .string(m.requestID), "appointment": m.appointmentID.map { .int(Int($0)) } ?? .null,
                         "from": slot(m.fromSlot), "to": slot(m.toSlot), "costDelta": .int(Int(m.costDelta))])
            }),
            "unassigned": .array(plan.unassigned.map { .string(input.requests[Int($0)].id) }),
            "leftOut": .array(skippedRequests.map { .string($0) }),
            "overdue": .array(overdue.map { .string($0) }),
            "practitionerLoads": .array(plan.practitionerLoads.map { l in
                .object(["practitioner": .string(input.practitioners[Int(l.practitioner)].id), "week": .string(Self.monday(l.weekDays)),
                         "weeklyCap": .int(l.weeklyCap), "fixed": .int(l.fixed), "before": .int(l.before), "after": .int(l.after),
                         "afterPermilleOfCap": .int(l.afterPermille)])
            }),
            "poleLoads": .array(plan.poleLoads.map { l in
                .object(["pole": .string(input.poles[Int(l.pole)].id), "capacity": .int(l.capacity), "before": .int(l.before), "after": .int(l.after)])
            }),
            "forecast": .object(["weeks": .int(forecast.weeks), "days": .array(forecast.days.map { d in
                .object(["day": .string(d.day.iso8601), "pole": .string(input.poles[Int(d.pole)].id),
                         "expected": .double(Double(d.expectedTenths) / 10), "weeksUsed": .int(d.weeksUsed),
                         "freeSnpSlots": .int(d.freeSlots), "shortfall": .int(d.shortfall),
                         "asks": .array(forecast.asks.filter { $0.pole == d.pole && $0.day == d.day }.map { a in
                             .object(["practitioner": .string(input.practitioners[Int(a.practitioner)].id), "extraSlots": .int(a.extraSlots)])
                         })])
            })]),
        ]
        if let a = application {
            object["applied"] = .array(zip(a.applied, a.newAppointmentIDs).map { m, id in
                .object(["request": .string(m.requestID), "toSlot": .int(Int(m.toSlotID)), "appointment": .int(Int(id))])
            })
            object["skipped"] = .array(a.skipped.map { s in
                .object(["request": .string(s.move.requestID), "toSlot": .int(Int(s.move.toSlotID)), "code": .string(s.code), "reason": .string(s.reason)])
            })
        }
        return .object(JSONObject(sortingKeysOf: object))
    }

    static func reportContent(territory: Territory, zone: ZoneRules, input: BalanceInput, plan: BalancePlan,
                              forecast: BalanceForecast, overdue: Int, now: Instant, end: Instant) -> BalanceReportContent {
        let summary = BalanceSummary(input: input, plan: plan, forecast: forecast, zone: zone, skippedRequests: [], overdue: [],
                                     application: nil)
        return BalanceReportContent(
            territoryName: territory.name, generatedAt: now.iso8601, horizonEnd: end.iso8601,
            costBefore: plan.costBefore, costAfter: plan.costAfter, unassigned: plan.unassigned.count, overdue: overdue,
            poles: plan.poleLoads.map { l in
                let p = input.poles[Int(l.pole)]
                return .init(name: p.name, latitude: p.location.latitude, longitude: p.location.longitude, capacity: l.capacity,
                             before: l.before, after: l.after)
            },
            practitioners: plan.practitionerLoads.map { l in
                let gp = input.practitioners[Int(l.practitioner)]
                return .init(name: gp.displayName, pole: summary.poleName(gp.pole), week: monday(l.weekDays), weeklyCap: l.weeklyCap,
                             before: l.before, after: l.after)
            },
            days: forecast.days.map { d in
                .init(date: d.day.iso8601, pole: summary.poleName(d.pole), expectedTenths: d.expectedTenths, freeSlots: d.freeSlots,
                      shortfall: d.shortfall, asks: summary.asks(d))
            },
            moves: plan.moves.map { m in
                .init(request: m.requestID, from: m.fromSlot.map { label(input.slots[Int($0)], input, zone: zone) } ?? "—",
                      to: label(input.slots[Int(m.toSlot)], input, zone: zone), costDelta: m.costDelta)
            },
            communes: territory.communes.map { [$0.location.latitude, $0.location.longitude] })
    }
}
