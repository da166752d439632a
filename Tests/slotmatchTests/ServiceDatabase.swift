import Foundation
import SlotMatchCore
import SlotMatchStore

/// A database for the service's process tests: three synthetic GPs of the territory (Rambouillet, Ablis,
/// Bonnelles) with 20-minute free SNP office slots at the given hours after `t0`, and stored requests.
enum ServiceDatabase {
    /// 2026-12-07T08:00:00Z, a Monday.
    static let t0 = Instant(secondsSinceEpoch: 1_796_630_400)
    static let now = "2026-12-07T08:00:00Z"

    static func rpps(_ n: Int) -> RPPS {
        let prefix = "1" + String(format: "%09d", 100 + n)
        return try! RPPS(prefix + String(RPPS.checkDigit(forPrefix: prefix)))
    }

    /// Creates the file at `path`; answers the slot ids by GP (1-based) in start order.
    @discardableResult
    static func create(at path: String, hours: [Int64] = [2, 3, 4, 5], caps: [Int] = [20, 20, 20], requests: [String] = []) throws -> [Int: [Int64]] {
        let store = try Store(path: path)
        let communes = ["78517", "78003", "78087"]
        var roster: [Practitioner] = []
        for (i, insee) in communes.enumerated() {
            roster.append(Practitioner(rpps: rpps(i + 1), displayName: "Dr Essai \(i + 1)", site: PracticeSite(communeInsee: insee),
                                       modes: [.office], weeklySNPCap: caps[i]))
        }
        _ = try store.upsertPractitioners(roster, at: t0)
        var ids: [Int: [Int64]] = [:]
        for i in 0..<3 {
            let planned = hours.map { PlannedSlot(start: t0.adding(seconds: $0 * 3600), end: t0.adding(seconds: $0 * 3600 + 1200)) }
            let source = "gp\(i + 1).ics"
            _ = try store.applyImport(ImportPlan(practitioner: rpps(i + 1), source: source, horizonStart: t0, horizonEnd: t0.adding(seconds: 14 * 86_400),
                                                 slots: planned, contentHash: SHA256.hexDigest(of: source), path: "/inbox/" + source, now: t0))
            ids[i + 1] = try store.slots(practitioner: rpps(i + 1), from: t0, to: t0.adding(seconds: 14 * 86_400)).map(\.id)
        }
        for id in requests {
            try store.submitRequest(CareRequest(id: id, receivedAt: t0, location: .commune(insee: "78517"), ageBand: .adult, urgency: .sameDay),
                                    reasonCode: "fever_adult", operator: "op-setup", at: t0)
        }
        return ids
    }
}
