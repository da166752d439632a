/// The balance report as one self-contained HTML file: inline CSS and SVG, no script, no external resource.
///
/// Sections: summary figures, load per pole, load per GP and week against the cap, supply against demand by day
/// (with the extra slots to ask each pole's GPs for), the territory map, the moves. French or English, with the
/// report target's shared formatter (numbers, percentages), escaping and style sheet.
public enum BalanceReportPage {
    /// The ids of the charts every report carries (tests look for each).
    public static let chartIDs = ["chart-pole-load", "chart-gp-load", "chart-supply-demand", "chart-map"]

    public static func html(_ content: BalanceReportContent, language: ReportLanguage) -> String {
        let t = BalanceReportStrings.of(language)
        let f = ReportFormatter(language: language)
        let e = SVGWriter.escape
        var h = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        h += "<title>\(e(t.title + " — " + content.territoryName))</title>\n<style>\n\(ReplayReport.css)\(css)</style>\n</head>\n<body>\n"
        h += "<h1>\(e(t.title + " — " + content.territoryName))</h1>\n"
        h += "<p class=\"meta\">\(e(t.generated)) \(e(content.generatedAt)), \(e(t.horizon)) \(e(content.horizonEnd)).</p>\n"

        h += "<h2>\(e(t.summary))</h2>\n<p>"
        for (label, value) in [(t.costBefore, f.integer(Int(content.costBefore))), (t.costAfter, f.integer(Int(content.costAfter))),
                               (t.moves, f.integer(content.moves.count)), (t.unassigned, f.integer(content.unassigned)),
                               (t.overdue, f.integer(content.overdue))] {
            h += "<span class=\"fig\">\(e(label))<b>\(e(value))</b></span>"
        }
        h += "</p>\n"

        h += "<h2>\(e(t.poleLoad))</h2>\n<figure>\n"
        h += BalanceCharts.pairedBars(id: "chart-pole-load", title: t.poleLoad,
                                      rows: content.poles.map { ($0.name, $0.before, $0.after, $0.capacity) }, strings: t, format: f)
        h += "</figure>\n<h2>\(e(t.practitionerLoad))</h2>\n<figure>\n"
        h += BalanceCharts.pairedBars(id: "chart-gp-load", title: t.practitionerLoad,
                                      rows: content.practitioners.map { ("\($0.name) · \($0.week)", $0.before, $0.after, $0.weeklyCap) },
                                      strings: t, format: f)
        h += "</figure>\n"

        h += "<h2>\(e(t.supplyDemand))</h2>\n<figure>\n"
        var dates: [String] = []
        for d in content.days where !dates.contains(d.date) { dates.append(d.date) }
        let totals = dates.map { date -> (label: String, expectedTenths: Int, free: Int) in
            let of = content.days.filter { $0.date == date }
            return (date, of.reduce(0) { $0 + $1.expectedTenths }, of.reduce(0) { $0 + $1.freeSlots })
        }
        h += BalanceCharts.supplyDemand(id: "chart-supply-demand", title: t.supplyDemand, days: totals, strings: t, format: f)
        h += "</figure>\n<table id=\"supply-demand\">\n<thead><tr>"
        h += [t.day, t.pole, t.expected, t.free, t.shortfall, t.asks].map { "<th>\(e($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for d in content.days {
            h += "<tr><th scope=\"row\">\(e(d.date))</th><td class=\"l\">\(e(d.pole))</td>"
            h += "<td>\(e(f.decimal(Double(d.expectedTenths) / 10)))</td><td>\(e(f.integer(d.freeSlots)))</td><td>\(e(f.integer(d.shortfall)))</td>"
            h += "<td class=\"l\">\(d.asks.isEmpty ? e(t.none) : e(d.asks.joined(separator: ", ")))</td></tr>\n"
        }
        h += "</tbody>\n</table>\n"

        h += "<h2>\(e(t.map))</h2>\n<figure>\n"
        let short = Set(content.days.filter { $0.shortfall > 0 }.map(\.pole))
        h += BalanceCharts.map(id: "chart-map", title: t.map, communes: content.communes, poles: content.poles, shortPoles: short)
        h += "</figure>\n<h2>\(e(t.moves))</h2>\n"
        if content.moves.isEmpty {
            h += "<p>\(e(t.noMoves))</p>\n"
        } else {
            h += "<table id=\"moves\">\n<thead><tr>" + [t.request, t.from, t.to, t.delta].map { "<th>\(e($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for m in content.moves {
                h += "<tr><th scope=\"row\">\(e(m.request))</th><td class=\"l\">\(e(m.from))</td><td class=\"l\">\(e(m.to))</td>"
                h += "<td>\(e(f.integer(Int(m.costDelta))))</td></tr>\n"
            }
            h += "</tbody>\n</table>\n"
        }
        return h + "</body>\n</html>\n"
    }

    /// What the balance page adds to the shared style sheet: summary figures and left-aligned text cells.
    static let css = """
        .fig { display: inline-block; margin-right: 28px; font-size: 13px; }
        .fig b { display: block; font-size: 20px; }
        td.l { text-align: left; white-space: normal; }
        tbody th { white-space: nowrap; }

        """
}
