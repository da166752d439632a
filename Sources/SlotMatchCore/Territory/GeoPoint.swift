import Glibc  // libm only: sin, cos, asin

/// A WGS84 position in degrees.
public struct GeoPoint: Sendable, Hashable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude; self.longitude = longitude
    }

    /// Mean Earth radius (IUGG), as used for great-circle distances.
    public static let earthRadiusKilometres = 6371.0088

    /// Great-circle (haversine) distance in kilometres.
    public func distanceKilometres(to other: GeoPoint) -> Double {
        let rad = Double.pi / 180
        let dLat = (other.latitude - latitude) * rad
        let dLon = (other.longitude - longitude) * rad
        let a = sinHalfSquared(dLat) + cos(latitude * rad) * cos(other.latitude * rad) * sinHalfSquared(dLon)
        return 2 * GeoPoint.earthRadiusKilometres * asin(min(1, a).squareRoot())
    }

    public var isValid: Bool {
        latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180 && latitude.isFinite && longitude.isFinite
    }
}

@inline(__always) private func sinHalfSquared(_ x: Double) -> Double { let s = sin(x / 2); return s * s }
