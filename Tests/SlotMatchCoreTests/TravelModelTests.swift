import Foundation
import Testing
@testable import SlotMatchCore

@Suite struct TravelModelTests {
    static let rambouillet = Commune(insee: "78517", name: "Rambouillet", postcode: "78120",
                                     location: GeoPoint(latitude: 48.6538, longitude: 1.8339), population: 27724)
    static let saintArnoult = Commune(insee: "78537", name: "Saint-Arnoult-en-Yvelines", postcode: "78730",
                                      location: GeoPoint(latitude: 48.5752, longitude: 1.9293), population: 5875)

    @Test(arguments: [(1.3, 50.0), (1.0, 60.0), (1.5, 30.0)])
    func minutesFollowTheFormula(detour: Double, speed: Double) {
        let model = TravelModel(detourFactor: detour, averageSpeedKmh: speed)
        let a = TravelModelTests.rambouillet, b = TravelModelTests.saintArnoult
        let expected = Int((a.location.distanceKilometres(to: b.location) * detour / speed * 60).rounded(.up))
        #expect(model.minutes(from: a, to: b) == expected)
        #expect(model.minutes(from: a.location, to: b.location) == expected)
    }

    @Test func defaultsGiveAboutSeventeenMinutesRambouilletSaintArnoult() {
        // 11.21 km × 1.3 = 14.57 km at 50 km/h = 17.5 min, rounded up.
        #expect(TravelModel().minutes(from: TravelModelTests.rambouillet, to: TravelModelTests.saintArnoult) == 18)
        #expect(TravelModel().detourFactor == 1.3)
        #expect(TravelModel().averageSpeedKmh == 50)
    }

    @Test func matrixOverridesBothWays() {
        var matrix = TravelMatrix()
        matrix.set(from: "78517", to: "78537", minutes: 25)
        let model = TravelModel(matrix: matrix)
        #expect(model.minutes(from: TravelModelTests.rambouillet, to: TravelModelTests.saintArnoult) == 25)
        #expect(model.minutes(from: TravelModelTests.saintArnoult, to: TravelModelTests.rambouillet) == 25)
        matrix.set(from: "78537", to: "78517", minutes: 21)
        let asymmetric = TravelModel(matrix: matrix)
        #expect(asymmetric.minutes(from: TravelModelTests.saintArnoult, to: TravelModelTests.rambouillet) == 21)
        #expect(asymmetric.minutes(from: TravelModelTests.rambouillet, to: TravelModelTests.saintArnoult) == 25)
    }

    @Test func sameCommuneIsZeroUnlessMeasured() {
        #expect(TravelModel().minutes(from: TravelModelTests.rambouillet, to: TravelModelTests.rambouillet) == 0)
        var matrix = TravelMatrix()
        matrix.set(from: "78517", to: "78517", minutes: 6)
        #expect(TravelModel(matrix: matrix).minutes(from: TravelModelTests.rambouillet, to: TravelModelTests.rambouillet) == 6)
    }
}
