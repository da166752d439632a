import Glibc  // libm: cos, sqrt
import SlotMatchCore

/// The territory drawn from commune coordinates (equirectangular, x scaled by cos of the mean latitude):
/// a circle per commune, its area by population, shaded by the share of its requests left unserved
/// (white → red, full red at 50 %); a square and a name at each pole seat.
enum TerritoryMapChart {
    static let width = 560, height = 440

    static func render(_ data: ReportData, strings: ReportStrings, format: ReportFormatter) -> String {
        var svg = SVGWriter(id: "map", width: width, height: height, label: strings.mapTitle)
        let communes = data.territory.communes
        guard !communes.isEmpty else { return svg.finished() }
        let lats = communes.map(\.location.latitude), lons = communes.map(\.location.longitude)
        let meanLat = lats.reduce(0, +) / Double(lats.count)
        let k = cos(meanLat * Double.pi / 180)
        let minX = (lons.min() ?? 0) * k, maxX = (lons.max() ?? 0) * k
        let minY = lats.min() ?? 0, maxY = lats.max() ?? 0
        let margin = 40.0, legend = 50.0
        let spanX = max(maxX - minX, 1e-6), spanY = max(maxY - minY, 1e-6)
        let scale = min((Double(width) - 2 * margin) / spanX, (Double(height) - 2 * margin - legend) / spanY)
        let offsetX = (Double(width) - spanX * scale) / 2
        func project(_ p: GeoPoint) -> (Double, Double) {
            (offsetX + (p.longitude * k - minX) * scale, margin + (maxY - p.latitude) * scale)
        }
        svg.rect(x: 0, y: 0, width: Double(width), height: Double(height), fill: "#f7f9fb")
        let maxPopulation = Double(communes.map(\.population).max() ?? 1)
        for c in communes {
            let (x, y) = project(c.location)
            let requests = data.requestsByCommune[c.insee] ?? 0
            let unserved = data.unservedByCommune[c.insee] ?? 0
            let share = requests == 0 ? 0 : Double(unserved) / Double(requests)
            let r = 4 + 18 * sqrt(Double(max(0, c.population)) / max(1, maxPopulation))
            let title = "\(c.name) (\(c.insee)): \(format.integer(unserved)) / \(format.integer(requests)) — \(format.percent(share))"
            svg.circle(cx: x, cy: y, r: r, fill: shade(share), stroke: "#6b7b8c", title: title)
        }
        for pole in data.territory.poles {
            guard let seat = data.territory.commune(insee: pole.seatInsee) else { continue }
            let (x, y) = project(seat.location)
            svg.rect(x: x - 4, y: y - 4, width: 8, height: 8, fill: "#1f3b57", title: "\(strings.poleSeat) \(pole.name)")
            svg.label(pole.name, x: x + 7, y: y - 6, size: 12, weight: "bold", fill: "#1f3b57", halo: true)
        }
        // Legend: the shade scale.
        let ly = Double(height) - 30
        for i in 0 ..< 10 {
            svg.rect(x: margin + Double(i) * 18, y: ly, width: 18, height: 10, fill: shade(Double(i) / 18), stroke: "#ccc")
        }
        svg.label(strings.mapLegendLow, x: margin, y: ly + 24, size: 10)
        svg.label(strings.mapLegendHigh, x: margin + 180, y: ly + 24, size: 10, anchor: "end")
        return svg.finished()
    }

    /// White (0) to red (0.5 and above), as `#rrggbb`.
    static func shade(_ share: Double) -> String {
        let t = max(0, min(1, share / 0.5))
        let r = 255 - Int(t * 40), g = 255 - Int(t * 200), b = 255 - Int(t * 200)
        return "#" + hex(r) + hex(g) + hex(b)
    }

    static func hex(_ v: Int) -> String {
        let s = String(max(0, min(255, v)), radix: 16)
        return s.count == 1 ? "0" + s : s
    }
}
