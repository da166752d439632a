import Foundation
import SlotMatchCore
@testable import SlotMatchStore

/// A fresh store (its own temporary file) with GPs on the roster and free SNP slots, for the booking tests.
///
/// GP `n` has 15-minute office slots starting at the given hours after `t0` (2026-12-04T16:00Z, a Friday).
final class BookingFixture {
    let dir = TemporaryDirectory()
    let store: Store
    var path: String { dir.file() }
    static let operatorID = "op-ana"

    init(gps: [(n: Int, cap: Int)] = [(1, 20)], hours: [Int64] = [2, 3, 4, 5]) throws {
        store = try Store(path: dir.file())
        var roster: [Practitioner] = []
        for gp in gps {
            var p = practitioner(gp.n)
            p.weeklySNPCap = gp.cap
            roster.append(p)
        }
        _ = try store.upsertPractitioners(roster, at: t0)
        for gp in gps { try addSlots(gp: gp.n, starts: hours.map { t0.adding(seconds: $0 * 3600) }) }
    }

    /// Imports 15-minute office slots for GP `gp` at `starts` (one published file per call).
    func addSlots(gp: Int, starts: [Instant], source: String? = nil) throws {
        let planned = starts.map { PlannedSlot(start: $0, end: $0.adding(minutes: 15)) }
        let source = source ?? "dr\(gp)-\(starts.first?.secondsSinceEpoch ?? 0).ics"
        _ = try store.applyImport(ImportPlan(practitioner: syntheticRPPS(gp), source: source, horizonStart: t0,
                                             horizonEnd: t0.adding(seconds: 60 * 86_400), slots: planned,
                                             contentHash: SHA256.hexDigest(of: source + "\(starts)"), path: "/inbox/" + source,
                                             now: t0))
    }

    /// The ids of GP `gp`'s slots, by start.
    func slotIDs(gp: Int = 1) throws -> [Int64] {
        try store.slots(practitioner: syntheticRPPS(gp), from: t0, to: t0.adding(seconds: 60 * 86_400)).map(\.id)
    }

    /// Stores a same-day request from Rambouillet.
    @discardableResult
    func submit(_ id: String, urgency: UrgencyLevel = .sameDay) throws -> CareRequest {
        let request = CareRequest(id: id, receivedAt: t0, location: .commune(insee: "78517"), ageBand: .adult, urgency: urgency)
        try store.submitRequest(request, reasonCode: "fever_adult", operator: BookingFixture.operatorID, at: t0)
        return request
    }

    func slotStatus(_ id: Int64) throws -> SlotStatus? { try store.slot(id: id)?.status }

    func auditActions() throws -> [String] { try store.auditEntries().map(\.action) }
}

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

/// Runs `body` expecting a `BookingError`; answers its code (nil when nothing, or something else, was thrown).
func bookingErrorCode<T>(_ body: () throws -> T) -> String? {
    do { _ = try body(); return nil } catch let error as BookingError { return error.code } catch { return "other: \(error)" }
}
