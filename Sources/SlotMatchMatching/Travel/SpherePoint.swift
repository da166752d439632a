import Glibc  // libm: sin, cos, only when a point is made, never per candidate
import SlotMatchCore

/// A position as a unit vector on the sphere, so that the great-circle distance between two points
/// needs no trigonometry: the chord c = |a − b| gives d = 2R·asin(c/2), and asin is a short series.
///
/// Error bound: the series x + x³/6 + 3x⁵/40 + 5x⁷/112 leaves out terms below 35x⁹/1152, a relative
/// error under 5·10⁻¹¹ for distances up to 1,000 km (x ≤ 0.079) and under 10⁻¹⁴ within 100 km: the
/// same kilometres as `GeoPoint.distanceKilometres` (haversine) to floating-point rounding.
struct SpherePoint: Sendable, Hashable {
    var x: Double
    var y: Double
    var z: Double

    init(_ p: GeoPoint) {
        let rad = Double.pi / 180
        let lat = p.latitude * rad, lon = p.longitude * rad
        let c = cos(lat)
        x = c * cos(lon); y = c * sin(lon); z = sin(lat)
    }

    /// Great-circle kilometres to `other` (Earth radius as `GeoPoint.earthRadiusKilometres`).
    @inline(__always)
    func distanceKilometres(to o: SpherePoint) -> Double {
        let dx = x - o.x, dy = y - o.y, dz = z - o.z
        let h = min(1, (dx * dx + dy * dy + dz * dz).squareRoot() * 0.5)
        if h > 0.3 { return 2 * GeoPoint.earthRadiusKilometres * asin(h) }  // antipodal-ish: exact, rare
        let h2 = h * h
        let series = h * (1 + h2 * (1.0 / 6 + h2 * (3.0 / 40 + h2 * (5.0 / 112))))
        return 2 * GeoPoint.earthRadiusKilometres * series
    }
}
