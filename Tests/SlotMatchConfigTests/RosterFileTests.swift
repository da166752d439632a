import Foundation
import Testing
@testable import SlotMatchConfig
import SlotMatchCore

@Suite struct RosterFileTests {
    static let territory = try! TerritoryFile.loadDefault()
    static let header = "rpps,name,commune_insee,modes,snp,weekly_cap,home_radius_km\n"

    static func csv(_ body: String) throws(InputErrorList) -> [Practitioner] {
        try RosterFile.parse(bytes: Array((header + body).utf8), file: "roster.csv", format: .csv, territory: territory)
    }

    @Test func readsValidRowsWithDefaults() throws {
        let list = try RosterFileTests.csv("""
            10241452928,Dr Claire Martinet,78517,AMB|HH,yes,12,8
            10443427959,"Dr Durand, Paul",78486,AMB;VR,no,,
            10000000009,Dr Léa Noël,78537,hh,1,0,7.5

            """)
        #expect(list.count == 3)
        #expect(list[0].modes == [.office, .homeVisit] && list[0].weeklySNPCap == 12 && list[0].homeVisitRadiusKm == 8)
        #expect(list[1].displayName == "Dr Durand, Paul")
        #expect(list[1].modes == [.office, .video] && !list[1].participatesInSNP)
        #expect(list[1].weeklySNPCap == 20 && list[1].homeVisitRadiusKm == 10)
        #expect(list[2].modes == [.homeVisit] && list[2].participatesInSNP && list[2].weeklySNPCap == 0 && list[2].homeVisitRadiusKm == 7.5)
    }

    @Test func everyBadRowIsReportedWithItsLine() {
        do {
            _ = try RosterFileTests.csv("""
                10241452928,Dr Good Row,78517,AMB,yes,,
                10241452927,Dr Bad Check,78517,AMB,yes,,
                10443427959,Dr Far Away,75056,AMB,yes,,
                10000000009,Dr Odd Mode,78537,AMB|XX,yes,,
                10658740310,Dr Minus,78537,AMB,yes,-2,
                10815309819,Dr Maybe,78537,AMB,perhaps,,
                10241452928,Dr Twice,78517,AMB,yes,,

                """)
            Issue.record("accepted a bad roster")
        } catch {
            #expect(error.errors.map(\.place.line) == [3, 4, 5, 6, 7, 8])
            #expect(error.errors.allSatisfy { $0.place.file == "roster.csv" })
            #expect(error.errors[0].problem.contains("check digit"))
            #expect(error.errors[1].problem.contains("75056"))
            #expect(error.errors[2].problem.contains("XX"))
            #expect(error.errors[3].problem.contains("-2"))
            #expect(error.errors[4].problem.contains("perhaps"))
            #expect(error.errors[5].problem.contains("twice"))
        }
    }

    @Test func oneRowWithSeveralProblemsListsEach() {
        do { _ = try RosterFileTests.csv("123,,99999,,maybe,x,-1\n"); Issue.record("accepted") } catch {
            #expect(error.errors.count == 7)
            #expect(Set(error.errors.map(\.place.line)) == [2])
        }
    }

    @Test func missingColumnIsReported() {
        do {
            _ = try RosterFile.parse(bytes: Array("rpps,name,modes\n10241452928,Dr X,AMB\n".utf8), file: "r.csv", format: .csv, territory: RosterFileTests.territory)
            Issue.record("accepted")
        } catch {
            #expect(error.errors.count == 1 && error.errors[0].place.line == 1)
            #expect(error.errors[0].problem.contains("commune_insee"))
        }
    }

    @Test func jsonRoster() throws {
        let text = """
            [{"rpps": "10241452928", "name": "Dr A", "commune_insee": "78517", "modes": ["AMB", "VR"], "snp": true, "weekly_cap": 15},
             {"rpps": 10443427959, "name": "Dr B", "commune_insee": "78562", "modes": "HH", "snp": "no", "home_radius_km": 12.5}]
            """
        let list = try RosterFile.parse(bytes: Array(text.utf8), file: "r.json", format: .json, territory: RosterFileTests.territory)
        #expect(list.map(\.rpps.digits) == ["10241452928", "10443427959"])
        #expect(list[0].modes == [.office, .video] && list[0].weeklySNPCap == 15 && list[0].homeVisitRadiusKm == 10)
        #expect(list[1].modes == [.homeVisit] && !list[1].participatesInSNP && list[1].homeVisitRadiusKm == 12.5)
    }

    @Test func jsonErrorsNameThePath() {
        let text = """
            [{"rpps": "10241452928", "name": "Dr A", "commune_insee": "78517", "modes": "AMB"},
             {"rpps": "10241452927", "name": "Dr B", "commune_insee": "78517", "modes": "AMB", "weekly_cap": -1}]
            """
        do { _ = try RosterFile.parse(bytes: Array(text.utf8), file: "r.json", format: .json, territory: RosterFileTests.territory); Issue.record("accepted") } catch {
            #expect(error.errors.map(\.place.jsonPath) == ["$[1].rpps", "$[1].weekly_cap"])
        }
        do { _ = try RosterFile.parse(bytes: Array("[{\"rpps\": \"1\"}]".utf8), file: "r.json", format: .json, territory: RosterFileTests.territory) } catch {
            #expect(error.errors.first?.place.jsonPath == "$[0].name")
        }
    }

    @Test(arguments: [("r.csv", "[", RosterFormat.csv), ("r.JSON", "a", .json), ("roster", "  [{", .json), ("roster.txt", "rpps,name", .csv)])
    func formatDetection(path: String, start: String, format: RosterFormat) {
        #expect(RosterFormat.detect(path: path, bytes: Array(start.utf8)) == format)
    }

    @Test func shippedRosterIsValidAndSpreadLikeTheRealSupply() throws {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { url.deleteLastPathComponent() }
        let list = try RosterFile.load(path: url.appendingPathComponent("Schedules/roster.csv").path, territory: RosterFileTests.territory)
        #expect((40 ... 50).contains(list.count))
        let byCommune = Dictionary(grouping: list, by: \.site.communeInsee).mapValues(\.count)
        let top = byCommune.sorted { $0.value > $1.value }.prefix(2).map(\.key)
        #expect(Set(top) == ["78517", "78486"])
        #expect(byCommune.count < 18)  // most of the 36 communes have no GP
        #expect(list.allSatisfy { $0.rpps.digits.hasPrefix("10") })
        #expect(list.contains { !$0.participatesInSNP })
    }
}
