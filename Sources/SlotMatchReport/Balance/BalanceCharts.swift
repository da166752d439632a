/// The balance report's inline SVG charts: paired before/after bars, demand against supply, the territory map.
/// Each chart is one `<svg>` element with an `id`, so tests can find every chart.
enum BalanceCharts {
    static let beforeColour = "#9aa5b1", afterColour = "#1f6feb", capColour = "#d73a49", demandColour = "#e36209", supplyColour = "#2da44e"

    /// One row per item, in % of its cap (how close it is to it): a thin grey bar before, a thick blue bar after, a
    /// red line at 100 % when the scale reaches it. The scale is the fullest row plus 15 %, at least 25 %, so light
    /// loads stay readable; the figures `before → after / cap` are written beside each row.
    static func pairedBars(id: String, title: String, rows: [(label: String, before: Int, after: Int, cap: Int)],
                           strings: BalanceReportStrings) -> String {
        let labelWidth = 300.0, barWidth = 440.0, rowHeight = 24.0, top = 40.0
        let height = top + rowHeight * Double(max(rows.count, 1)) + 14
        func ratio(_ load: Int, _ cap: Int) -> Double { cap > 0 ? Double(load) / Double(cap) : (load > 0 ? 1 : 0) }
        let fullest = rows.map { max(ratio($0.before, $0.cap), ratio($0.after, $0.cap)) }.max() ?? 0
        let scale = max(0.25, fullest * 1.15)
        var svg = header(id: id, width: labelWidth + barWidth + 110, height: height, title: title)
        svg += legend(x: labelWidth, y: 14, items: [(strings.before, beforeColour), (strings.after, afterColour), ("100 % " + strings.cap, capColour)])
        // Grid lines every 25 % of the cap.
        var g = 0.0
        while g <= scale + 1e-9 {
            let x = labelWidth + barWidth * g / scale
            svg += "<line x1=\"\(BalanceMarkup.number(x))\" y1=\"\(BalanceMarkup.number(top - 6))\" x2=\"\(BalanceMarkup.number(x))\" y2=\"\(BalanceMarkup.number(height - 10))\" stroke=\"\(g >= 1 - 1e-9 && g <= 1 + 1e-9 ? capColour : "#d0d7de")\" stroke-width=\"\(g >= 1 - 1e-9 && g <= 1 + 1e-9 ? 2 : 1)\"/>"
            svg += "<text x=\"\(BalanceMarkup.number(x))\" y=\"\(BalanceMarkup.number(top - 9))\" text-anchor=\"middle\" class=\"v\">\(Int((g * 100).rounded())) %</text>"
            g += 0.25
        }
        for (i, row) in rows.enumerated() {
            let y = top + rowHeight * Double(i)
            let b = barWidth * min(ratio(row.before, row.cap), scale) / scale, a = barWidth * min(ratio(row.after, row.cap), scale) / scale
            svg += "<text x=\"\(BalanceMarkup.number(labelWidth - 6))\" y=\"\(BalanceMarkup.number(y + 15))\" text-anchor=\"end\">\(BalanceMarkup.escape(row.label))</text>"
            svg += rect(x: labelWidth, y: y + 2, width: b, height: 6, fill: beforeColour)
            svg += rect(x: labelWidth, y: y + 9, width: a, height: 11, fill: afterColour)
            svg += "<text x=\"\(BalanceMarkup.number(labelWidth + max(a, b) + 6))\" y=\"\(BalanceMarkup.number(y + 18))\" class=\"v\">\(row.before) → \(row.after) / \(row.cap)</text>"
        }
        return svg + "</svg>"
    }

    /// Per day, expected demand (orange) against free SNP slots (green), summed over the poles.
    static func supplyDemand(id: String, title: String, days: [(label: String, expectedTenths: Int, free: Int)],
                             strings: BalanceReportStrings) -> String {
        let left = 40.0, plotHeight = 200.0, top = 34.0, groupWidth = 90.0
        let width = left + groupWidth * Double(max(days.count, 1)) + 20
        let scale = Double(max(1, days.map { max(($0.expectedTenths + 9) / 10, $0.free) }.max() ?? 1))
        var svg = header(id: id, width: width, height: top + plotHeight + 40, title: title)
        svg += legend(x: left, y: 14, items: [(strings.expected, demandColour), (strings.free, supplyColour)])
        let base = top + plotHeight
        svg += "<line x1=\"\(BalanceMarkup.number(left))\" y1=\"\(BalanceMarkup.number(base))\" x2=\"\(BalanceMarkup.number(width - 10))\" y2=\"\(BalanceMarkup.number(base))\" stroke=\"#555\"/>"
        for (i, day) in days.enumerated() {
            let x = left + groupWidth * Double(i) + 12
            let d = plotHeight * Double(day.expectedTenths) / 10 / scale, s = plotHeight * Double(day.free) / scale
            svg += rect(x: x, y: base - d, width: 30, height: d, fill: demandColour)
            svg += rect(x: x + 32, y: base - s, width: 30, height: s, fill: supplyColour)
            svg += "<text x=\"\(BalanceMarkup.number(x + 15))\" y=\"\(BalanceMarkup.number(base - d - 3))\" text-anchor=\"middle\" class=\"v\">\(BalanceMarkup.tenths(day.expectedTenths, french: strings.decimalComma))</text>"
            svg += "<text x=\"\(BalanceMarkup.number(x + 47))\" y=\"\(BalanceMarkup.number(base - s - 3))\" text-anchor=\"middle\" class=\"v\">\(day.free)</text>"
            svg += "<text x=\"\(BalanceMarkup.number(x + 31))\" y=\"\(BalanceMarkup.number(base + 16))\" text-anchor=\"middle\">\(BalanceMarkup.escape(day.label))</text>"
        }
        return svg + "</svg>"
    }

    /// The territory in an equirectangular projection (longitude scaled by cos of the mean latitude): communes as
    /// dots, each pole a circle whose area follows its load after the run, red when short of slots on some day.
    static func map(id: String, title: String, communes: [[Double]], poles: [BalanceReportContent.Pole], shortPoles: Set<String>) -> String {
        let width = 640.0, height = 460.0, margin = 40.0
        let points = communes.filter { $0.count == 2 } + poles.map { [$0.latitude, $0.longitude] }
        var svg = header(id: id, width: width, height: height, title: title)
        guard let minLat = points.map({ $0[0] }).min(), let maxLat = points.map({ $0[0] }).max(),
              let minLon = points.map({ $0[1] }).min(), let maxLon = points.map({ $0[1] }).max() else { return svg + "</svg>" }
        let k = cosine(degrees: (minLat + maxLat) / 2)
        let spanX = max(1e-6, (maxLon - minLon) * k), spanY = max(1e-6, maxLat - minLat)
        let s = min((width - 2 * margin) / spanX, (height - 2 * margin - 20) / spanY)
        func project(_ lat: Double, _ lon: Double) -> (Double, Double) {
            (margin + (lon - minLon) * k * s, 20 + margin + (maxLat - lat) * s)
        }
        for c in communes where c.count == 2 {
            let (x, y) = project(c[0], c[1])
            svg += "<circle cx=\"\(BalanceMarkup.number(x))\" cy=\"\(BalanceMarkup.number(y))\" r=\"2\" fill=\"#8c959f\"/>"
        }
        let biggest = Double(max(1, poles.map(\.after).max() ?? 1))
        for pole in poles {
            let (x, y) = project(pole.latitude, pole.longitude)
            let r = 6 + 22 * (Double(pole.after) / biggest).squareRoot()
            let colour = shortPoles.contains(pole.name) ? capColour : afterColour
            svg += "<circle cx=\"\(BalanceMarkup.number(x))\" cy=\"\(BalanceMarkup.number(y))\" r=\"\(BalanceMarkup.number(r))\" fill=\"\(colour)\" fill-opacity=\"0.35\" stroke=\"\(colour)\"/>"
            svg += "<text x=\"\(BalanceMarkup.number(x))\" y=\"\(BalanceMarkup.number(y + 4))\" text-anchor=\"middle\" class=\"m\">\(BalanceMarkup.escape(pole.name)) (\(pole.after))</text>"
        }
        return svg + "</svg>"
    }

    // MARK: pieces

    static func header(id: String, width: Double, height: Double, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\" role=\"img\" width=\"\(BalanceMarkup.number(width))\" height=\"\(BalanceMarkup.number(height))\" viewBox=\"0 0 \(BalanceMarkup.number(width)) \(BalanceMarkup.number(height))\"><title>\(BalanceMarkup.escape(title))</title>"
    }

    static func rect(x: Double, y: Double, width: Double, height: Double, fill: String) -> String {
        "<rect x=\"\(BalanceMarkup.number(x))\" y=\"\(BalanceMarkup.number(y))\" width=\"\(BalanceMarkup.number(max(0, width)))\" height=\"\(BalanceMarkup.number(max(0, height)))\" fill=\"\(fill)\"/>"
    }

    static func legend(x: Double, y: Double, items: [(String, String)]) -> String {
        var out = "", at = x
        for (label, colour) in items {
            out += rect(x: at, y: y - 9, width: 12, height: 10, fill: colour)
            out += "<text x=\"\(BalanceMarkup.number(at + 16))\" y=\"\(BalanceMarkup.number(y))\">\(BalanceMarkup.escape(label))</text>"
            at += 30 + Double(label.count) * 7
        }
        return out
    }

    /// cos by its Taylor series about 0 after reduction to [−π, π]: the map needs 3 digits, and the report target
    /// stays free of libm.
    static func cosine(degrees: Double) -> Double {
        var x = degrees * Double.pi / 180
        while x > Double.pi { x -= 2 * Double.pi }
        while x < -Double.pi { x += 2 * Double.pi }
        var term = 1.0, sum = 1.0
        for n in 1 ... 12 { term *= -x * x / Double((2 * n - 1) * (2 * n)); sum += term }
        return sum
    }
}
