import Foundation
import SlotMatchConfig
import SlotMatchCore
import SlotMatchMatching
import SlotMatchService
import SlotMatchStore

/// A fresh store in its own temporary folder, with three synthetic GPs of the Rambouillet territory and
/// free SNP office slots, and a regulation desk plus JSON-RPC server on it (clock pinned at `t0`).
final class ServiceFixture {
    /// 2026-12-07T08:00:00Z, a Monday.
    static let t0 = Instant(secondsSinceEpoch: 1_796_630_400)
    static let territory: Territory = { try! TerritoryFile.loadDefault() }()
    static let zone: ZoneRules = { ZoneInfoDatabase.system.rules(for: "Europe/Paris")! }()

    let folder: URL
    let path: String
    let store: Store
    let desk: RegulationDesk
    let server: RPCServer
    var now: Instant

    /// GP `n`'s synthetic RPPS (valid Luhn digit).
    static func rpps(_ n: Int) -> RPPS {
        let prefix = "1" + String(format: "%09d", 100 + n)
        return try! RPPS(prefix + String(RPPS.checkDigit(forPrefix: prefix)))
    }

    /// GP 1 in Rambouillet (78517), GP 2 in Ablis (78003), GP 3 in Bonnelles (78087); each with 20-minute
    /// office slots at `hours` after t0, GP 1 also home visits, GP 3 also video.
    init(hours: [Int64] = [2, 3, 26], caps: [Int] = [20, 20, 20]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("slotmatch-service-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("slotmatch.db").path
        store = try Store(path: path)
        let communes = ["78517", "78003", "78087"]
        var roster: [Practitioner] = []
        for (i, insee) in communes.enumerated() {
            var modes: Set<ConsultationMode> = [.office]
            if i == 0 { modes.insert(.homeVisit) }
            if i == 2 { modes.insert(.video) }
            roster.append(Practitioner(rpps: ServiceFixture.rpps(i + 1), displayName: "Dr Test \(i + 1)", site: PracticeSite(communeInsee: insee),
                                       modes: modes, weeklySNPCap: caps[i]))
        }
        _ = try store.upsertPractitioners(roster, at: ServiceFixture.t0)
        for i in 0..<3 {
            var planned = hours.map { PlannedSlot(start: ServiceFixture.t0.adding(seconds: $0 * 3600), end: ServiceFixture.t0.adding(seconds: $0 * 3600 + 1200)) }
            if i == 0 { planned.append(PlannedSlot(start: ServiceFixture.t0.adding(seconds: 4 * 3600), end: ServiceFixture.t0.adding(seconds: 4 * 3600 + 1800), mode: .homeVisit)) }
            if i == 2 { planned.append(PlannedSlot(start: ServiceFixture.t0.adding(seconds: 1 * 3600), end: ServiceFixture.t0.adding(seconds: 1 * 3600 + 900), mode: .video)) }
            let source = "gp\(i + 1).ics"
            _ = try store.applyImport(ImportPlan(practitioner: ServiceFixture.rpps(i + 1), source: source, horizonStart: ServiceFixture.t0,
                                                 horizonEnd: ServiceFixture.t0.adding(seconds: 14 * 86_400), slots: planned,
                                                 contentHash: SHA256.hexDigest(of: source), path: "/inbox/" + source, now: ServiceFixture.t0))
        }
        now = ServiceFixture.t0
        let box = ClockBox(ServiceFixture.t0)
        clock = box
        desk = try RegulationDesk(store: store, territory: ServiceFixture.territory, rules: .defaults, weights: .defaults,
                                  zone: ServiceFixture.zone, clock: { box.now })
        server = RPCServer()
        desk.install(on: server)
    }

    let clock: ClockBox

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Another desk (its own connection) on the same file, as a second operator's process would have.
    func secondDesk() throws -> RegulationDesk {
        let box = clock
        return try RegulationDesk(store: try Store(path: path), territory: ServiceFixture.territory, rules: .defaults, weights: .defaults,
                                  zone: ServiceFixture.zone, clock: { box.now })
    }

    /// The answer line to a request line, parsed back.
    func answer(_ line: String) -> JSONValue? {
        guard let bytes = server.answer(line: Array(line.utf8)) else { return nil }
        return try? JSONReader.parse(bytes)
    }

    /// Calls a method through the JSON-RPC server; answers the whole response object.
    func rpc(_ method: String, _ params: String = "{}", id: Int = 1) -> JSONValue? {
        answer("{\"jsonrpc\":\"2.0\",\"id\":\(id),\"method\":\"\(method)\",\"params\":\(params)}")
    }

    func slotIDs(gp: Int, mode: ConsultationMode = .office) throws -> [Int64] {
        try store.slots(practitioner: ServiceFixture.rpps(gp), from: ServiceFixture.t0, to: ServiceFixture.t0.adding(seconds: 14 * 86_400))
            .filter { $0.mode == mode }.map(\.id)
    }

    /// Stores a request from Rambouillet through `requests.submit`.
    func submit(_ id: String, reason: String = "fever_adult") {
        _ = rpc("requests.submit", "{\"request\":\"\(id)\",\"operator\":\"op-1\",\"reason\":\"\(reason)\",\"commune\":\"78517\"}")
    }
}
