import Foundation
import Testing
@testable import SlotMatchCore

/// Spherical law of cosines: a second formula for the great-circle distance, to check haversine against.
private func lawOfCosinesKilometres(_ a: GeoPoint, _ b: GeoPoint) -> Double {
    let r = Double.pi / 180
    let c = sin(a.latitude * r) * sin(b.latitude * r) + cos(a.latitude * r) * cos(b.latitude * r) * cos((b.longitude - a.longitude) * r)
    return acos(min(1, max(-1, c))) * GeoPoint.earthRadiusKilometres
}

@Suite struct GeoPointTests {
    static let paris = GeoPoint(latitude: 48.8566, longitude: 2.3522)
    static let london = GeoPoint(latitude: 51.5074, longitude: -0.1278)
    static let rambouillet = GeoPoint(latitude: 48.6538, longitude: 1.8339)
    static let saintArnoult = GeoPoint(latitude: 48.5752, longitude: 1.9293)

    @Test func parisLondon() {
        let d = GeoPointTests.paris.distanceKilometres(to: GeoPointTests.london)
        #expect(abs(d - 343.5) < 0.5)
        #expect(abs(d - GeoPointTests.london.distanceKilometres(to: GeoPointTests.paris)) < 1e-9)
    }

    @Test func rambouilletSaintArnoultAgreesWithLawOfCosines() {
        let d = GeoPointTests.rambouillet.distanceKilometres(to: GeoPointTests.saintArnoult)
        #expect(abs(d - lawOfCosinesKilometres(GeoPointTests.rambouillet, GeoPointTests.saintArnoult)) < 0.01)
        #expect(abs(d - 11.21) < 0.05)
    }

    @Test(arguments: [
        (GeoPoint(latitude: 0, longitude: 0), GeoPoint(latitude: 0, longitude: 1), 111.195) as (GeoPoint, GeoPoint, Double),
        (GeoPoint(latitude: 0, longitude: 0), GeoPoint(latitude: 1, longitude: 0), 111.195),
        (GeoPoint(latitude: 90, longitude: 0), GeoPoint(latitude: -90, longitude: 0), 20015.1),
        (GeoPoint(latitude: 45, longitude: 10), GeoPoint(latitude: 45, longitude: 10), 0.0),
    ])
    func knownDistances(a: GeoPoint, b: GeoPoint, expected: Double) {
        #expect(abs(a.distanceKilometres(to: b) - expected) < 0.1)
        #expect(abs(a.distanceKilometres(to: b) - lawOfCosinesKilometres(a, b)) < 0.01)
    }

    @Test(arguments: [(91.0, 0.0, false), (-90.0, 180.0, true), (48.6, -181.0, false), (Double.nan, 0.0, false), (48.6, 1.8, true)])
    func validity(lat: Double, lon: Double, valid: Bool) {
        #expect(GeoPoint(latitude: lat, longitude: lon).isValid == valid)
    }
}
