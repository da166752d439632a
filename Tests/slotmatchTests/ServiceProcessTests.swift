import Foundation
import Testing
import SlotMatchStore

/// `slotmatch serve` and the operator commands as real processes: a scripted session over stdin/stdout,
/// and several processes booking the same slots of one database file at once.
@Suite struct ServiceProcessTests {
    static func json(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func scriptedSessionThroughServe() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = scratch.path("s.db")
        let ids = try ServiceDatabase.create(at: db)
        let slot = ids[1]![0]
        let script = [
            #"{"jsonrpc":"2.0","id":1,"method":"triage","params":{"reason":"fever_adult","ageBand":"16-64"}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"requests.submit","params":{"request":"call-1","operator":"op-a","reason":"fever_adult","commune":"78517"}}"#,
            #"{"jsonrpc":"2.0","method":"stats"}"#,
            "",
            #"{"jsonrpc":"2.0","id":3,"method":"slots.find","params":{"commune":"78517","urgency":"same-day"}}"#,
            #"{"jsonrpc":"2.0","id":4,"method":"slots.hold","params":{"slot":\#(slot),"request":"call-1","operator":"op-a"}}"#,
            "not json at all",
            #"{"jsonrpc":"2.0","id":5,"method":"requests.submit","params":{"request":"call-2","operator":"op-b","reason":"fever_adult","commune":"78517"}}"#,
            #"{"jsonrpc":"2.0","id":6,"method":"slots.hold","params":{"slot":\#(slot),"request":"call-2","operator":"op-b"}}"#,
            #"[{"jsonrpc":"2.0","id":7,"method":"appointments.book","params":{"slot":\#(slot),"request":"call-1","operator":"op-a"}},{"jsonrpc":"2.0","id":8,"method":"appointments.list","params":{"request":"call-1"}}]"#,
            #"{"jsonrpc":"2.0","id":9,"method":"shutdown"}"#,
            #"{"jsonrpc":"2.0","id":10,"method":"stats"}"#,
        ].joined(separator: "\n") + "\n"
        let out = try ServiceProcess.run(["serve", "--db", db, "--now", ServiceDatabase.now], stdin: script, in: scratch.url)
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.lines
        #expect(lines.count == 9, "\(lines)")  // 1,2,3,4,parse error,5,6,batch,9; nothing for the notification, the blank line or after shutdown
        guard lines.count == 9 else { return }
        #expect(try Self.json(lines[0])["id"] as? Int == 1)
        let triage = try #require(try Self.json(lines[0])["result"] as? [String: Any])
        #expect(triage["rule"] as? String == "fever-adult")
        let found = try #require((try Self.json(lines[2])["result"] as? [String: Any])?["slots"] as? [[String: Any]])
        #expect(found.first?["slot"] as? Int == Int(slot))
        #expect((try Self.json(lines[3])["result"] as? [String: Any])?["slot"] as? Int == Int(slot))
        let parseError = try Self.json(lines[4])
        #expect((parseError["error"] as? [String: Any])?["code"] as? Int == -32700)
        #expect(parseError["id"] is NSNull)
        let lost = try #require(try Self.json(lines[6])["error"] as? [String: Any])
        #expect(lost["code"] as? Int == -32001)
        let batch = try #require(try JSONSerialization.jsonObject(with: Data(lines[7].utf8)) as? [[String: Any]])
        #expect(batch.map { $0["id"] as? Int } == [7, 8])
        #expect((batch[0]["result"] as? [String: Any])?["status"] as? String == "booked")
        #expect(try Self.json(lines[8])["result"] as? String == "bye")
        // Logs go to stderr only.
        #expect(out.stderr.contains("slotmatch serve:"))
        #expect(lines.allSatisfy { $0.hasPrefix("{") || $0.hasPrefix("[") })
    }

    @Test func overLongLineGetsAnErrorAndTheServiceGoesOn() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = scratch.path("s.db")
        try ServiceDatabase.create(at: db)
        let long = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"stats\",\"params\":{\"x\":\"" + String(repeating: "a", count: 5000) + "\"}}"
        let script = long + "\n" + #"{"jsonrpc":"2.0","id":2,"method":"stats"}"# + "\n"
        let out = try ServiceProcess.run(["serve", "--db", db, "--now", ServiceDatabase.now, "--max-line-bytes", "1024"], stdin: script, in: scratch.url)
        #expect(out.status == 0)
        #expect(out.lines.count == 2)
        guard out.lines.count == 2 else { return }
        let first = try #require(try Self.json(out.lines[0])["error"] as? [String: Any])
        #expect(first["code"] as? Int == -32600)
        #expect((first["data"] as? [String: Any])?["code"] as? String == "line-too-long")
        #expect(try Self.json(out.lines[1])["id"] as? Int == 2)
    }

    /// Eight `serve` processes start together, each trying to book every slot for its own requests.
    @Test func concurrentServeProcessesGiveEachSlotToExactlyOneAndRespectCaps() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = scratch.path("race.db")
        let processes = 8
        var requests: [String] = []
        for p in 0..<processes { for j in 0..<12 { requests.append("race-\(p)-\(j)") } }
        // GP 1 has a cap of 2 for its 4 slots.
        let ids = try ServiceDatabase.create(at: db, caps: [2, 20, 20], requests: requests)
        let slots = ids[1]! + ids[2]! + ids[3]!
        var runs: [([String], String)] = []
        for p in 0..<processes {
            // Each process tries the slots in its own order (rotated), one request per slot.
            let order = Array(slots[(p % slots.count)...] + slots[..<(p % slots.count)])
            var lines: [String] = []
            for (j, slot) in order.enumerated() {
                lines.append(#"{"jsonrpc":"2.0","id":\#(j),"method":"appointments.book","params":{"slot":\#(slot),"request":"race-\#(p)-\#(j)","operator":"op-\#(p)"}}"#)
            }
            runs.append((["serve", "--db", db, "--now", ServiceDatabase.now], lines.joined(separator: "\n") + "\n"))
        }
        let outputs = try ServiceProcess.runAll(runs, in: scratch.url)
        var winners: [Int: Int] = [:]
        var refusals: [String: Int] = [:]
        for out in outputs {
            #expect(out.status == 0, "\(out.stderr)")
            #expect(out.lines.count == slots.count)
            for line in out.lines {
                let answer = try Self.json(line)
                if let result = answer["result"] as? [String: Any], let slot = (result["slot"] as? [String: Any])?["id"] as? Int {
                    winners[slot, default: 0] += 1
                } else if let data = (answer["error"] as? [String: Any])?["data"] as? [String: Any], let code = data["code"] as? String {
                    refusals[code, default: 0] += 1
                }
            }
        }
        // GP 1: two winners (cap 2); GPs 2 and 3: every slot once.
        #expect(ids[1]!.filter { winners[Int($0)] == 1 }.count == 2)
        #expect(ids[1]!.allSatisfy { (winners[Int($0)] ?? 0) <= 1 })
        #expect((ids[2]! + ids[3]!).allSatisfy { winners[Int($0)] == 1 })
        #expect(winners.values.reduce(0, +) == 10)
        #expect(refusals["slot-unavailable", default: 0] + refusals["cap-reached", default: 0] == processes * slots.count - 10)
        #expect(Set(refusals.keys).isSubset(of: ["slot-unavailable", "cap-reached"]), "\(refusals)")
        // The store agrees, and the audit chain is intact.
        let store = try Store(path: db)
        let booked = try store.appointments(from: ServiceDatabase.t0, to: ServiceDatabase.t0.adding(seconds: 86_400))
        #expect(booked.count == 10)
        #expect(Set(booked.map(\.slot.id)).count == 10)
        #expect(booked.filter { $0.slot.practitioner == ServiceDatabase.rpps(1) }.count == 2)
        let verify = try SlotMatchProcess.run(["audit", "verify", "--db", db])
        #expect(verify.status == 0)
        #expect(verify.stdout.hasPrefix("ok"))
    }

    /// Six `slotmatch book` processes on one slot: exactly one books, the others are told slot-unavailable.
    @Test func concurrentBookCommandsOnOneSlotHaveOneWinner() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = scratch.path("book.db")
        let ids = try ServiceDatabase.create(at: db, requests: (0..<6).map { "one-\($0)" })
        let slot = ids[2]![1]
        let outputs = try ServiceProcess.runAll((0..<6).map { i in
            (["book", "--db", db, "--now", ServiceDatabase.now, "--slot", String(slot), "--request", "one-\(i)", "--operator", "op-\(i)"], "")
        }, in: scratch.url)
        #expect(outputs.filter { $0.status == 0 }.count == 1)
        let losers = outputs.filter { $0.status != 0 }
        #expect(losers.count == 5)
        #expect(losers.allSatisfy { $0.status == 1 && $0.stderr.contains("slot-unavailable") }, "\(losers.map(\.stderr))")
        #expect(try SlotMatchProcess.run(["audit", "verify", "--db", db]).status == 0)
    }

    @Test func auditVerifyReportsABrokenChain() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = scratch.path("audit.db")
        try ServiceDatabase.create(at: db, requests: ["a-1", "a-2"])
        #expect(try SlotMatchProcess.run(["audit", "verify", "--db", db]).status == 0)
        // Tamper with a row behind SQLite's back: drop the guard trigger, edit, and see verify fail.
        let store = try Store(path: db)
        try store.database.executeScript("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'intruder' WHERE seq = 1;")
        let broken = try SlotMatchProcess.run(["audit", "verify", "--db", db])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("audit log broken"))
    }

    @Test func operatorCommandsShareTheServiceParameters() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = scratch.path("cli.db")
        let ids = try ServiceDatabase.create(at: db, requests: ["cli-1"])
        let find = try SlotMatchProcess.run(["find", "--db", db, "--now", ServiceDatabase.now, "--commune", "78517", "--urgency", "same-day", "--format", "json"])
        #expect(find.status == 0, "\(find.stderr)")
        let slots = try #require(try find.json()["slots"] as? [[String: Any]])
        #expect(slots.first?["slot"] as? Int == Int(ids[1]![0]))
        let badMode = try SlotMatchProcess.run(["find", "--db", db, "--commune", "78517", "--urgency", "same-day", "--mode", "AMB", "--mode", "XX"])
        #expect(badMode.status == 65)
        #expect(badMode.stderr.contains("--mode (value 2)"))
        let hold = try SlotMatchProcess.run(["hold", "--db", db, "--now", ServiceDatabase.now, "--slot", String(ids[1]![0]), "--request", "cli-1",
                                             "--operator", "op-c", "--format", "json"])
        #expect(hold.status == 0, "\(hold.stderr)")
        let holdID = try #require(try hold.json()["hold"] as? String)
        let book = try SlotMatchProcess.run(["book", "--db", db, "--now", ServiceDatabase.now, "--hold", holdID, "--request", "cli-1", "--operator", "op-c"])
        #expect(book.status == 0, "\(book.stderr)")
        #expect(book.stdout.contains("booked"))
        let list = try SlotMatchProcess.run(["appointments", "--db", db, "--now", ServiceDatabase.now, "--request", "cli-1", "--format", "json"])
        let appointments = try #require(try list.json()["appointments"] as? [[String: Any]])
        let id = try #require(appointments.first?["appointment"] as? Int)
        let cancel = try SlotMatchProcess.run(["cancel", "--db", db, "--now", ServiceDatabase.now, "--appointment", String(id), "--reason", "patient-cancelled", "--operator", "op-c"])
        #expect(cancel.status == 0, "\(cancel.stderr)")
        #expect(cancel.stdout.contains("cancelled"))
        let outcome = try SlotMatchProcess.run(["outcome", "--db", db, "--now", ServiceDatabase.now, "--appointment", String(id), "--outcome", "fulfilled", "--operator", "op-c"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("not-allowed"))
    }

    @Test func triageCommandShowsTheDecidingRule() throws {
        let t = try SlotMatchProcess.run(["triage", "--reason", "ear_pain", "--age-band", "3-15", "--now", ServiceDatabase.now])
        #expect(t.status == 0)
        #expect(t.stdout.contains("within-24h"))
        #expect(t.stdout.contains("otitis-child"))
        #expect(t.stdout.contains("2026-12-08T08:00:00Z"))
        let red = try SlotMatchProcess.run(["triage", "--reason", "ear_pain", "--flag", "purpura", "--format", "json"])
        #expect(try red.json()["level"] as? String == "vital")
        #expect(try red.json()["rule"] as? String == "red-flag:purpura")
        let scratch = try Scratch()
        defer { scratch.remove() }
        let bad = try scratch.write("rules.json", #"{"redFlags": [], "rules": [{"id": "x", "reason": "x", "level": "soon", "modes": [], "rationale": "r"}], "fallback": {"id": "f", "level": "advice", "modes": [], "rationale": "r"}}"#)
        let refused = try SlotMatchProcess.run(["triage", "--reason", "x", "--rules", bad])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("$.rules[0].level"))
    }
}
