import SlotMatchService
import SlotMatchCore
import SlotMatchReplay

/// The replay's results as stable JSON (every KPI) and as the policy comparison table.
enum ReplayOutput {
    static func json(instance: ReplayInstance, kpis: [PolicyKPIs], report: String?) -> JSONValue {
        var top: [String: JSONValue] = [
            "requests": .int(instance.requestCount), "slots": .int(instance.slotCount),
            "practitioners": .int(instance.practitionerCount),
            "period": .object(["start": .string(Instant(secondsSinceEpoch: instance.period.start).iso8601),
                               "end": .string(Instant(secondsSinceEpoch: instance.period.end).iso8601)]),
            "policies": .array(kpis.map(policy)),
        ]
        if let report { top["report"] = .string(report) }
        return .object(JSONObject(sortingKeysOf: top))
    }

    static func policy(_ k: PolicyKPIs) -> JSONValue {
        var o: [String: JSONValue] = [
            "policy": .string(k.policy), "exact": .bool(k.exact), "overall": group(k.overall),
            "byUrgency": .array(k.byUrgency.map(group)), "byPole": .array(k.byPole.map(group)),
            "byCommune": .array(k.byCommune.map(group)),
            "poles": .array(k.poles.map(load)), "practitioners": .array(k.practitioners.map(load)),
            "capPressure": load(k.capPressure),
        ]
        o["gapToHindsight"] = k.gapToHindsight.map { .int($0) } ?? .null
        return .object(JSONObject(sortingKeysOf: o))
    }

    static func group(_ g: KPIGroup) -> JSONValue {
        .object([
            "key": .string(g.key), "requests": .int(g.requests), "needingSlot": .int(g.needingSlot),
            "servedInTarget": .int(g.servedInTarget), "servedOutsideTarget": .int(g.servedOutsideTarget),
            "shareInTarget": .double((g.shareInTarget * 10_000).rounded() / 10_000),
            "unserved": .int(g.unserved),
            "unservedByReason": .object(JSONObject(sortingKeysOf: Dictionary(uniqueKeysWithValues: g.unservedByReason.map { ($0.key.rawValue, JSONValue.int($0.value)) }))),
            "samu": .int(g.samu), "advice": .int(g.advice),
            "travelMinutes": .object(["p50": .int(g.travelP50), "p90": .int(g.travelP90)]),
            "waitMinutes": .object(["p50": .int(g.waitP50), "p90": .int(g.waitP90)]),
        ])
    }

    static func load(_ l: PracticeLoad) -> JSONValue {
        .object([
            "key": .string(l.key), "slotsOffered": .int(l.slotsOffered), "booked": .int(l.booked),
            "utilisation": .double((l.utilisation * 10_000).rounded() / 10_000),
            "weeksWithSupply": .int(l.weeksWithSupply), "weeksAtCap": .int(l.weeksAtCap),
            "capPressure": .double((l.capPressure * 10_000).rounded() / 10_000),
        ])
    }

    static func percent(_ share: Double) -> String {
        let t = Int((share * 1000).rounded())
        return String(t / 10) + "." + String(t % 10) + "%"
    }

    static func table(instance: ReplayInstance, kpis: [PolicyKPIs]) -> String {
        var out = "\(instance.requestCount) requests, \(instance.slotCount) slots, \(instance.practitionerCount) GPs, "
        out += "\(Instant(secondsSinceEpoch: instance.period.start).iso8601) – \(Instant(secondsSinceEpoch: instance.period.end).iso8601)\n\n"
        var t = TextTable([
            .init("POLICY"), .init("NEED SLOT", right: true), .init("IN TARGET", right: true), .init("SHARE", right: true),
            .init("OUTSIDE", right: true), .init("UNSERVED", right: true), .init("SAMU", right: true),
            .init("TRAVEL P50/P90", right: true), .init("WAIT P50/P90", right: true), .init("CAP", right: true), .init("GAP", right: true),
        ])
        for k in kpis {
            let g = k.overall
            t.add([k.policy + (k.exact ? "" : "*"), String(g.needingSlot), String(g.servedInTarget), percent(g.shareInTarget),
                   String(g.servedOutsideTarget), String(g.unserved), String(g.samu),
                   "\(g.travelP50)/\(g.travelP90) min", "\(g.waitP50)/\(g.waitP90) min",
                   percent(k.capPressure.capPressure), k.gapToHindsight.map(String.init) ?? "-"])
        }
        out += t.rendered
        if kpis.contains(where: { !$0.exact }) { out += "* approximate: some request–slot arcs were left out (see docs/replay.md)\n" }
        let reasons = UnservedReason.allCases.compactMap { r -> String? in
            let counts = kpis.map { $0.overall.unservedByReason[r] ?? 0 }
            return counts.allSatisfy { $0 == 0 } ? nil : "  \(r.rawValue): " + zip(kpis, counts).map { "\($0.policy) \($1)" }.joined(separator: ", ")
        }
        if !reasons.isEmpty { out += "\nUnserved, by reason:\n" + reasons.joined(separator: "\n") + "\n" }
        return out
    }
}
