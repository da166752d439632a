import Foundation
import SlotMatchCore
import SlotMatchStore
import Testing

/// `slotmatch simulate`, `replay` and `requests export` through the built binary.
@Suite struct ReplayCommandTests {
    static let now = "--now=2026-12-04T12:00:00Z"
    static var schedules: String { SlotMatchProcess.packageRoot.appendingPathComponent("Schedules").path }

    @Test func simulateIsDeterministicAndStartsOnTheNextMonday() throws {
        let scratch = try Scratch(); defer { scratch.remove() }
        let a = try SlotMatchProcess.run(["simulate", "--days", "7", "--seed", "11", Self.now])
        let b = try SlotMatchProcess.run(["simulate", "--days", "7", "--seed", "11", Self.now, "--output", scratch.path("d.csv")])
        let c = try SlotMatchProcess.run(["simulate", "--days", "7", "--seed", "12", Self.now])
        #expect(a.status == 0 && b.status == 0 && b.stdout.isEmpty)
        #expect(try String(contentsOfFile: scratch.path("d.csv"), encoding: .utf8) == a.stdout)
        #expect(a.stdout != c.stdout)
        let first = a.stdout.split(separator: "\n")[1]
        #expect(first.contains(",2026-12-07T") || first.contains(",2026-12-08T"))  // 4 Dec 2026 is a Friday
        let j = try SlotMatchProcess.run(["simulate", "--days", "2", "--format", "jsonl", "--start", "2027-01-11"])
        #expect(j.status == 0 && j.stdout.hasPrefix("{\"id\":\"sim-0000001\",\"received_at\":\"2027-01-1"))
    }

    @Test func replayJSONIsTheSameBytesTwiceAndComparesPolicies() throws {
        let scratch = try Scratch(); defer { scratch.remove() }
        _ = try SlotMatchProcess.run(["simulate", "--days", "14", "--seed", "3", "--start", "2027-01-04", "--output", scratch.path("d.csv")])
        let args = ["replay", scratch.path("d.csv"), "--supply", Self.schedules, "--compare", "nearest,ranked,batch:15m,hindsight", "--format", "json"]
        let a = try SlotMatchProcess.run(args), b = try SlotMatchProcess.run(args)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout == b.stdout)
        #expect(a.stderr.isEmpty)  // no progress bar off a terminal
        let json = try a.json()
        let policies = try #require(json["policies"] as? [[String: Any]])
        #expect(policies.map { $0["policy"] as? String } == ["nearest", "ranked", "batch:15m", "hindsight"])
        let served = policies.map { (($0["overall"] as? [String: Any])?["servedInTarget"] as? Int) ?? -1 }
        #expect(served.allSatisfy { $0 >= 0 && $0 <= served[3] })
        #expect((policies[0]["gapToHindsight"] as? Int) == served[3] - served[0])
    }

    @Test func whatIfRemovingAPractitionerChangesTheLoad() throws {
        let scratch = try Scratch(); defer { scratch.remove() }
        _ = try SlotMatchProcess.run(["simulate", "--days", "14", "--seed", "3", "--start", "2027-01-04", "--output", scratch.path("d.csv")])
        let base = ["replay", scratch.path("d.csv"), "--supply", Self.schedules, "--format", "json"]
        let before = try SlotMatchProcess.run(base).json()
        func practitioners(_ j: [String: Any]) -> [String] {
            (((j["policies"] as? [[String: Any]])?.first?["practitioners"] as? [[String: Any]]) ?? []).compactMap { $0["key"] as? String }
        }
        // Any GP the first policy used: removing them must remove their slots and their load.
        let removed = try #require(practitioners(before).first)
        let after = try SlotMatchProcess.run(base + ["--remove-practitioner", removed]).json()
        #expect(!practitioners(after).contains(removed))
        #expect((after["slots"] as? Int ?? 0) < (before["slots"] as? Int ?? 0))
        let unknown = "1000000001" + String(RPPS.checkDigit(forPrefix: "1000000001"))
        let bad = try SlotMatchProcess.run(base + ["--remove-practitioner", unknown])
        #expect(bad.status == 65 && bad.stderr.contains("not in the supply"))
    }

    @Test func reportIsWrittenInFrench() throws {
        let scratch = try Scratch(); defer { scratch.remove() }
        _ = try SlotMatchProcess.run(["simulate", "--days", "7", "--seed", "5", "--start", "2027-01-04", "--output", scratch.path("d.csv")])
        let r = try SlotMatchProcess.run(["replay", scratch.path("d.csv"), "--supply", Self.schedules, "--compare", "nearest,hindsight",
                                          "--report", scratch.path("r.html")], environment: ["LANG": "fr_FR.UTF-8"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Report: \(scratch.path("r.html"))"))
        let html = try String(contentsOfFile: scratch.path("r.html"), encoding: .utf8)
        #expect(html.contains("<html lang=\"fr\">") && html.contains("id=\"map\"") && html.contains("id=\"waits\""))
    }

    @Test func replayOverADatabaseLeavesItUntouched() throws {
        let scratch = try Scratch(); defer { scratch.remove() }
        let db = scratch.path("s.db")
        #expect(try SlotMatchProcess.run(["init", "--db", db]).status == 0)
        #expect(try SlotMatchProcess.run(["roster", "import", Self.schedules + "/roster.csv", "--db", db, Self.now]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        _ = try SlotMatchProcess.run(["simulate", "--days", "3", "--seed", "5", "--start", "2027-01-04", "--output", scratch.path("d.csv")])
        let r = try SlotMatchProcess.run(["replay", scratch.path("d.csv"), "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }

    @Test func exportIsPseudonymisedUnlessKeepIds() throws {
        let scratch = try Scratch(); defer { scratch.remove() }
        let db = scratch.path("s.db")
        let store = try Store(path: db)
        let ids = ["call-7f3a9", "call-00b21", "call-c4d5e"]
        for (i, id) in ids.enumerated() {
            let request = CareRequest(id: id, receivedAt: Instant(secondsSinceEpoch: 1_799_020_800 + Int64(i) * 600),
                                      location: .commune(insee: "78517"), ageBand: .adult, urgency: .sameDay)
            try store.submitRequest(request, reasonCode: "fever_adult", flags: ["fever_over_3_days"], knownFlags: ["fever_over_3_days"], operator: "op-1",
                                    at: Instant(secondsSinceEpoch: 1_799_020_800 + Int64(i) * 600))
        }
        let out = try SlotMatchProcess.run(["requests", "export", "--db", db])
        #expect(out.status == 0, "\(out.stderr)")
        for id in ids { #expect(!out.stdout.contains(id)) }
        #expect(out.stdout.contains("req-000001,2027-01-04T00:00:00Z,78517,,,16-64,fever_adult,fever_over_3_days"))
        #expect(out.stdout.split(separator: "\n").count == 4)
        let kept = try SlotMatchProcess.run(["requests", "export", "--db", db, "--keep-ids", "--format", "jsonl"])
        for id in ids { #expect(kept.stdout.contains("\"id\":\"\(id)\"")) }
        // The export replays.
        try Data(out.stdout.utf8).write(to: URL(fileURLWithPath: scratch.path("e.csv")))
        #expect(try SlotMatchProcess.run(["replay", scratch.path("e.csv"), "--supply", Self.schedules]).status == 0)
    }
}
