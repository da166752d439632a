import Foundation
import SlotMatchCore
import SlotMatchStore
import Testing

/// `slotmatch balance` end to end: a hand-made store, the built binary, its stdout, report and DIMACS file.
@Suite struct BalanceCommandTests {
    static let now = Instant.parseISO8601("2026-12-04T07:00:00Z")!

    static func rpps(_ n: Int) -> RPPS {
        let prefix = "300000" + String(1000 + n)
        return try! RPPS(prefix + String(RPPS.checkDigit(forPrefix: prefix)))
    }

    /// GP 0 in Saint-Arnoult, GP 1 in Rambouillet, GP 2 in Saint-Léger. R-1 (Rambouillet) holds a proposal at GP 0
    /// while GP 1 has a free slot at the same time; R-2 (Ablis) waits. Three weeks of Friday history.
    static func makeStore(_ path: String) throws -> (far: Int64, near: [Int64]) {
        let store = try Store(path: path)
        let communes = ["78537", "78517", "78562"]
        _ = try store.upsertPractitioners(communes.enumerated().map { n, insee in
            Practitioner(rpps: rpps(n), displayName: "Dr Essai \(n)", site: PracticeSite(communeInsee: insee), weeklySNPCap: 10)
        }, at: now)
        func slots(_ gp: Int, _ hours: [Int64]) throws -> [Int64] {
            let starts = hours.map { now.adding(seconds: $0 * 3600) }
            _ = try store.applyImport(ImportPlan(practitioner: rpps(gp), source: "gp\(gp).ics", horizonStart: now,
                                                 horizonEnd: now.adding(seconds: 14 * 86_400),
                                                 slots: starts.map { PlannedSlot(start: $0, end: $0.adding(minutes: 15)) },
                                                 contentHash: "h\(gp)", path: "/inbox/gp\(gp).ics", now: now))
            let stored = try store.slots(practitioner: rpps(gp), from: now, to: now.adding(seconds: 14 * 86_400))
            return starts.map { s in stored.first { $0.start == s }!.id }
        }
        let far = try slots(0, [3, 30])
        let near = try slots(1, [3, 6, 27])
        _ = try slots(2, [5, 28])
        for (w, count) in [(1, 3), (2, 2), (3, 4)] {
            for k in 0 ..< count {
                let at = now.adding(seconds: -Int64(w * 7 * 86_400) + Int64(k) * 600)
                try store.submitRequest(CareRequest(id: "H-\(w)-\(k)", receivedAt: at, location: .commune(insee: "78517"), urgency: .within48h),
                                        reasonCode: "fever_adult", operator: "op-ana", at: at)
            }
        }
        try store.submitRequest(CareRequest(id: "R-1", receivedAt: now, location: .commune(insee: "78517"), urgency: .sameDay),
                                reasonCode: "fever_adult", operator: "op-ana", at: now)
        try store.submitRequest(CareRequest(id: "R-2", receivedAt: now, location: .commune(insee: "78003"), urgency: .within24h),
                                reasonCode: "fever_adult", operator: "op-ana", at: now)
        _ = try store.book(slotID: far[0], requestID: "R-1", operator: "op-ana", awaitingConfirmation: true,
                           weekZone: ZoneRules.fixed(identifier: "CET", offsetSeconds: 3600), now: now)
        return (far[0], near)
    }

    @Test func balancePrintsMovesWritesTheReportAndTheFlowProblemAndApplies() throws {
        let s = try Scratch()
        defer { s.remove() }
        let db = s.path("b.db")
        let (far, near) = try Self.makeStore(db)
        let common = ["balance", "--db", db, "--now", Self.now.iso8601]

        let dry = try SlotMatchProcess.run(common + ["--format", "json", "--report", s.path("r.html"), "--lang", "fr",
                                                     "--export-dimacs", s.path("p.min")])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stderr.isEmpty)  // not a terminal: no progress bar
        let json = try dry.json()
        let moves = try #require(json["moves"] as? [[String: Any]])
        let r1 = try #require(moves.first { $0["request"] as? String == "R-1" })
        #expect((r1["from"] as? [String: Any])?["slot"] as? Int == Int(far))
        #expect(near.contains(Int64((r1["to"] as? [String: Any])?["slot"] as? Int ?? -1)))
        #expect((r1["costDelta"] as? Int ?? 0) < 0)
        #expect(moves.contains { $0["request"] as? String == "R-2" })
        #expect((json["costAfter"] as? Int ?? 0) < (json["costBefore"] as? Int ?? 0))
        #expect(json["certified"] as? Bool == true)
        #expect(json["exactOverAllFeasibleSlots"] as? Bool == true)
        let days = try #require((json["forecast"] as? [String: Any])?["days"] as? [[String: Any]])
        let today = try #require(days.first { $0["day"] as? String == "2026-12-04" && $0["pole"] as? String == "rambouillet" })
        #expect(today["expected"] as? Double == 3.0 && today["weeksUsed"] as? Int == 3)

        let html = try String(contentsOfFile: s.path("r.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<html lang=\"fr\">"))
        for id in ["chart-pole-load", "chart-gp-load", "chart-supply-demand", "chart-map"] { #expect(html.contains("id=\"\(id)\"")) }
        #expect(!html.contains("<script"))
        let dimacs = try String(contentsOfFile: s.path("p.min"), encoding: .utf8)
        #expect(dimacs.hasPrefix("c SlotMatch balance problem"))
        #expect(dimacs.split(separator: "\n").contains { $0.hasPrefix("p min ") })

        // Nothing was written without --apply.
        #expect(try Store(path: db).appointments(requestID: "R-1").map(\.slot.id) == [far])

        let applied = try SlotMatchProcess.run(common + ["--apply", "--format", "json"])
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect((try applied.json()["applied"] as? [[String: Any]])?.count == moves.count)
        let after = try Store(path: db)
        #expect(try after.appointments(requestID: "R-1").last.map { near.contains($0.slot.id) && $0.status == .pending } == true)
        #expect(try after.verifyAudit().isIntact)

        // Once applied, the optimum is where we are: a second run proposes nothing.
        let again = try SlotMatchProcess.run(common + ["--format", "json"])
        #expect((try again.json()["moves"] as? [[String: Any]])?.isEmpty == true)

        let table = try SlotMatchProcess.run(common)
        #expect(table.status == 0)
        #expect(table.stdout.hasPrefix("Moves: 0;"))
        #expect(table.stdout.contains("Load per GP and week:") && table.stdout.contains("Supply against demand"))
    }

    @Test func aBadHorizonIsAnInputErrorAndAMissingDatabaseAFailure() throws {
        let s = try Scratch()
        defer { s.remove() }
        let db = s.path("b.db")
        _ = try Self.makeStore(db)
        let bad = try SlotMatchProcess.run(["balance", "--db", db, "--horizon", "forever"])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("--horizon") && bad.stdout.isEmpty)
        let missing = try SlotMatchProcess.run(["balance", "--db", s.path("none.db")])
        #expect(missing.status == 1)
        #expect(!FileManager.default.fileExists(atPath: s.path("none.db")))
    }

    @Test func theReportLanguageFollowsTheLocale() throws {
        let s = try Scratch()
        defer { s.remove() }
        let db = s.path("b.db")
        _ = try Self.makeStore(db)
        let fr = try SlotMatchProcess.run(["balance", "--db", db, "--now", Self.now.iso8601, "--report", s.path("fr.html")],
                                          environment: ["LC_ALL": "", "LC_MESSAGES": "fr_FR.UTF-8", "LANG": "en_GB.UTF-8"])
        #expect(fr.status == 0)
        #expect(try String(contentsOfFile: s.path("fr.html"), encoding: .utf8).contains("Équilibrage de nuit"))
        let en = try SlotMatchProcess.run(["balance", "--db", db, "--now", Self.now.iso8601, "--report", s.path("en.html")],
                                          environment: ["LC_ALL": "C.UTF-8", "LANG": "fr_FR.UTF-8"])
        #expect(try String(contentsOfFile: s.path("en.html"), encoding: .utf8).contains("Nightly balance"))
        #expect(en.status == 0)
    }
}
