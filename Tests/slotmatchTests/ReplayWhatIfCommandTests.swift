import Foundation
import Testing

/// `slotmatch replay … --add-supply FILE` and `--remove-practitioner RPPS` through the built binary: the supply
/// changes by exactly the slots added or removed, and the hindsight optimum moves the only way it can (more supply
/// never serves fewer in target, less never more).
@Suite struct ReplayWhatIfCommandTests {
    static var schedules: String { SlotMatchProcess.packageRoot.appendingPathComponent("Schedules").path }
    static let gp = "10443427959"  // Dr Chloé Dumoulin in Schedules/roster.csv (SNP, office and home visits)

    static func replay(_ demand: String, _ extra: [String]) throws -> [String: Any] {
        let r = try SlotMatchProcess.run(["replay", demand, "--supply", schedules, "--compare", "nearest,hindsight", "--format", "json"] + extra)
        #expect(r.status == 0, "\(r.stderr)")
        return try r.json()
    }

    static func hindsightInTarget(_ j: [String: Any]) -> Int {
        let policies = (j["policies"] as? [[String: Any]]) ?? []
        return ((policies.last?["overall"] as? [String: Any])?["servedInTarget"] as? Int) ?? -1
    }

    /// The GP's slots offered in the first policy's load table (nil when the GP is not in it).
    static func offered(_ j: [String: Any], _ rpps: String) -> Int? {
        let rows = ((j["policies"] as? [[String: Any]])?.first?["practitioners"] as? [[String: Any]]) ?? []
        return rows.first { $0["key"] as? String == rpps }?["slotsOffered"] as? Int
    }

    @Test func addingAnAgendaFileAddsItsSlotsAndNeverServesFewer() throws {
        let scratch = try Scratch(); defer { scratch.remove() }
        _ = try SlotMatchProcess.run(["simulate", "--days", "14", "--seed", "3", "--start", "2027-01-04", "--output", scratch.path("d.csv")])
        // Early-morning office hours on nine weekdays of the fortnight: four 15-minute slots each.
        let days = ["05", "06", "07", "08", "11", "12", "13", "14", "15"]
        var csv = "rpps,start,end,mode,visibility,slot_minutes\n"
        for d in days { csv += "\(Self.gp),2027-01-\(d) 06:00,2027-01-\(d) 07:00,AMB,\"SNP,CPTS\",15\n" }
        try csv.write(toFile: scratch.path("extra.csv"), atomically: true, encoding: .utf8)
        let before = try Self.replay(scratch.path("d.csv"), [])
        let after = try Self.replay(scratch.path("d.csv"), ["--add-supply", scratch.path("extra.csv")])
        let added = (after["slots"] as? Int ?? 0) - (before["slots"] as? Int ?? 0)
        #expect(added == 4 * days.count)
        #expect(Self.offered(after, Self.gp) == (Self.offered(before, Self.gp) ?? 0) + added)
        #expect(Self.hindsightInTarget(after) >= Self.hindsightInTarget(before))
        #expect(after["practitioners"] as? Int == before["practitioners"] as? Int)
    }

    @Test func removingAPractitionerTakesExactlyTheirSlotsAndNeverServesMore() throws {
        let scratch = try Scratch(); defer { scratch.remove() }
        _ = try SlotMatchProcess.run(["simulate", "--days", "14", "--seed", "3", "--start", "2027-01-04", "--output", scratch.path("d.csv")])
        let before = try Self.replay(scratch.path("d.csv"), [])
        // The GP with the most slots offered over the fortnight.
        let rows = ((before["policies"] as? [[String: Any]])?.first?["practitioners"] as? [[String: Any]]) ?? []
        let removed = try #require(rows.max { ($0["slotsOffered"] as? Int ?? 0) < ($1["slotsOffered"] as? Int ?? 0) }?["key"] as? String)
        let after = try Self.replay(scratch.path("d.csv"), ["--remove-practitioner", removed])
        let theirs = try #require(Self.offered(before, removed))
        #expect(theirs > 0)
        #expect(Self.offered(after, removed) == nil)
        #expect((before["slots"] as? Int ?? 0) - (after["slots"] as? Int ?? 0) == theirs)
        #expect((before["practitioners"] as? Int ?? 0) - (after["practitioners"] as? Int ?? 0) == 1)
        #expect(Self.hindsightInTarget(after) <= Self.hindsightInTarget(before))
    }
}
