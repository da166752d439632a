import Glibc  // libm: cos, sqrt

/// The balance report's inline SVG charts, drawn with the report target's shared `SVGWriter`: load bars in % of
/// the cap, demand against supply by day, the territory map with the poles. Each chart is one `<svg>` with an id.
enum BalanceCharts {
    static let beforeColour = "#9aa5b1", afterColour = "#1f6feb", capColour = "#d73a49", demandColour = "#e36209", supplyColour = "#2da44e"

    /// One row per item, in % of its cap (how close it is to it): a thin grey bar before, a thick blue bar after, a
    /// red line at 100 % when the scale reaches it. The scale is the fullest row plus 15 %, at least 25 %, so light
    /// loads stay readable; `before → after / cap` is written beside each row.
    static func pairedBars(id: String, title: String, rows: [(label: String, before: Int, after: Int, cap: Int)],
                           strings: BalanceReportStrings, format: ReportFormatter) -> String {
        let labelWidth = 300.0, barWidth = 440.0, rowHeight = 24.0, top = 40.0
        let height = top + rowHeight * Double(max(rows.count, 1)) + 14
        func ratio(_ load: Int, _ cap: Int) -> Double { cap > 0 ? Double(load) / Double(cap) : (load > 0 ? 1 : 0) }
        let fullest = rows.map { max(ratio($0.before, $0.cap), ratio($0.after, $0.cap)) }.max() ?? 0
        let scale = max(0.25, fullest * 1.15)
        var svg = SVGWriter(id: id, width: Int(labelWidth + barWidth + 110), height: Int(height), label: title)
        legend(&svg, x: labelWidth, y: 14, items: [(strings.before, beforeColour), (strings.after, afterColour), ("100 % " + strings.cap, capColour)])
        for quarter in 0 ... Int((scale / 0.25).rounded(.down)) {
            let g = Double(quarter) * 0.25
            let x = labelWidth + barWidth * g / scale
            svg.line(x1: x, y1: top - 6, x2: x, y2: height - 10, stroke: quarter == 4 ? capColour : "#d0d7de", width: quarter == 4 ? 2 : 1)
            svg.label(format.percent(g, places: 0), x: x, y: top - 9, size: 10, anchor: "middle", fill: "#57606a")
        }
        for (i, row) in rows.enumerated() {
            let y = top + rowHeight * Double(i)
            let b = barWidth * min(ratio(row.before, row.cap), scale) / scale, a = barWidth * min(ratio(row.after, row.cap), scale) / scale
            svg.label(row.label, x: labelWidth - 6, y: y + 15, size: 12, anchor: "end")
            svg.rect(x: labelWidth, y: y + 2, width: b, height: 6, fill: beforeColour)
            svg.rect(x: labelWidth, y: y + 9, width: a, height: 11, fill: afterColour)
            svg.label("\(row.before) → \(row.after) / \(row.cap)", x: labelWidth + max(a, b) + 6, y: y + 18, size: 10, fill: "#57606a")
        }
        return svg.finished()
    }

    /// Per day, expected demand (orange) against free SNP slots (green), summed over the poles.
    static func supplyDemand(id: String, title: String, days: [(label: String, expectedTenths: Int, free: Int)],
                             strings: BalanceReportStrings, format: ReportFormatter) -> String {
        let left = 40.0, plotHeight = 200.0, top = 34.0, groupWidth = 90.0
        let width = left + groupWidth * Double(max(days.count, 1)) + 20
        let scale = Double(max(1, days.map { max(($0.expectedTenths + 9) / 10, $0.free) }.max() ?? 1))
        var svg = SVGWriter(id: id, width: Int(width), height: Int(top + plotHeight + 40), label: title)
        legend(&svg, x: left, y: 14, items: [(strings.expected, demandColour), (strings.free, supplyColour)])
        let base = top + plotHeight
        svg.line(x1: left, y1: base, x2: width - 10, y2: base, stroke: "#555")
        for (i, day) in days.enumerated() {
            let x = left + groupWidth * Double(i) + 12
            let d = plotHeight * Double(day.expectedTenths) / 10 / scale, s = plotHeight * Double(day.free) / scale
            svg.rect(x: x, y: base - d, width: 30, height: d, fill: demandColour)
            svg.rect(x: x + 32, y: base - s, width: 30, height: s, fill: supplyColour)
            svg.label(format.decimal(Double(day.expectedTenths) / 10), x: x + 15, y: base - d - 3, size: 10, anchor: "middle", fill: "#57606a")
            svg.label(format.integer(day.free), x: x + 47, y: base - s - 3, size: 10, anchor: "middle", fill: "#57606a")
            svg.label(day.label, x: x + 31, y: base + 16, size: 11, anchor: "middle")
        }
        return svg.finished()
    }

    /// The territory in an equirectangular projection (x scaled by cos of the mean latitude): communes as dots, each
    /// pole a circle whose area follows its load after the run, red when some coming day runs short of slots.
    static func map(id: String, title: String, communes: [[Double]], poles: [BalanceReportContent.Pole], shortPoles: Set<String>) -> String {
        let width = 640.0, height = 460.0, margin = 40.0
        var svg = SVGWriter(id: id, width: Int(width), height: Int(height), label: title)
        let points = communes.filter { $0.count == 2 } + poles.map { [$0.latitude, $0.longitude] }
        guard let minLat = points.map({ $0[0] }).min(), let maxLat = points.map({ $0[0] }).max(),
              let minLon = points.map({ $0[1] }).min(), let maxLon = points.map({ $0[1] }).max() else { return svg.finished() }
        let k = cos((minLat + maxLat) / 2 * Double.pi / 180)
        let spanX = max(1e-6, (maxLon - minLon) * k), spanY = max(1e-6, maxLat - minLat)
        let s = min((width - 2 * margin) / spanX, (height - 2 * margin - 20) / spanY)
        let offsetX = (width - spanX * s) / 2  // centred across the width
        func project(_ lat: Double, _ lon: Double) -> (Double, Double) { (offsetX + (lon - minLon) * k * s, 20 + margin + (maxLat - lat) * s) }
        svg.rect(x: 0, y: 0, width: width, height: height, fill: "#f7f9fb")
        for c in communes where c.count == 2 {
            let (x, y) = project(c[0], c[1])
            svg.raw("<circle cx=\"\(SVGWriter.n(x))\" cy=\"\(SVGWriter.n(y))\" r=\"2\" fill=\"#8c959f\"/>\n")
        }
        let biggest = Double(max(1, poles.map(\.after).max() ?? 1))
        for pole in poles {
            let (x, y) = project(pole.latitude, pole.longitude)
            let r = 6 + 22 * sqrt(Double(pole.after) / biggest)
            let colour = shortPoles.contains(pole.name) ? capColour : afterColour
            svg.circle(cx: x, cy: y, r: r, fill: colour + "59", stroke: colour, title: "\(pole.name): \(pole.before) → \(pole.after) / \(pole.capacity)")
            svg.label("\(pole.name) (\(pole.after))", x: x, y: y + 4, size: 12, anchor: "middle", weight: "bold")
        }
        return svg.finished()
    }

    static func legend(_ svg: inout SVGWriter, x: Double, y: Double, items: [(String, String)]) {
        var at = x
        for (label, colour) in items {
            svg.rect(x: at, y: y - 9, width: 12, height: 10, fill: colour)
            svg.label(label, x: at + 16, y: y, size: 11)
            at += 30 + Double(label.count) * 7
        }
    }
}
