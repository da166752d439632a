import Glibc  // libm: cos, sqrt, log
import SlotMatchCore

/// The places demand is drawn from at each scale. Territory: the territory's own communes (written as
/// INSEE codes). Department and national: the territory's communes plus synthetic communes drawn with a
/// fixed seed (so every simulation at a scale sees the same map), written as coordinates.
public enum SyntheticCommunes {
    /// Inhabitants aimed at, territory communes included.
    public static let departmentPopulation = 1_400_000
    public static let nationalPopulation = 68_000_000

    /// The communes (territory first, then synthetic ones with codes `S00001`…) and whether each is written by coordinates.
    public static func communes(for scale: DemandScale, territory: Territory) -> [Commune] {
        let base = territory.communes
        switch scale {
        case .territory: return base
        case .department:
            // A disc of 45 km around the territory's centre, about the size of the Yvelines.
            let c = centre(of: base)
            return base + synthetic(count: 260, total: departmentPopulation - territory.population,
                                    latitudes: (c.latitude - 0.4, c.latitude + 0.4),
                                    longitudes: (c.longitude - 0.6, c.longitude + 0.6), seed: 78)
        case .national:
            // Metropolitan France's bounding box (a few points fall in the sea: harmless for a load test).
            return base + synthetic(count: 3_000, total: nationalPopulation - territory.population,
                                    latitudes: (43.0, 50.8), longitudes: (-1.5, 7.5), seed: 33)
        }
    }

    static func centre(of communes: [Commune]) -> GeoPoint {
        guard !communes.isEmpty else { return GeoPoint(latitude: 48.64, longitude: 1.83) }
        let lat = communes.reduce(0) { $0 + $1.location.latitude } / Double(communes.count)
        let lon = communes.reduce(0) { $0 + $1.location.longitude } / Double(communes.count)
        return GeoPoint(latitude: lat, longitude: lon)
    }

    /// Communes uniformly placed in a box, with heavy-tailed (Pareto-like) populations scaled to `total`.
    static func synthetic(count: Int, total: Int, latitudes: (Double, Double), longitudes: (Double, Double),
                          seed: UInt64) -> [Commune] {
        var rng = SplitMix64(seed: seed)
        var weights: [Double] = []
        var points: [GeoPoint] = []
        for _ in 0 ..< count {
            let lat = latitudes.0 + (latitudes.1 - latitudes.0) * rng.unit()
            let lon = longitudes.0 + (longitudes.1 - longitudes.0) * rng.unit()
            points.append(GeoPoint(latitude: lat, longitude: lon))
            weights.append(pow(1 - rng.unit() * 0.999, -1.2))  // Pareto tail: a few towns, many villages
        }
        let sum = weights.reduce(0, +)
        var communes: [Commune] = []
        for i in 0 ..< count {
            let code = "S" + String(repeating: "0", count: max(0, 5 - String(i + 1).count)) + String(i + 1)
            let population = max(50, Int((weights[i] / sum * Double(max(0, total))).rounded()))
            communes.append(Commune(insee: code, name: "Synthetic " + code, postcode: "", location: points[i], population: population))
        }
        return communes
    }
}
