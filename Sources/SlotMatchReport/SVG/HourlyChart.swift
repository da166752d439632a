/// Demand against supply by local hour of day, one small panel per pole: bars for the slots published
/// (by start hour), a line for the calls (by hour received), each panel on its own scale.
enum HourlyChart {
    static let panelWidth = 360.0, panelHeight = 150.0, columns = 2

    static func render(_ data: ReportData, strings: ReportStrings, format: ReportFormatter) -> String {
        let poles = data.territory.poles
        let rows = (poles.count + columns - 1) / columns
        let width = Int(panelWidth) * columns + 20, height = rows * Int(panelHeight + 40) + 40
        var svg = SVGWriter(id: "hourly", width: width, height: height, label: strings.hourlyTitle)
        svg.rect(x: 12, y: 8, width: 12, height: 10, fill: "#9ec5e8")
        svg.label(strings.supplyLabel, x: 28, y: 17, size: 11)
        svg.line(x1: 110, y1: 13, x2: 130, y2: 13, stroke: "#c0392b", width: 2)
        svg.label(strings.demandLabel, x: 134, y: 17, size: 11)
        for (p, pole) in poles.enumerated() {
            let ox = 10 + Double(p % columns) * panelWidth, oy = 40 + Double(p / columns) * (panelHeight + 40)
            let demand = p < data.demandByHour.count ? data.demandByHour[p] : [Int](repeating: 0, count: 24)
            let supply = p < data.supplyByHour.count ? data.supplyByHour[p] : [Int](repeating: 0, count: 24)
            let gps = p < data.practitionersByPole.count ? data.practitionersByPole[p] : 0
            svg.label(pole.name, x: ox + 30, y: oy + 4, size: 11, weight: "bold")
            svg.label("\(format.integer(demand.reduce(0, +))) \(strings.demandLabel), \(format.integer(supply.reduce(0, +))) \(strings.supplyLabel), \(format.integer(gps)) \(strings.practitioners)",
                      x: ox + 30, y: oy + 17, size: 10, fill: "#4a5868")
            let plotX = ox + 30, plotY = oy + 24, plotW = panelWidth - 50, plotH = panelHeight - 44
            let top = max(1, max(demand.max() ?? 0, supply.max() ?? 0))
            svg.line(x1: plotX, y1: plotY + plotH, x2: plotX + plotW, y2: plotY + plotH, stroke: "#888")
            svg.line(x1: plotX, y1: plotY, x2: plotX, y2: plotY + plotH, stroke: "#888")
            svg.label(format.integer(top), x: plotX - 4, y: plotY + 8, size: 9, anchor: "end")
            svg.label("0", x: plotX - 4, y: plotY + plotH, size: 9, anchor: "end")
            let bw = plotW / 24
            for h in 0 ..< 24 {
                let v = h < supply.count ? supply[h] : 0
                let bh = plotH * Double(v) / Double(top)
                svg.rect(x: plotX + Double(h) * bw + 1, y: plotY + plotH - bh, width: bw - 2, height: bh, fill: "#9ec5e8",
                         title: "\(h) h: \(format.integer(v)) \(strings.supplyLabel)")
                if h % 6 == 0 { svg.label("\(h) h", x: plotX + Double(h) * bw, y: plotY + plotH + 12, size: 9) }
            }
            let points = (0 ..< 24).map { h -> (Double, Double) in
                let v = h < demand.count ? demand[h] : 0
                return (plotX + (Double(h) + 0.5) * bw, plotY + plotH - plotH * Double(v) / Double(top))
            }
            svg.polyline(points, stroke: "#c0392b")
        }
        return svg.finished()
    }
}
