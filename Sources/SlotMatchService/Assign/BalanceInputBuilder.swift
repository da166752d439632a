import SlotMatchBalance
import SlotMatchCore
import SlotMatchMatching
import SlotMatchStore

/// Turns the store's `BalanceSnapshot` into the planner's `BalanceInput`: GPs placed (practice, else commune
/// centre) and given their pole, weekly loads the job cannot move, the movable slots, and the requests with their
/// deadlines. Requests that cannot be placed or never get a GP slot are left out and listed.
/// Shared by `slotmatch balance` and `requests.assign`, so both solve the very same model.
public struct BalanceInputBuilder {
    public var territory: Territory
    public var zone: ZoneRules

    public init(territory: Territory, zone: ZoneRules) { self.territory = territory; self.zone = zone }

    /// The input, and the requests left out.
    public struct Built: Sendable {
        public var input: BalanceInput
        /// Requests left out, with why ("R-12: commune 99999 is not in the territory").
        public var skipped: [String]
        /// Waiting requests whose deadline has passed: no slot can meet it, so the job leaves them to the operators.
        public var overdue: [String]
    }

    public func poleIndex(ofCommune insee: String) -> Int32 {
        guard let pole = territory.pole(ofCommune: insee), let i = territory.poles.firstIndex(where: { $0.id == pole.id }) else { return -1 }
        return Int32(i)
    }

    public func location(of request: CareRequest) -> GeoPoint? {
        switch request.location {
        case .point(let p): return p
        case .commune(let insee): return territory.commune(insee: insee)?.location
        }
    }

    public func input(from snapshot: BalanceSnapshot, now: Instant, horizonEnd: Instant) -> Built {
        let movable = Set(snapshot.pendingAppointments.map(\.id))
        var gpIndex: [String: Int32] = [:]
        var practitioners: [BalancePractitioner] = []
        for p in snapshot.practitioners {
            let centre = territory.commune(insee: p.site.communeInsee)?.location
            guard let location = p.site.location ?? centre else { continue }
            gpIndex[p.rpps.digits] = Int32(practitioners.count)
            practitioners.append(BalancePractitioner(
                id: p.rpps.digits, displayName: p.displayName, location: location, homeVisitRadiusKm: p.homeVisitRadiusKm,
                weeklyCap: p.weeklySNPCap, modes: ModeSet(p.modes), participatesInSNP: p.participatesInSNP,
                pole: poleIndex(ofCommune: p.site.communeInsee)))
        }
        for a in snapshot.weekAppointments where !movable.contains(a.id) {
            guard let g = gpIndex[a.slot.practitioner.digits] else { continue }
            let week = SNPWeekKey.days(of: a.slot.start.secondsSinceEpoch, in: zone)
            practitioners[Int(g)].fixedLoadByWeek[week, default: 0] += 1
        }
        var slots: [BalanceSlot] = []
        func add(_ s: Slot) -> Int32? {
            guard let g = gpIndex[s.practitioner.digits] else { return nil }
            slots.append(BalanceSlot(id: s.id, practitioner: g, start: s.start.secondsSinceEpoch, end: s.end.secondsSinceEpoch,
                                     mode: s.mode, visibility: s.visibility))
            return Int32(slots.count - 1)
        }
        for s in snapshot.freeSlots { _ = add(s) }
        var requests: [BalanceRequest] = []
        var skipped: [String] = []
        var overdue: [String] = []
        func add(_ stored: StoredRequest, current: BalanceRequest.Current?) {
            let r = stored.request
            guard let location = location(of: r) else {
                skipped.append("\(r.id): its commune is not in the territory"); return
            }
            guard let deadline = r.deadline else { skipped.append("\(r.id): \(r.urgency.rawValue) requests get no GP slot"); return }
            if current == nil && deadline < now { overdue.append(r.id); return }
            requests.append(BalanceRequest(id: r.id, location: location, urgency: r.urgency, deadline: deadline.secondsSinceEpoch,
                                           modes: ModeSet(r.wantedModes), treatingPractitioner: r.treatingGP.flatMap { gpIndex[$0.digits] },
                                           current: current))
        }
        for (a, stored) in zip(snapshot.pendingAppointments, snapshot.pendingAppointmentRequests) {
            guard let s = add(a.slot) else { continue }
            add(stored, current: BalanceRequest.Current(appointmentID: a.id, slot: s))
        }
        for stored in snapshot.waitingRequests { add(stored, current: nil) }
        let poles = territory.poles.map { pole in
            BalancePole(id: pole.id, name: pole.name, location: territory.commune(insee: pole.seatInsee)?.location ?? GeoPoint(latitude: 0, longitude: 0))
        }
        return Built(input: BalanceInput(now: now.secondsSinceEpoch, horizonEnd: horizonEnd.secondsSinceEpoch, practitioners: practitioners,
                                         poles: poles, slots: slots, requests: requests, weekZone: zone),
                     skipped: skipped, overdue: overdue)
    }
}
