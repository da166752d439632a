import SlotMatchImport
import Testing
@testable import SlotMatchReport

@Suite struct BalanceReportPageTests {
    static let content = BalanceReportContent(
        territoryName: "Territoire <d'essai> & Co", generatedAt: "2026-12-04T07:00:00Z", horizonEnd: "2026-12-06T07:00:00Z",
        costBefore: 12_345, costAfter: 9_876, unassigned: 1, overdue: 2,
        poles: [.init(name: "Rambouillet", latitude: 48.65, longitude: 1.83, capacity: 40, before: 12, after: 10),
                .init(name: "Saint-Arnoult \"Sud\"", latitude: 48.57, longitude: 1.93, capacity: 20, before: 3, after: 5)],
        practitioners: [.init(name: "Dr Léa Noël", pole: "Rambouillet", week: "2026-11-30", weeklyCap: 20, before: 12, after: 10),
                        .init(name: "Dr A & B", pole: "Saint-Arnoult", week: "2026-11-30", weeklyCap: 4, before: 3, after: 5)],
        days: [.init(date: "2026-12-04", pole: "Rambouillet", expectedTenths: 43, freeSlots: 2, shortfall: 3, asks: ["Dr Léa Noël: 3"]),
               .init(date: "2026-12-05", pole: "Rambouillet", expectedTenths: 10, freeSlots: 4, shortfall: 0, asks: [])],
        moves: [.init(request: "R-1", from: "#1 Dr A & B 2026-12-04 10:00", to: "#2 Dr Léa Noël 2026-12-04 10:00", costDelta: -120)],
        communes: [[48.65, 1.83], [48.57, 1.93], [48.73, 1.76]])

    /// The `<svg>…</svg>` elements of a page, as they appear in it.
    static func svgs(_ html: String) -> [String] {
        var out: [String] = []
        var rest = Substring(html)
        while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound ..< rest.endIndex) {
            out.append(String(rest[start.lowerBound ..< end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return out
    }

    /// Parses one SVG with libxml2 (the importer's hardened reader) and answers its root id and element count.
    static func parse(_ svg: String) throws -> (id: String?, elements: Int) {
        let reader = try XMLStreamReader(bytes: Array(svg.utf8), file: "chart.svg")
        var id: String?, elements = 0, depth = 0
        while let event = try reader.next() {
            switch event {
            case .start(let tag):
                if elements == 0 { id = tag.attributes.first { $0.localName == "id" }?.value }
                elements += 1; depth += 1
            case .end: depth -= 1
            default: break
            }
        }
        #expect(depth == 0)
        return (id, elements)
    }

    @Test(arguments: ReportLanguage.allCases)
    func everyChartIsPresentAndWellFormedXML(language: ReportLanguage) throws {
        let html = BalanceReportPage.html(Self.content, language: language)
        let charts = Self.svgs(html)
        #expect(charts.count == BalanceReportPage.chartIDs.count)
        let ids = try charts.map { try Self.parse($0) }
        #expect(ids.map(\.id) == BalanceReportPage.chartIDs)
        for chart in ids { #expect(chart.elements > 5) }
    }

    @Test func thePageIsSelfContainedAndEscapesNames() {
        let html = BalanceReportPage.html(Self.content, language: .en)
        #expect(!html.contains("<script"))
        // No address but the SVG namespace name: nothing is fetched from anywhere.
        #expect(!html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http"))
        #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("@import"))
        #expect(html.contains("Territoire &lt;d'essai&gt; &amp; Co"))
        #expect(html.contains("Dr A &amp; B"))
        #expect(!html.contains("Dr A & B"))
    }

    @Test func frenchAndEnglishWordsAndNumbers() {
        let fr = BalanceReportPage.html(Self.content, language: .fr)
        let en = BalanceReportPage.html(Self.content, language: .en)
        #expect(fr.contains("<html lang=\"fr\">") && fr.contains("Charge par pôle") && fr.contains("créneaux surnuméraires"))
        #expect(fr.contains(">4,3<") && fr.contains("12\u{202F}345") && fr.contains("25\u{00A0}%"))
        #expect(en.contains("<html lang=\"en\">") && en.contains("Load per pole") && en.contains("extra slots to ask for"))
        #expect(en.contains(">4.3<") && en.contains("12,345") && en.contains(">25%<"))
    }
}
