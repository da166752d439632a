/// The waits of each policy's served patients, in eight buckets (< 1 h … > 48 h), as grouped bars of shares.
enum WaitDistributionChart {
    /// Bucket upper bounds in minutes (the last is open).
    static let bounds: [Int32] = [60, 120, 240, 480, 720, 1440, 2880]
    static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#7f7f7f", "#8c564b", "#e377c2"]

    static func shares(_ waits: [Int32]) -> [Double] {
        var counts = [Int](repeating: 0, count: bounds.count + 1)
        for w in waits { counts[bounds.firstIndex { w < $0 } ?? bounds.count] += 1 }
        return counts.map { waits.isEmpty ? 0 : Double($0) / Double(waits.count) }
    }

    static func render(_ data: ReportData, strings: ReportStrings, format: ReportFormatter) -> String {
        let width = 740, height = 300
        var svg = SVGWriter(id: "waits", width: width, height: height, label: strings.waitTitle)
        let plotX = 50.0, plotY = 40.0, plotW = Double(width) - 70, plotH = Double(height) - 90
        let all = data.policies.map { shares($0.waits) }
        let top = max(0.05, all.flatMap { $0 }.max() ?? 0)
        let spacing = min(130, (Double(width) - plotX) / Double(max(1, data.policies.count)))
        for (i, p) in data.policies.enumerated() {
            let x = plotX + Double(i) * spacing
            svg.rect(x: x, y: 10, width: 12, height: 10, fill: palette[i % palette.count])
            svg.label(p.name, x: x + 16, y: 19, size: 11)
        }
        svg.line(x1: plotX, y1: plotY + plotH, x2: plotX + plotW, y2: plotY + plotH, stroke: "#888")
        svg.line(x1: plotX, y1: plotY, x2: plotX, y2: plotY + plotH, stroke: "#888")
        svg.label(format.percent(top, places: 0), x: plotX - 4, y: plotY + 8, size: 9, anchor: "end")
        svg.label(format.percent(0, places: 0), x: plotX - 4, y: plotY + plotH, size: 9, anchor: "end")
        let groups = bounds.count + 1
        let gw = plotW / Double(groups)
        let bw = (gw - 8) / Double(max(1, data.policies.count))
        for b in 0 ..< groups {
            let gx = plotX + Double(b) * gw + 4
            for (i, s) in all.enumerated() {
                let h = plotH * s[b] / top
                svg.rect(x: gx + Double(i) * bw, y: plotY + plotH - h, width: bw - 1, height: h, fill: palette[i % palette.count],
                         title: "\(data.policies[i].name), \(strings.waitBuckets[b]): \(format.percent(s[b]))")
            }
            svg.label(strings.waitBuckets[b], x: gx + (gw - 8) / 2, y: plotY + plotH + 14, size: 10, anchor: "middle")
        }
        return svg.finished()
    }
}
