import Foundation
import Testing
import SlotMatchStore

@Suite struct CommandTests {
    static let header = "rpps,name,commune_insee,modes,snp,weekly_cap,home_radius_km\n"
    static let threeGPs = header + """
        10241452928,Dr Claire Martinet,78517,AMB|HH,yes,12,8
        10443427959,"Dr Durand, Paul",78486,AMB;VR,no,,
        10000000009,Dr Léa Noël,78537,AMB,yes,,

        """

    @Test func initImportListAndReimport() throws {
        let s = try Scratch()
        defer { s.remove() }
        let db = s.path("s.db"), roster = try s.write("roster.csv", CommandTests.threeGPs)
        let initialised = try SlotMatchProcess.run(["init", "--db", db])
        #expect(initialised.status == 0)
        #expect(initialised.stdout == "Created database at \(db) (schema version \(Schema.latestVersion))\n")
        #expect(FileManager.default.fileExists(atPath: db))
        let again = try SlotMatchProcess.run(["init", "--db=\(db)", "--format", "json"])
        #expect(try again.json()["created"] as? Bool == false)

        let imported = try SlotMatchProcess.run(["roster", "import", roster, "--db", db, "--now", "2026-12-04T08:00:00Z"])
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("3 inserted, 0 updated"))

        let list = try SlotMatchProcess.run(["roster", "list", "--db", db, "--format", "json"])
        #expect(list.status == 0)
        let json = try list.json()
        #expect(json["count"] as? Int == 3)
        let poles = try #require(json["poles"] as? [[String: Any]])
        #expect(poles.map { $0["id"] as? String } == ["rambouillet", "saint-arnoult", "saint-leger"])
        let rambouillet = try #require(poles[0]["practitioners"] as? [[String: Any]])
        #expect(rambouillet.compactMap { $0["rpps"] as? String }.sorted() == ["10241452928", "10443427959"])

        let table = try SlotMatchProcess.run(["roster", "list", "--db", db])
        #expect(table.stdout.contains("Rambouillet (pole rambouillet): 2 GPs"))
        #expect(table.stdout.contains("Dr Durand, Paul"))

        try s.write("roster2.csv", CommandTests.threeGPs.replacingOccurrences(of: "78537,AMB,yes,,", with: "78537,AMB|HH,yes,15,"))
        let reimport = try SlotMatchProcess.run(["roster", "import", s.path("roster2.csv"), "--db", db, "--format", "json"])
        let counts = try reimport.json()
        #expect(counts["inserted"] as? Int == 0 && counts["updated"] as? Int == 1 && counts["unchanged"] as? Int == 2)
        #expect(try SlotMatchProcess.run(["roster", "list", "--db", db, "--format", "json"]).json()["count"] as? Int == 3)
    }

    @Test func badRowExits65WithItsLineAndWritesNothing() throws {
        let s = try Scratch()
        defer { s.remove() }
        let db = s.path("s.db")
        let roster = try s.write("roster.csv", CommandTests.threeGPs + "10241452927,Dr Bad Check,78517,AMB,yes,,\n10658740310,Dr Lost,75056,AMB,yes,,\n")
        #expect(try SlotMatchProcess.run(["init", "--db", db]).status == 0)
        let r = try SlotMatchProcess.run(["roster", "import", roster, "--db", db])
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        #expect(r.stderrLines[0].hasPrefix("Error: \(roster):5: "))
        #expect(r.stderrLines[0].contains("check digit"))
        #expect(r.stderrLines[1].hasPrefix("Error: \(roster):6: "))
        #expect(r.stderrLines[1].contains("75056"))
        let list = try SlotMatchProcess.run(["roster", "list", "--db", db, "--format", "json"])
        #expect(try list.json()["count"] as? Int == 0)
    }

    @Test func badTerritoryFileExits65WithTheJSONPath() throws {
        let s = try Scratch()
        defer { s.remove() }
        let territory = try s.write("t.json", """
            {"name": "T", "timeZone": "Europe/Paris", "poles": [{"id": "a", "name": "A", "seat": "00001"}],
             "communes": [{"insee": "00001", "name": "One", "postcode": "", "lat": 148.2, "lon": 1.0, "population": 10}]}
            """)
        let r = try SlotMatchProcess.run(["territory", "--territory", territory, "--db", s.path("none.db")])
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        #expect(r.stderrLines[0].hasPrefix("Error: \(territory) at $.communes[0].lat: "))
        let broken = try s.write("b.json", "{\"name\": ")
        let b = try SlotMatchProcess.run(["territory", "--territory", broken])
        #expect(b.status == 65)
        #expect(b.stderr.contains("not valid JSON"))
    }

    @Test func territoryCountsGPsFromTheDatabaseAndCreatesNothing() throws {
        let s = try Scratch()
        defer { s.remove() }
        let db = s.path("s.db")
        let empty = try SlotMatchProcess.run(["territory", "--db", db, "--format", "json"])
        #expect(empty.status == 0)
        #expect(!FileManager.default.fileExists(atPath: db))
        let before = try empty.json()
        #expect((before["communes"] as? [Any])?.count == 36)
        #expect(before["gps"] as? Int == 0)
        let roster = SlotMatchProcess.packageRoot.appendingPathComponent("Schedules/roster.csv").path
        #expect(try SlotMatchProcess.run(["roster", "import", roster], environment: ["SLOTMATCH_DB": db]).status == 0)
        let after = try SlotMatchProcess.run(["territory", "--format", "json"], environment: ["SLOTMATCH_DB": db]).json()
        let poles = try #require(after["poles"] as? [[String: Any]])
        let perPole = poles.compactMap { $0["gps"] as? Int }
        #expect(perPole.reduce(0, +) == after["gps"] as? Int)
        #expect((40 ... 50).contains(perPole.reduce(0, +)))
        #expect(poles.allSatisfy { ($0["gpsPer10000"] as? Double ?? 0) > 0 })
        let table = try SlotMatchProcess.run(["territory", "--db", db])
        #expect(table.stdout.contains("GPS PER 10,000"))
        #expect(table.stdout.contains("78517  Rambouillet"))
    }

    @Test func doubleDashEndsOptions() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("--odd.csv", CommandTests.threeGPs)
        let r = try SlotMatchProcess.run(["roster", "import", "--db", s.path("s.db"), "--", "--odd.csv"], in: s.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("3 inserted"))
    }

    @Test func jsonOutputIsStable() throws {
        let a = try SlotMatchProcess.run(["territory", "--format", "json", "--db", "/nonexistent/none.db"])
        let b = try SlotMatchProcess.run(["territory", "--format=json", "--db=/nonexistent/none.db"])
        #expect(a.status == 0 && a.stdout == b.stdout)
        #expect(a.stdout.contains("\"communes\": [") && a.stdout.hasPrefix("{\n  \"communes\""))
        _ = try a.json()
    }

    @Test func demoRunsEndToEnd() throws {
        let s = try Scratch()
        defer { s.remove() }
        let tmp = ["TMPDIR": s.url.path]  // the demo's temporary database goes here, and is removed with it
        let schedules = SlotMatchProcess.packageRoot.appendingPathComponent("Schedules").path
        let r = try SlotMatchProcess.run(["demo", "--schedules", schedules, "--now", "2026-12-04T08:00:00Z", "--format", "json"], environment: tmp)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try r.json()
        #expect(json["now"] as? String == "2026-12-04T08:00:00Z")
        let territory = try #require(json["territory"] as? [String: Any])
        #expect((territory["communes"] as? [[String: Any]])?.allSatisfy { $0["pole"] is String } == true)
        #expect((territory["communes"] as? [Any])?.count == 36)
        let practitioners = try #require(json["practitioners"] as? [String: Any])
        #expect((40 ... 50).contains(practitioners["count"] as? Int ?? 0))
        #expect((json["database"] as? String)?.hasPrefix(s.url.path) == true)
        let table = try SlotMatchProcess.run(["demo"], environment: tmp, in: SlotMatchProcess.packageRoot)
        #expect(table.status == 0)
        #expect(table.stdout.contains("== 1. The territory =="))
        #expect(table.stdout.contains("Saint-Léger-en-Yvelines (pole saint-leger)"))
        let missing = try SlotMatchProcess.run(["demo", "--schedules", "/nonexistent"], environment: tmp)
        #expect(missing.status == 65)
    }

    @Test func otherFailuresExit1() throws {
        let s = try Scratch()
        defer { s.remove() }
        let noFolder = try SlotMatchProcess.run(["init", "--db", s.path("missing/dir/x.db")])
        #expect(noFolder.status == 1)
        #expect(noFolder.stderrLines[0].hasPrefix("Error: SQLite error"))
        let garbage = try s.write("garbage.db", "this is not SQLite, just text long enough to be read as a header......")
        #expect(try SlotMatchProcess.run(["roster", "list", "--db", garbage]).status == 1)
        let none = try SlotMatchProcess.run(["roster", "list", "--db", s.path("none.db")])
        #expect(none.status == 1)
        #expect(none.stderr.contains("slotmatch init"))
        #expect(!FileManager.default.fileExists(atPath: s.path("none.db")))
    }

    @Test func missingRosterFileExits65() throws {
        let s = try Scratch()
        defer { s.remove() }
        let r = try SlotMatchProcess.run(["roster", "import", s.path("nothere.csv"), "--db", s.path("s.db")])
        #expect(r.status == 65)
        #expect(r.stderr.contains("does not exist"))
    }

    @Test func globalOptionsBeforeTheCommandWords() throws {
        let s = try Scratch()
        defer { s.remove() }
        let roster = try s.write("r.csv", CommandTests.threeGPs)
        #expect(try SlotMatchProcess.run(["--db", s.path("s.db"), "roster", "import", roster]).status == 0)
        let list = try SlotMatchProcess.run(["--db=\(s.path("s.db"))", "roster", "list", "--format", "json"])
        #expect(try list.json()["count"] as? Int == 3)
    }

    @Test func jsonRosterImport() throws {
        let s = try Scratch()
        defer { s.remove() }
        let roster = try s.write("roster.json", """
            [{"rpps": "10241452928", "name": "Dr A", "commune_insee": "78562", "modes": ["AMB", "HH"], "snp": true, "home_radius_km": 6}]
            """)
        let r = try SlotMatchProcess.run(["roster", "import", roster, "--db", s.path("s.db"), "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try r.json()["inserted"] as? Int == 1)
        let list = try SlotMatchProcess.run(["roster", "list", "--db", s.path("s.db"), "--format", "json"]).json()
        let poles = try #require(list["poles"] as? [[String: Any]])
        let leger = try #require(poles.first { $0["id"] as? String == "saint-leger" }?["practitioners"] as? [[String: Any]])
        #expect(leger.first?["modes"] as? [String] == ["AMB", "HH"])
        #expect(leger.first?["home_radius_km"] as? Double == 6)
        #expect(leger.first?["weekly_cap"] as? Int == 20)
    }
}
