import Glibc  // libm: cos, sin, asin, per query and per ring only
import SlotMatchCore

/// A uniform latitude × longitude grid over the practices (~5 km cells), each cell listing its GPs
/// (compressed rows: `cellStart[c] ..< cellStart[c + 1]` in `members`).
///
/// Practices do not move, so the grid is built once: O(P) time and memory for P practices. The search
/// walks square rings of cells around the patient; every practice in ring r ≥ 1 is at least r − 1
/// cells away in latitude or longitude, which `ringLowerBoundKilometres` turns into a great-circle
/// lower bound (see there).
struct PracticeGrid: Sendable {
    var minLatitude: Double
    var minLongitude: Double
    var latitudeStep: Double
    var longitudeStep: Double
    var rows: Int
    var columns: Int
    var cellStart: [Int32]
    var members: [Int32]
    /// For each GP, its cell and its position in `members`.
    var cellOfPractitioner: [Int32]
    var positionOfPractitioner: [Int32]
    /// Largest |latitude| of any practice, for the longitude bound.
    var maxAbsLatitude: Double

    static let maximumCells = 4_000_000

    init(points: [GeoPoint], cellKilometres: Double) {
        let kmPerDegree = GeoPoint.earthRadiusKilometres * Double.pi / 180
        var minLat = 90.0, maxLat = -90.0, minLon = 180.0, maxLon = -180.0, maxAbs = 0.0
        for p in points {
            minLat = min(minLat, p.latitude); maxLat = max(maxLat, p.latitude)
            minLon = min(minLon, p.longitude); maxLon = max(maxLon, p.longitude)
            maxAbs = max(maxAbs, abs(p.latitude))
        }
        if points.isEmpty { minLat = 0; maxLat = 0; minLon = 0; maxLon = 0 }
        let midCos = max(0.05, cos((minLat + maxLat) / 2 * Double.pi / 180))
        var km = max(0.5, cellKilometres.isFinite ? cellKilometres : 5)
        var latStep = 0.0, lonStep = 0.0, rows = 1, columns = 1
        while true {
            latStep = km / kmPerDegree
            lonStep = km / (kmPerDegree * midCos)
            rows = Int(((maxLat - minLat) / latStep).rounded(.down)) + 1
            columns = Int(((maxLon - minLon) / lonStep).rounded(.down)) + 1
            if rows * columns <= PracticeGrid.maximumCells { break }
            km *= 2
        }
        self.minLatitude = minLat; self.minLongitude = minLon
        self.latitudeStep = latStep; self.longitudeStep = lonStep
        self.rows = rows; self.columns = columns; self.maxAbsLatitude = maxAbs
        // Counting sort of practices by cell.
        var cellOf = [Int](repeating: 0, count: points.count)
        var counts = [Int32](repeating: 0, count: rows * columns + 1)
        for (i, p) in points.enumerated() {
            let r = min(rows - 1, max(0, Int(((p.latitude - minLat) / latStep).rounded(.down))))
            let c = min(columns - 1, max(0, Int(((p.longitude - minLon) / lonStep).rounded(.down))))
            cellOf[i] = r * columns + c
            counts[cellOf[i] + 1] += 1
        }
        for c in 0 ..< rows * columns { counts[c + 1] += counts[c] }
        var next = counts
        var members = [Int32](repeating: 0, count: points.count)
        var position = [Int32](repeating: 0, count: points.count)
        for i in 0 ..< points.count {
            members[Int(next[cellOf[i]])] = Int32(i)
            position[i] = next[cellOf[i]]
            next[cellOf[i]] += 1
        }
        self.cellStart = counts
        self.members = members
        self.cellOfPractitioner = cellOf.map { Int32($0) }
        self.positionOfPractitioner = position
    }

    /// The (row, column) the point falls in, not clamped: a patient outside the grid gets cells outside it.
    func cell(of p: GeoPoint) -> (row: Int, column: Int) {
        let r = ((p.latitude - minLatitude) / latitudeStep).rounded(.down)
        let c = ((p.longitude - minLongitude) / longitudeStep).rounded(.down)
        return (Int(max(-1e7, min(1e7, r))), Int(max(-1e7, min(1e7, c))))
    }

    /// A lower bound of the great-circle distance from a patient in its cell to any practice in ring r.
    ///
    /// Such a practice differs by at least (r − 1) steps in latitude or in longitude. A latitude gap
    /// Δφ gives d ≥ R·Δφ; a longitude gap Δλ gives, from the haversine formula with both latitudes
    /// at most φmax in magnitude, sin(d / 2R) ≥ cos φmax · sin(Δλ / 2). The smaller of the two bounds,
    /// shrunk by 10⁻⁹ against rounding, is returned.
    func ringLowerBoundKilometres(_ r: Int, cosMaxLatitude: Double) -> Double {
        guard r >= 2 else { return 0 }
        let rad = Double.pi / 180
        let steps = Double(r - 1)
        let latKm = GeoPoint.earthRadiusKilometres * steps * latitudeStep * rad
        let half = min(Double.pi / 2, steps * longitudeStep * rad / 2)
        let lonKm = 2 * GeoPoint.earthRadiusKilometres * asin(min(1, cosMaxLatitude * sin(half)))
        return min(latKm, lonKm) * (1 - 1e-9)
    }

    /// Calls `body` with each cell of ring r (the square of Chebyshev radius r around `center`, clipped
    /// to the grid). Returns whether the ring covers the whole grid (no later ring has cells).
    @inline(__always)
    func forEachCell(ring r: Int, around center: (row: Int, column: Int), _ body: (Int) -> Void) -> Bool {
        let top = center.row - r, bottom = center.row + r, left = center.column - r, right = center.column + r
        let rowLo = max(0, top), rowHi = min(rows - 1, bottom)
        let colLo = max(0, left), colHi = min(columns - 1, right)
        if rowLo <= rowHi && colLo <= colHi {
            for row in rowLo ... rowHi {
                if row == top || row == bottom {
                    for col in colLo ... colHi { body(row * columns + col) }
                } else {
                    if left >= 0 && left < columns { body(row * columns + left) }
                    if right >= 0 && right < columns && right != left { body(row * columns + right) }
                }
            }
        }
        return top <= 0 && bottom >= rows - 1 && left <= 0 && right >= columns - 1
    }

    /// Positions in `members` of the GPs of cell c.
    @inline(__always)
    func memberRange(ofCell c: Int) -> Range<Int> { Int(cellStart[c]) ..< Int(cellStart[c + 1]) }

    var cellCount: Int { rows * columns }
}
