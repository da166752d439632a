import Foundation
import Testing
@testable import SlotMatchConfig
import SlotMatchCore

/// Ways to break the bundled territory document, each with the JSON path the error must name.
enum TerritoryBreakage: String, CaseIterable, Sendable {
    case nameIsANumber, populationMissing, latitudeOutOfRange, longitudeIsAString, latitudeIsABoolean, duplicateInsee,
         unknownPole, unknownSeat, polesIsAnObject, detourTooSmall, negativePopulation, noCommunes, malformedInsee,
         poleNameMissing, duplicatePoleId, matrixPathIsANumber

    var expectedPath: String {
        switch self {
        case .nameIsANumber: return "$.name"
        case .populationMissing: return "$.communes[2].population"
        case .latitudeOutOfRange: return "$.communes[3].lat"
        case .longitudeIsAString: return "$.communes[0].lon"
        case .latitudeIsABoolean: return "$.communes[2].lat"
        case .duplicateInsee: return "$.communes[5].insee"
        case .unknownPole: return "$.communes[7].pole"
        case .unknownSeat: return "$.poles[1].seat"
        case .polesIsAnObject: return "$.poles"
        case .detourTooSmall: return "$.travel.detourFactor"
        case .negativePopulation: return "$.communes[4].population"
        case .noCommunes: return "$.communes"
        case .malformedInsee: return "$.communes[1].insee"
        case .poleNameMissing: return "$.poles[2].name"
        case .duplicatePoleId: return "$.poles[1].id"
        case .matrixPathIsANumber: return "$.travelMatrix"
        }
    }

    func apply(to doc: inout [String: Any]) {
        var communes = doc["communes"] as! [[String: Any]]
        var poles = doc["poles"] as! [[String: Any]]
        switch self {
        case .nameIsANumber: doc["name"] = 5
        case .populationMissing: communes[2].removeValue(forKey: "population")
        case .latitudeOutOfRange: communes[3]["lat"] = 123.4
        case .longitudeIsAString: communes[0]["lon"] = "1.8565"
        case .latitudeIsABoolean: communes[2]["lat"] = true
        case .duplicateInsee: communes[5]["insee"] = communes[0]["insee"]
        case .unknownPole: communes[7]["pole"] = "paris"
        case .unknownSeat: poles[1]["seat"] = "99999"
        case .polesIsAnObject: doc["poles"] = ["id": "x"]
        case .detourTooSmall: doc["travel"] = ["detourFactor": 0.5, "averageSpeedKmh": 50]
        case .negativePopulation: communes[4]["population"] = -3
        case .noCommunes: communes = []
        case .malformedInsee: communes[1]["insee"] = "7851"
        case .poleNameMissing: poles[2].removeValue(forKey: "name")
        case .duplicatePoleId: poles[1]["id"] = poles[0]["id"]
        case .matrixPathIsANumber: doc["travelMatrix"] = 12
        }
        doc["communes"] = communes
        if self != .polesIsAnObject { doc["poles"] = poles }
    }
}

@Suite struct TerritoryFileTests {
    static func bundledDocument() throws -> [String: Any] {
        let data = try Data(contentsOf: try #require(TerritoryFile.bundledURL))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func parse(_ doc: [String: Any], baseDirectory: String = ".") throws(InputError) -> Territory {
        let data = try! JSONSerialization.data(withJSONObject: doc)
        return try TerritoryFile.parse(data, file: "territory.json", baseDirectory: baseDirectory)
    }

    @Test func bundledTerritoryLoads() throws {
        let t = try TerritoryFile.loadDefault()
        #expect(t.communes.count == 36)
        #expect(t.poles.map(\.id) == ["rambouillet", "saint-arnoult", "saint-leger"])
        #expect(t.population == 80_722)
        #expect(t.timeZoneIdentifier == "Europe/Paris")
        #expect(t.travel.detourFactor == 1.3 && t.travel.averageSpeedKmh == 50)
        #expect(Set(t.communes.map(\.insee)).count == 36)
    }

    @Test func everyCommuneHasExactlyOnePoleAndItIsTheNearestSeat() throws {
        let t = try TerritoryFile.loadDefault()
        #expect(t.poleIndexOfCommune.count == 36)
        let members = t.poles.flatMap { t.communes(ofPole: $0.id).map(\.insee) }
        #expect(members.count == 36 && Set(members).count == 36)
        for pole in t.poles { #expect(t.pole(ofCommune: pole.seatInsee)?.id == pole.id) }
        // Independent check: minutes to each seat by the formula, computed here.
        for c in t.communes {
            let minutes = t.poles.map { pole -> Double in
                let seat = t.commune(insee: pole.seatInsee)!
                return (c.location.distanceKilometres(to: seat.location) * 1.3 / 50 * 60).rounded(.up)
            }
            let best = minutes.min()!
            #expect(minutes[t.poleIndexOfCommune[t.communeIndex(insee: c.insee)!]] == best, "\(c.name)")
        }
        #expect(t.pole(ofCommune: "78486")?.id == "rambouillet")   // Le Perray-en-Yvelines
        #expect(t.pole(ofCommune: "78087")?.id == "saint-arnoult") // Bonnelles
    }

    @Test func poleOverrideIsHonoured() throws {
        var doc = try TerritoryFileTests.bundledDocument()
        var communes = doc["communes"] as! [[String: Any]]
        let ablis = try #require(communes.firstIndex { $0["insee"] as? String == "78003" })
        #expect(try TerritoryFileTests.parse(doc).pole(ofCommune: "78003")?.id == "saint-arnoult")
        communes[ablis]["pole"] = "saint-leger"
        doc["communes"] = communes
        #expect(try TerritoryFileTests.parse(doc).pole(ofCommune: "78003")?.id == "saint-leger")
    }

    @Test(arguments: TerritoryBreakage.allCases)
    func malformedFileNamesTheJSONPath(breakage: TerritoryBreakage) throws {
        var doc = try TerritoryFileTests.bundledDocument()
        breakage.apply(to: &doc)
        do {
            _ = try TerritoryFileTests.parse(doc)
            Issue.record("\(breakage) was accepted")
        } catch {
            #expect(error.place.jsonPath == breakage.expectedPath)
            #expect(error.place.file == "territory.json")
            #expect(error.description.contains(breakage.expectedPath))
            #expect(!error.remedy.isEmpty)
        }
    }

    @Test(arguments: ["{", "", "[1, 2", "{\"name\": \"x\",\n  \"poles\": [}", "not json"])
    func invalidJSONIsAnInputError(text: String) {
        do {
            _ = try TerritoryFile.parse(Data(text.utf8), file: "t.json")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.place.jsonPath == "$")
            #expect(error.problem.contains("not valid JSON"))
        }
    }

    @Test func rootMustBeAnObject() {
        #expect(throws: InputError.self) { try TerritoryFile.parse(Data("[1]".utf8)) }
    }

    @Test func missingFileIsAnInputError() {
        do { _ = try TerritoryFile.load(path: "/nonexistent/territory.json"); Issue.record("loaded a missing file") } catch {
            #expect(error.place.file == "/nonexistent/territory.json")
            #expect(error.problem.contains("does not exist"))
        }
    }

    @Test func travelMatrixIsReadRelativeToTheFile() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        var doc = try TerritoryFileTests.bundledDocument()
        doc["travelMatrix"] = "matrix.csv"
        try folder.write("matrix.csv", "from_insee,to_insee,minutes\n78517,78537,31\n78003,78537,2\n")
        let path = try folder.write("territory.json", String(decoding: try JSONSerialization.data(withJSONObject: doc), as: UTF8.self))
        let t = try TerritoryFile.load(path: path)
        let r = t.commune(insee: "78517")!, s = t.commune(insee: "78537")!
        #expect(t.travel.minutes(from: r, to: s) == 31)
        #expect(t.travel.minutes(from: s, to: r) == 31)
        #expect(t.travel.matrix.count == 2)
    }

    @Test func badMatrixLineIsNamed() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        var doc = try TerritoryFileTests.bundledDocument()
        doc["travelMatrix"] = "matrix.csv"
        let matrix = try folder.write("matrix.csv", "from_insee,to_insee,minutes\n78517,78537,31\n78517,78003,soon\n")
        let path = try folder.write("territory.json", String(decoding: try JSONSerialization.data(withJSONObject: doc), as: UTF8.self))
        do { _ = try TerritoryFile.load(path: path); Issue.record("accepted a bad matrix") } catch {
            #expect(error.place.file == matrix)
            #expect(error.place.line == 3)
        }
    }
}
