import SlotMatchCore

/// The replay report: one self-contained HTML file (inline CSS and SVG; no script, nothing fetched) with
/// the territory map, demand against supply by hour per pole, the wait distributions and the share in
/// target per policy, and the policy comparison table, in French or English. The same data give the same bytes.
public enum ReplayReport {
    public static func html(_ data: ReportData, language: ReportLanguage) -> String {
        let s = ReportStrings.of(language)
        let f = ReportFormatter(language: language)
        let e = SVGWriter.escape
        let first = data.zone.localTime(of: data.periodStart).date
        let last = data.zone.localTime(of: data.periodEnd).date
        var h = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        h += "<title>\(e(s.title)) — \(e(data.territory.name))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
        h += "<h1>\(e(s.title))</h1>\n"
        h += "<p class=\"meta\">\(e(data.territory.name)) — \(f.integer(data.territory.communes.count)) \(e(s.communes)), "
        h += "\(f.integer(data.territory.population)) \(e(s.inhabitants)), \(f.integer(data.practitionersByPole.reduce(0, +))) \(e(s.practitioners))<br/>"
        let colon = language == .fr ? "\u{00A0}: " : ": "  // French puts a no-break space before the colon
        h += "\(e(s.period))\(colon)\(e(f.date(first))) – \(e(f.date(last))) · \(e(s.demandFile))\(colon)\(e(data.demandName))</p>\n"

        h += "<h2>\(e(s.tableTitle))</h2>\n" + table(data, s, f)
        h += "<h2>\(e(s.sharesTitle))</h2>\n<figure>\n" + ShareChart.render(data, strings: s, format: f) + "</figure>\n"
        h += "<h2>\(e(s.mapTitle))</h2>\n<figure>\n" + TerritoryMapChart.render(data, strings: s, format: f)
        h += "<figcaption>\(e(s.mapNote)) \(e(s.mapPolicy))\(language == .fr ? "\u{00A0}: " : ": ")\(e(data.policies.first?.name ?? "–")).</figcaption>\n</figure>\n"
        h += "<h2>\(e(s.hourlyTitle))</h2>\n<figure>\n" + HourlyChart.render(data, strings: s, format: f)
        h += "<figcaption>\(e(s.hourlyNote))</figcaption>\n</figure>\n"
        h += "<h2>\(e(s.waitTitle))</h2>\n<figure>\n" + WaitDistributionChart.render(data, strings: s, format: f)
        h += "<figcaption>\(e(s.waitNote))</figcaption>\n</figure>\n"
        h += "<footer>\(e(s.generated))</footer>\n</body>\n</html>\n"
        return h
    }

    static func table(_ data: ReportData, _ s: ReportStrings, _ f: ReportFormatter) -> String {
        let e = SVGWriter.escape
        let heads = [s.policy, s.requests, s.needingSlot, s.inTarget, s.share, s.outside, s.unserved, s.samu, s.travel, s.wait, s.capPressure, s.gap]
        var t = "<table id=\"comparison\">\n<thead><tr>" + heads.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for p in data.policies {
            let cells = [
                p.name + (p.exact ? "" : " (\(s.notExact))"), f.integer(p.requests), f.integer(p.needingSlot), f.integer(p.servedInTarget),
                f.percent(p.shareInTarget), f.integer(p.servedOutsideTarget), f.integer(p.unserved), f.integer(p.samu),
                f.duration(minutes: p.travelP50) + " / " + f.duration(minutes: p.travelP90),
                f.duration(minutes: p.waitP50) + " / " + f.duration(minutes: p.waitP90),
                f.percent(p.capPressure), p.gapToHindsight.map { f.integer($0) } ?? "–",
            ]
            t += "<tr>" + cells.enumerated().map { i, c in i == 0 ? "<th scope=\"row\">\(e(c))</th>" : "<td>\(e(c))</td>" }.joined() + "</tr>\n"
        }
        return t + "</tbody>\n</table>\n"
    }

    static let css = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 24px auto; max-width: 1000px; color: #1d2733; }
        h1 { font-size: 24px; margin-bottom: 4px; }
        h2 { font-size: 17px; margin-top: 28px; border-bottom: 1px solid #d5dde5; padding-bottom: 4px; }
        .meta { color: #4a5868; font-size: 13px; }
        table { border-collapse: collapse; font-size: 12px; width: 100%; }
        th, td { border: 1px solid #d5dde5; padding: 4px 6px; }
        thead th { background: #eef2f6; text-align: center; }
        td { text-align: right; white-space: nowrap; }
        tbody th { text-align: left; font-weight: bold; }
        figure { margin: 8px 0; }
        figcaption { font-size: 12px; color: #4a5868; margin-top: 4px; }
        footer { margin-top: 32px; font-size: 11px; color: #7a8896; }

        """
}
