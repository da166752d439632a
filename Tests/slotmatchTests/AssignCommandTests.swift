import Foundation
import SlotMatchCore
import SlotMatchStore
import Testing

/// `slotmatch assign` through the built binary: the dry run's table and JSON, `--requests-file`, `--apply`
/// writing pending appointments, and a bad id naming its option (exit 65).
@Suite struct AssignCommandTests {
    @Test func assignPrintsTheJointAssignmentAndApplies() throws {
        let s = try Scratch()
        defer { s.remove() }
        let db = s.path("a.db")
        let ids = try ServiceDatabase.create(at: db, hours: [2], requests: ["R-1", "R-2", "R-3"])
        let common = ["assign", "--db", db, "--now", ServiceDatabase.now, "--operator", "op-cli"]

        let table = try SlotMatchProcess.run(common + ["--request", "R-1", "--request", "R-2"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("REQUEST") && table.stdout.contains("R-1") && table.stdout.contains("R-2"))
        #expect(table.stdout.contains("2 assigned, 0 without a slot"))
        #expect(table.stdout.contains("nothing written"))

        try "# tonight's list\nR-1\n\nR-2\nR-3\n".write(toFile: s.path("ids.txt"), atomically: true, encoding: .utf8)
        let dry = try SlotMatchProcess.run(common + ["--requests-file", s.path("ids.txt"), "--format", "json"])
        #expect(dry.status == 0, "\(dry.stderr)")
        let json = try dry.json()
        let rows = try #require(json["assignments"] as? [[String: Any]])
        #expect(rows.compactMap { $0["request"] as? String } == ["R-1", "R-2", "R-3"])
        // Three requests, three GPs with one slot each: all served, on three different slots.
        let slots = rows.compactMap { ($0["slot"] as? [String: Any])?["slot"] as? Int }
        #expect(Set(slots).count == 3)
        #expect(Set(slots) == Set(ids.values.flatMap { $0 }.map(Int.init)))
        #expect(json["optimal"] as? Bool == true)
        #expect(json["applied"] as? Bool == false)
        #expect(try Store(path: db).appointments(requestID: "R-1").isEmpty)

        let applied = try SlotMatchProcess.run(common + ["--request", "R-1", "--request", "R-2", "--apply", "--format", "json"])
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(try applied.json()["booked"] as? Int == 2)
        let store = try Store(path: db)
        for id in ["R-1", "R-2"] {
            let appointments = try store.appointments(requestID: id)
            #expect(appointments.count == 1 && appointments.first?.status == .pending)
        }
        #expect(try store.auditEntries().filter { $0.action == "balance.move" && $0.actor == "op-cli" }.count == 2)

        // R-1 now has an appointment: refused, naming the option.
        let again = try SlotMatchProcess.run(common + ["--request", "R-3", "--request", "R-1"])
        #expect(again.status == 65)
        #expect(again.stderr.contains("--request (value 2)"))
        let none = try SlotMatchProcess.run(common)
        #expect(none.status == 65)
    }
}
