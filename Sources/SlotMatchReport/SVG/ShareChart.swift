/// One horizontal bar per policy: the share of requests needing a slot that got one within the deadline.
enum ShareChart {
    static func render(_ data: ReportData, strings: ReportStrings, format: ReportFormatter) -> String {
        let rowHeight = 28.0
        let width = 740, height = Int(30 + rowHeight * Double(max(1, data.policies.count)))
        var svg = SVGWriter(id: "shares", width: width, height: height, label: strings.sharesTitle)
        let plotX = 110.0, plotW = Double(width) - 200
        for (i, p) in data.policies.enumerated() {
            let y = 10 + Double(i) * rowHeight
            svg.label(p.name, x: plotX - 8, y: y + 15, size: 12, anchor: "end")
            svg.rect(x: plotX, y: y, width: plotW, height: 20, fill: "#eef1f4")
            svg.rect(x: plotX, y: y, width: plotW * p.shareInTarget, height: 20,
                     fill: WaitDistributionChart.palette[i % WaitDistributionChart.palette.count],
                     title: "\(p.name): \(format.percent(p.shareInTarget))")
            svg.label(format.percent(p.shareInTarget), x: plotX + plotW + 8, y: y + 15, size: 12)
        }
        return svg.finished()
    }
}
