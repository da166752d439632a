import Foundation
import SlotMatchCore
import SlotMatchMatching
@testable import SlotMatchBalance

/// Europe/Paris as the EU rule gives it (last Sunday of March and October at 01:00 UTC), 2024–2030.
let paris: ZoneRules = {
    var transitions: [(instant: Int64, offsetAfter: Int32)] = []
    for year in 2024 ... 2030 {
        for (month, offset) in [(3, Int32(7200)), (10, Int32(3600))] {
            var day = CivilDate(year: year, month: month, day: 31)
            while day.weekday != .sunday { day = day.adding(days: -1) }
            transitions.append((Int64(day.daysSinceEpoch) * 86_400 + 3600, offset))
        }
    }
    return ZoneRules(identifier: "Europe/Paris", initialOffset: 3600, transitions: transitions)
}()

/// Friday 2026-12-04 07:00 UTC (08:00 in Paris).
let friday = Instant(parseISO: "2026-12-04T07:00:00Z")
let rambouillet = GeoPoint(latitude: 48.6436, longitude: 1.8305)

extension Instant {
    init(parseISO text: String) { self = Instant.parseISO8601(text)! }
}

/// A point `km` kilometres north of `p`.
func north(of p: GeoPoint, km: Double) -> GeoPoint { GeoPoint(latitude: p.latitude + km / 111.2, longitude: p.longitude) }

/// A GP `km` north of Rambouillet, in pole `pole`.
func gp(_ n: Int, km: Double, cap: Int = 20, pole: Int32 = 0, fixed: [Int: Int] = [:]) -> BalancePractitioner {
    BalancePractitioner(id: "gp\(n)", displayName: "Dr Test \(n)", location: north(of: rambouillet, km: km), weeklyCap: cap,
                        pole: pole, fixedLoadByWeek: fixed)
}

/// A request from Rambouillet received at `received` (deadline from its level).
func request(_ id: String, urgency: UrgencyLevel = .within24h, received: Instant = friday, at point: GeoPoint = rambouillet,
             current: BalanceRequest.Current? = nil, treating: Int32? = nil) -> BalanceRequest {
    BalanceRequest(id: id, location: point, urgency: urgency, deadline: received.secondsSinceEpoch + urgency.defaultMaximumDelaySeconds!,
                   treatingPractitioner: treating, current: current)
}

/// A 15-minute office SNP slot of GP `gp` starting `hours` after Friday 07:00 UTC.
func slot(_ id: Int64, gp: Int32, hours: Double) -> BalanceSlot {
    let start = friday.secondsSinceEpoch + Int64(hours * 3600)
    return BalanceSlot(id: id, practitioner: gp, start: start, end: start + 900)
}

let twoPoles = [BalancePole(id: "P1", name: "Pôle Un", location: rambouillet),
                BalancePole(id: "P2", name: "Pôle Deux", location: north(of: rambouillet, km: 20))]

func input(_ gps: [BalancePractitioner], _ slots: [BalanceSlot], _ requests: [BalanceRequest], hours: Int64 = 48) -> BalanceInput {
    BalanceInput(now: friday.secondsSinceEpoch, horizonEnd: friday.secondsSinceEpoch + hours * 3600, practitioners: gps,
                 poles: twoPoles, slots: slots, requests: requests, weekZone: paris)
}

/// Recomputes the plan's objective from scratch: the problem's edge costs of the chosen slots, penalties of the
/// requests left out, and the load curves at the loads reached.
func objective(of plan: BalancePlan) -> Int64 {
    let p = plan.problem
    var cost: Int64 = 0
    var gpLoad = [Int64](repeating: 0, count: p.practitioners.count)
    for (r, s) in plan.slotOfRequest.enumerated() {
        if s < 0 { cost += p.requests[r].unassignedPenalty; continue }
        cost += p.edges.first { Int($0.request) == r && $0.slot == s }!.cost
        gpLoad[Int(p.slots[Int(s)].practitioner)] += 1
    }
    var poleLoad = [Int64](repeating: 0, count: p.poles.count)
    for (g, load) in gpLoad.enumerated() {
        cost += p.practitioners[g].load.cost(ofLoad: load)
        poleLoad[Int(p.practitioners[g].pole)] += load
    }
    for (q, load) in poleLoad.enumerated() { cost += p.poles[q].load.cost(ofLoad: load) }
    return cost
}
