/// How long a patient takes to reach a practice (or a GP a home): great-circle distance times a
/// detour factor, at an average road speed, unless a measured matrix says otherwise.
public struct TravelModel: Sendable, Hashable {
    /// Road distance over great-circle distance; 1.3 is the usual figure for rural France.
    public var detourFactor: Double
    /// Average door-to-door road speed in km/h.
    public var averageSpeedKmh: Double
    public var matrix: TravelMatrix

    public init(detourFactor: Double = 1.3, averageSpeedKmh: Double = 50, matrix: TravelMatrix = TravelMatrix()) {
        self.detourFactor = detourFactor; self.averageSpeedKmh = averageSpeedKmh; self.matrix = matrix
    }

    /// Estimated road kilometres between two points.
    public func roadKilometres(from a: GeoPoint, to b: GeoPoint) -> Double {
        a.distanceKilometres(to: b) * detourFactor
    }

    /// Whole minutes (rounded up) between two points by the estimate.
    public func minutes(from a: GeoPoint, to b: GeoPoint) -> Int {
        let m = roadKilometres(from: a, to: b) / averageSpeedKmh * 60
        return Int(m.rounded(.up))
    }

    /// Minutes between two communes: the matrix where it has the pair, else the estimate.
    public func minutes(from a: Commune, to b: Commune) -> Int {
        if a.insee == b.insee { return matrix.minutes(from: a.insee, to: b.insee) ?? 0 }
        return matrix.minutes(from: a.insee, to: b.insee) ?? minutes(from: a.location, to: b.location)
    }
}
