import Foundation
import SlotMatchCore
import SlotMatchMatching
import SlotMatchStore
@testable import SlotMatchBalance

/// A fresh store in its own temporary folder with GPs at chosen distances north of Rambouillet, their slots,
/// requests and appointments, and the mapping of its `BalanceSnapshot` to a planner input (one pole).
final class BalanceStoreFixture {
    let folder: String
    let store: Store
    var path: String { folder + "/slotmatch.db" }
    static let operatorID = "op-ana"
    let now = friday

    init(gps: [(km: Double, cap: Int)]) throws {
        folder = NSTemporaryDirectory() + "slotmatch-balance-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try Store(path: folder + "/slotmatch.db")
        let roster = gps.enumerated().map { n, g in
            Practitioner(rpps: Self.rpps(n), displayName: "Dr Test \(n)",
                         site: PracticeSite(communeInsee: "78517", location: north(of: rambouillet, km: g.km)),
                         weeklySNPCap: g.cap)
        }
        _ = try store.upsertPractitioners(roster, at: now)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Synthetic RPPS numbers with valid Luhn check digits.
    static func rpps(_ n: Int) -> RPPS {
        let prefix = "200000" + String(1000 + n)
        return try! RPPS(prefix + String(RPPS.checkDigit(forPrefix: prefix)))
    }

    /// Imports 15-minute office SNP slots of GP `gp` at `hours` after now; answers their ids in that order.
    @discardableResult
    func addSlots(gp: Int, hours: [Double]) throws -> [Int64] {
        let starts = hours.map { now.adding(seconds: Int64($0 * 3600)) }
        let source = "gp\(gp)-\(hours).ics"
        _ = try store.applyImport(ImportPlan(practitioner: Self.rpps(gp), source: source, horizonStart: now,
                                             horizonEnd: now.adding(seconds: 30 * 86_400), slots: starts.map { PlannedSlot(start: $0, end: $0.adding(minutes: 15)) },
                                             contentHash: SHA256.hexDigest(of: source), path: "/inbox/" + source, now: now))
        let all = try store.slots(practitioner: Self.rpps(gp), from: now, to: now.adding(seconds: 30 * 86_400))
        return starts.map { s in all.first { $0.start == s }!.id }
    }

    func submit(_ id: String, urgency: UrgencyLevel = .within24h, km: Double = 0) throws {
        let r = CareRequest(id: id, receivedAt: now, location: .point(north(of: rambouillet, km: km)), ageBand: .adult, urgency: urgency)
        try store.submitRequest(r, reasonCode: "fever_adult", operator: Self.operatorID, at: now)
    }

    /// Books `slot` for `request`: `pending` (a proposal) or `booked` (confirmed with the patient).
    @discardableResult
    func book(_ slot: Int64, for request: String, pending: Bool, store other: Store? = nil) throws -> Appointment {
        try (other ?? store).book(slotID: slot, requestID: request, operator: Self.operatorID, awaitingConfirmation: pending,
                                  weekZone: paris, now: now)
    }

    var horizonEnd: Instant { now.adding(seconds: 48 * 3600) }

    /// The planner's input from the store's snapshot, every GP in pole 0.
    func input() throws -> BalanceInput {
        let s = try store.balanceSnapshot(from: now, to: horizonEnd, weekZone: paris)
        var index: [String: Int32] = [:]
        var gps = s.practitioners.enumerated().map { i, p in
            index[p.rpps.digits] = Int32(i)
            return BalancePractitioner(id: p.rpps.digits, displayName: p.displayName, location: p.site.location!,
                                       weeklyCap: p.weeklySNPCap, modes: ModeSet(p.modes), pole: 0)
        }
        let movable = Set(s.pendingAppointments.map(\.id))
        for a in s.weekAppointments where !movable.contains(a.id) {
            gps[Int(index[a.slot.practitioner.digits]!)].fixedLoadByWeek[SNPWeekKey.days(of: a.slot.start.secondsSinceEpoch, in: paris), default: 0] += 1
        }
        var slots = s.freeSlots.map { BalanceSlot(id: $0.id, practitioner: index[$0.practitioner.digits]!, start: $0.start.secondsSinceEpoch,
                                                  end: $0.end.secondsSinceEpoch, mode: $0.mode, visibility: $0.visibility) }
        func point(_ r: CareRequest) -> GeoPoint { if case .point(let p) = r.location { return p }; return rambouillet }
        var requests: [BalanceRequest] = []
        for (a, stored) in zip(s.pendingAppointments, s.pendingAppointmentRequests) {
            slots.append(BalanceSlot(id: a.slot.id, practitioner: index[a.slot.practitioner.digits]!, start: a.slot.start.secondsSinceEpoch,
                                     end: a.slot.end.secondsSinceEpoch, mode: a.slot.mode, visibility: a.slot.visibility))
            requests.append(BalanceRequest(id: stored.request.id, location: point(stored.request), urgency: stored.request.urgency,
                                           deadline: stored.request.deadline!.secondsSinceEpoch,
                                           current: .init(appointmentID: a.id, slot: Int32(slots.count - 1))))
        }
        for stored in s.waitingRequests {
            requests.append(BalanceRequest(id: stored.request.id, location: point(stored.request), urgency: stored.request.urgency,
                                           deadline: stored.request.deadline!.secondsSinceEpoch))
        }
        return BalanceInput(now: now.secondsSinceEpoch, horizonEnd: horizonEnd.secondsSinceEpoch, practitioners: gps,
                            poles: [twoPoles[0]], slots: slots, requests: requests, weekZone: paris)
    }

    /// The plan's moves as the store applies them.
    static func plannedMoves(_ plan: BalancePlan, _ input: BalanceInput) -> [PlannedMove] {
        plan.moves.map { m in
            PlannedMove(requestID: m.requestID, appointmentID: m.appointmentID, fromSlotID: m.fromSlot.map { input.slots[Int($0)].id },
                        toSlotID: input.slots[Int(m.toSlot)].id, costDelta: m.costDelta)
        }
    }

    /// The active appointment of a request (pending or booked), if any.
    func active(_ request: String) throws -> Appointment? {
        try store.appointments(requestID: request).first { $0.status == .pending || $0.status == .booked }
    }
}
