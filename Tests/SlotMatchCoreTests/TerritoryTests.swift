import Testing
@testable import SlotMatchCore

@Suite struct TerritoryTests {
    /// Three seats on a line and communes between them.
    static func communes(override: String? = nil) -> [Commune] {
        [
            Commune(insee: "00001", name: "West", postcode: "", location: GeoPoint(latitude: 48.6, longitude: 1.0), population: 1000),
            Commune(insee: "00002", name: "Centre", postcode: "", location: GeoPoint(latitude: 48.6, longitude: 1.5), population: 2000),
            Commune(insee: "00003", name: "East", postcode: "", location: GeoPoint(latitude: 48.6, longitude: 2.0), population: 3000),
            Commune(insee: "00004", name: "Near west", postcode: "", location: GeoPoint(latitude: 48.6, longitude: 1.1), population: 100,
                    poleOverride: override),
            Commune(insee: "00005", name: "Near east", postcode: "", location: GeoPoint(latitude: 48.61, longitude: 1.9), population: 100),
        ]
    }
    static let poles = [Pole(id: "west", name: "West", seatInsee: "00001"), Pole(id: "centre", name: "Centre", seatInsee: "00002"),
                        Pole(id: "east", name: "East", seatInsee: "00003")]

    @Test func seatsBelongToThemselvesAndOthersToTheNearest() throws {
        let t = try Territory(name: "T", timeZoneIdentifier: "Europe/Paris", communes: TerritoryTests.communes(), poles: TerritoryTests.poles, travel: TravelModel())
        #expect(t.pole(ofCommune: "00001")?.id == "west")
        #expect(t.pole(ofCommune: "00002")?.id == "centre")
        #expect(t.pole(ofCommune: "00003")?.id == "east")
        #expect(t.pole(ofCommune: "00004")?.id == "west")
        #expect(t.pole(ofCommune: "00005")?.id == "east")
        #expect(t.communes(ofPole: "east").map(\.insee) == ["00003", "00005"])
        #expect(t.population == 6200)
    }

    @Test func overrideIsHonoured() throws {
        let t = try Territory(name: "T", timeZoneIdentifier: "Europe/Paris", communes: TerritoryTests.communes(override: "east"),
                              poles: TerritoryTests.poles, travel: TravelModel())
        #expect(t.pole(ofCommune: "00004")?.id == "east")
    }

    @Test func matrixChangesTheNearestPole() throws {
        var matrix = TravelMatrix()
        matrix.set(from: "00004", to: "00002", minutes: 1)
        let t = try Territory(name: "T", timeZoneIdentifier: "Europe/Paris", communes: TerritoryTests.communes(),
                              poles: TerritoryTests.poles, travel: TravelModel(matrix: matrix))
        #expect(t.pole(ofCommune: "00004")?.id == "centre")
    }

    @Test func unknownOverrideAndDuplicatesAreInputErrors() {
        #expect(throws: InputError.self) {
            try Territory(name: "T", timeZoneIdentifier: "UTC", communes: TerritoryTests.communes(override: "north"), poles: TerritoryTests.poles, travel: TravelModel())
        }
        do {
            _ = try Territory(name: "T", timeZoneIdentifier: "UTC", communes: TerritoryTests.communes() + [TerritoryTests.communes()[1]],
                              poles: TerritoryTests.poles, travel: TravelModel())
            Issue.record("accepted a duplicate INSEE code")
        } catch { #expect(error.place.jsonPath == "$.communes[5].insee") }
    }

    @Test func nearestCommuneToAPoint() throws {
        let t = try Territory(name: "T", timeZoneIdentifier: "UTC", communes: TerritoryTests.communes(), poles: TerritoryTests.poles, travel: TravelModel())
        #expect(t.nearestCommune(to: GeoPoint(latitude: 48.6, longitude: 1.45))?.insee == "00002")
    }
}
