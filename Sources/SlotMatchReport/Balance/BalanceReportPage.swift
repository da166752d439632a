/// The balance report as one self-contained HTML file: inline CSS and SVG, no script, no external resource.
///
/// Sections: summary figures, load per pole, load per GP and week against the cap, supply against demand by day
/// (with the extra slots to ask each pole's GPs for), the territory map, the moves. French or English.
public enum BalanceReportPage {
    /// The ids of the charts every report carries (tests look for each).
    public static let chartIDs = ["chart-pole-load", "chart-gp-load", "chart-supply-demand", "chart-map"]

    public static func html(_ content: BalanceReportContent, language: BalanceReportLanguage) -> String {
        let t = BalanceReportStrings.of(language)
        let comma = t.decimalComma
        var h = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\">"
        h += "<title>\(BalanceMarkup.escape(t.title + " — " + content.territoryName))</title>"
        h += "<style>body{font:14px system-ui,sans-serif;margin:24px;color:#24292f;max-width:1000px}"
        h += "h1{font-size:22px}h2{font-size:17px;margin-top:28px}table{border-collapse:collapse;margin:8px 0}"
        h += "td,th{border:1px solid #d0d7de;padding:3px 8px;text-align:left}td.n{text-align:right}td:first-child{white-space:nowrap}"
        h += "svg{display:block;margin:8px 0;font:12px system-ui,sans-serif}svg .v{fill:#57606a;font-size:11px}svg .m{font-size:12px;font-weight:600}"
        h += ".fig{display:inline-block;margin-right:28px}.fig b{display:block;font-size:20px}</style></head><body>"
        h += "<h1>\(BalanceMarkup.escape(t.title + " — " + content.territoryName))</h1>"
        h += "<p>\(t.generated) \(BalanceMarkup.escape(content.generatedAt)), \(t.horizon) \(BalanceMarkup.escape(content.horizonEnd)).</p>"

        h += "<h2>\(t.summary)</h2>"
        for (label, value) in [(t.costBefore, BalanceMarkup.grouped(content.costBefore, french: comma)),
                               (t.costAfter, BalanceMarkup.grouped(content.costAfter, french: comma)),
                               (t.moves, String(content.moves.count)), (t.unassigned, String(content.unassigned)),
                               (t.overdue, String(content.overdue))] {
            h += "<span class=\"fig\">\(BalanceMarkup.escape(label))<b>\(value)</b></span>"
        }

        h += "<h2>\(t.poleLoad)</h2>"
        h += BalanceCharts.pairedBars(id: "chart-pole-load", title: t.poleLoad,
                                      rows: content.poles.map { ($0.name, $0.before, $0.after, $0.capacity) }, strings: t)
        h += "<h2>\(t.practitionerLoad)</h2>"
        h += BalanceCharts.pairedBars(id: "chart-gp-load", title: t.practitionerLoad,
                                      rows: content.practitioners.map { ("\($0.name) · \($0.week)", $0.before, $0.after, $0.weeklyCap) },
                                      strings: t)

        h += "<h2>\(t.supplyDemand)</h2>"
        var dates: [String] = []
        for d in content.days where !dates.contains(d.date) { dates.append(d.date) }
        let totals = dates.map { date -> (label: String, expectedTenths: Int, free: Int) in
            let of = content.days.filter { $0.date == date }
            return (date, of.reduce(0) { $0 + $1.expectedTenths }, of.reduce(0) { $0 + $1.freeSlots })
        }
        h += BalanceCharts.supplyDemand(id: "chart-supply-demand", title: t.supplyDemand, days: totals, strings: t)
        h += "<table><tr><th>\(t.day)</th><th>\(t.pole)</th><th>\(t.expected)</th><th>\(t.free)</th><th>\(t.shortfall)</th><th>\(t.asks)</th></tr>"
        for d in content.days {
            h += "<tr><td>\(BalanceMarkup.escape(d.date))</td><td>\(BalanceMarkup.escape(d.pole))</td>"
            h += "<td class=\"n\">\(BalanceMarkup.tenths(d.expectedTenths, french: comma))</td><td class=\"n\">\(d.freeSlots)</td>"
            h += "<td class=\"n\">\(d.shortfall)</td><td>\(d.asks.isEmpty ? t.none : BalanceMarkup.escape(d.asks.joined(separator: ", ")))</td></tr>"
        }
        h += "</table>"

        h += "<h2>\(t.map)</h2>"
        let short = Set(content.days.filter { $0.shortfall > 0 }.map(\.pole))
        h += BalanceCharts.map(id: "chart-map", title: t.map, communes: content.communes, poles: content.poles, shortPoles: short)

        h += "<h2>\(t.moves)</h2>"
        if content.moves.isEmpty {
            h += "<p>\(t.noMoves)</p>"
        } else {
            h += "<table><tr><th>\(t.request)</th><th>\(t.from)</th><th>\(t.to)</th><th>\(t.delta)</th></tr>"
            for m in content.moves {
                h += "<tr><td>\(BalanceMarkup.escape(m.request))</td><td>\(BalanceMarkup.escape(m.from))</td>"
                h += "<td>\(BalanceMarkup.escape(m.to))</td><td class=\"n\">\(BalanceMarkup.grouped(m.costDelta, french: comma))</td></tr>"
            }
            h += "</table>"
        }
        return h + "</body></html>\n"
    }
}
