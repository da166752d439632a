import Testing
import SlotMatchCore
@testable import SlotMatchMatching

/// The trigonometry-free distance agrees with the core's haversine, and minutes with `TravelModel`.
@Suite struct TravelTests {
    @Test func chordDistanceMatchesHaversine() {
        var rng = SplitMix(seed: 42)
        for _ in 0 ..< 2000 {
            let a = GeoPoint(latitude: Double.random(in: 42.3 ... 51.1, using: &rng), longitude: Double.random(in: -4.8 ... 8.2, using: &rng))
            let b = GeoPoint(latitude: Double.random(in: 42.3 ... 51.1, using: &rng), longitude: Double.random(in: -4.8 ... 8.2, using: &rng))
            let exact = a.distanceKilometres(to: b)
            let chord = SpherePoint(a).distanceKilometres(to: SpherePoint(b))
            #expect(abs(exact - chord) <= 1e-9 * max(1, exact), "\(a) \(b)")
        }
        let paris = GeoPoint(latitude: 48.8566, longitude: 2.3522), marseille = GeoPoint(latitude: 43.2965, longitude: 5.3698)
        #expect(abs(SpherePoint(paris).distanceKilometres(to: SpherePoint(marseille)) - 660.5) < 1.5)
    }

    @Test func minutesMatchTheTravelModel() throws {
        var rng = SplitMix(seed: 43)
        let search = SlotSearch()
        let model = TravelModel()
        var gps: [IndexedPractitioner] = []
        for _ in 0 ..< 300 {
            gps.append(IndexedPractitioner(location: GeoPoint(latitude: 48.4 + Double.random(in: 0 ... 0.5, using: &rng),
                                                              longitude: 1.5 + Double.random(in: 0 ... 0.7, using: &rng))))
        }
        let index = try MatchingFixture.index(gps, [])
        let patient = MatchingFixture.rambouillet
        for p in gps.indices {
            #expect(search.travelMinutes(from: patient, toPractitioner: Int32(p), in: index) == model.minutes(from: patient, to: gps[p].location))
        }
    }

    @Test func ringBoundNeverExceedsTheTrueDistance() throws {
        var rng = SplitMix(seed: 44)
        var points: [GeoPoint] = []
        for _ in 0 ..< 3000 {
            points.append(GeoPoint(latitude: Double.random(in: 42.3 ... 51.1, using: &rng), longitude: Double.random(in: -4.8 ... 8.2, using: &rng)))
        }
        let grid = PracticeGrid(points: points, cellKilometres: 5)
        for _ in 0 ..< 50 {
            let patient = GeoPoint(latitude: Double.random(in: 41 ... 52, using: &rng), longitude: Double.random(in: -6 ... 9, using: &rng))
            let center = grid.cell(of: patient)
            let cosMax = cos(max(grid.maxAbsLatitude, abs(patient.latitude)) * Double.pi / 180)
            for r in [0, 1, 2, 3, 7, 20, 60] {
                let bound = grid.ringLowerBoundKilometres(r, cosMaxLatitude: cosMax)
                _ = grid.forEachCell(ring: r, around: center) { c in
                    for j in grid.memberRange(ofCell: c) {
                        #expect(patient.distanceKilometres(to: points[Int(grid.members[j])]) >= bound)
                    }
                }
            }
        }
    }
}

import Glibc
