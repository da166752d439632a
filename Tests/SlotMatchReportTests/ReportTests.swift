import SlotMatchCore
import SlotMatchImport
import Testing
@testable import SlotMatchReport

@Suite struct ReportTests {
    static func data() throws -> ReportData {
        let communes = [
            Commune(insee: "90001", name: "Alpha & Co", postcode: "", location: GeoPoint(latitude: 48.6, longitude: 1.8), population: 12_500),
            Commune(insee: "90002", name: "Béta", postcode: "", location: GeoPoint(latitude: 48.7, longitude: 1.9), population: 3_000),
            Commune(insee: "90003", name: "Gamma", postcode: "", location: GeoPoint(latitude: 48.5, longitude: 2.0), population: 800),
        ]
        let territory = try Territory(name: "Test <territoire>", timeZoneIdentifier: "UTC", communes: communes,
                                      poles: [Pole(id: "a", name: "Alpha", seatInsee: "90001"), Pole(id: "g", name: "Gamma", seatInsee: "90003")],
                                      travel: TravelModel())
        let policy = { (name: String, served: Int, waits: [Int32]) in
            ReportPolicy(name: name, requests: 1_234, needingSlot: 1_200, servedInTarget: served, servedOutsideTarget: 10, unserved: 1_190 - served,
                         samu: 34, travelP50: 12, travelP90: 31, waitP50: 95, waitP90: 1_500, capPressure: 0.125,
                         gapToHindsight: 1_100 - served, exact: true, waits: waits)
        }
        return ReportData(territory: territory, zone: .utc, periodStart: Instant(secondsSinceEpoch: 1_796_256_000),
                          periodEnd: Instant(secondsSinceEpoch: 1_797_465_600), demandName: "demand.csv",
                          requestsByCommune: ["90001": 10, "90002": 4, "90003": 2], unservedByCommune: ["90001": 1, "90003": 2],
                          demandByHour: [[Int](repeating: 3, count: 24), (0 ..< 24).map { $0 }],
                          supplyByHour: [(0 ..< 24).map { $0 % 5 }, [Int](repeating: 0, count: 24)],
                          practitionersByPole: [5, 1],
                          policies: [policy("nearest", 1_000, [10, 70, 200, 3_000]), policy("hindsight", 1_100, [5, 5, 60])])
    }

    /// The `<svg>…</svg>` fragments of a page.
    static func svgs(_ html: String) -> [String] {
        var out: [String] = []
        var rest = Substring(html)
        while let open = rest.range(of: "<svg "), let close = rest.range(of: "</svg>", range: open.upperBound ..< rest.endIndex) {
            out.append(String(rest[open.lowerBound ..< close.upperBound]))
            rest = rest[close.upperBound...]
        }
        return out
    }

    @Test(arguments: ReportLanguage.allCases)
    func everyChartIsPresentAndWellFormed(_ language: ReportLanguage) throws {
        let html = ReplayReport.html(try Self.data(), language: language)
        let svgs = Self.svgs(html)
        var ids: [String] = []
        for svg in svgs {
            let reader = try XMLStreamReader(bytes: Array(svg.utf8), file: "chart.svg")
            var depth = 0, elements = 0
            while let event = try reader.next() {
                switch event {
                case .start(let tag):
                    if depth == 0 {
                        #expect(tag.localName == "svg" && tag.namespaceURI == "http://www.w3.org/2000/svg")
                        ids.append(tag.attribute("id") ?? "")
                    }
                    depth += 1; elements += 1
                case .end: depth -= 1
                case .text: break
                }
            }
            #expect(depth == 0)
            #expect(elements > 5)
        }
        #expect(ids == ["shares", "map", "hourly", "waits"])
        #expect(html.contains("<table id=\"comparison\">"))
        #expect(html.contains("<html lang=\"\(language.rawValue)\">"))
        // One circle per commune on the map, one panel title per pole.
        #expect(svgs[1].components(separatedBy: "<circle").count - 1 == 3)
        #expect(svgs[2].contains(">Alpha<") && svgs[2].contains(">Gamma<"))
        #expect(html.contains("Alpha &amp; Co") && html.contains("Test &lt;territoire&gt;"))
    }

    @Test func selfContained() throws {
        let html = ReplayReport.html(try Self.data(), language: .fr)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("url("))
        #expect(html.components(separatedBy: "http").count - 1 == Self.svgs(html).count)  // only the SVG namespace
        #expect(ReplayReport.html(try Self.data(), language: .fr) == html)
    }

    @Test func frenchFiguresInTheFrenchReport() throws {
        let fr = ReplayReport.html(try Self.data(), language: .fr)
        #expect(fr.contains("1\u{202F}234"))            // requests, narrow no-break space
        #expect(fr.contains("83,3\u{00A0}%"))           // 1000 / 1200
        #expect(fr.contains("12,5\u{00A0}%"))           // cap pressure
        #expect(fr.contains("Comparaison des politiques"))
        #expect(fr.contains("3 déc. 2026"))
        let en = ReplayReport.html(try Self.data(), language: .en)
        #expect(en.contains("1,234") && en.contains("83.3%") && en.contains("3 Dec 2026") && en.contains("Policy comparison"))
        #expect(!en.contains("83,3"))
    }

    @Test(arguments: [
        (ReportLanguage.fr, 1_234_567, "1\u{202F}234\u{202F}567"), (.en, 1_234_567, "1,234,567"),
        (.fr, 999, "999"), (.fr, -4_500, "−4\u{202F}500"), (.en, 0, "0"),
    ])
    func integers(_ language: ReportLanguage, _ value: Int, _ expected: String) {
        #expect(ReportFormatter(language: language).integer(value) == expected)
    }

    @Test func decimalsPercentagesDatesAndDurations() {
        let fr = ReportFormatter(language: .fr), en = ReportFormatter(language: .en)
        #expect(fr.decimal(3.14159, places: 2) == "3,14")
        #expect(en.decimal(1234.5) == "1,234.5")
        #expect(fr.decimal(1234.05, places: 1) == "1\u{202F}234,1" || fr.decimal(1234.05, places: 1) == "1\u{202F}234,0")
        #expect(fr.percent(0.875) == "87,5\u{00A0}%")
        #expect(en.percent(0.875) == "87.5%")
        #expect(fr.date(CivilDate(year: 2026, month: 12, day: 4)) == "4 déc. 2026")
        #expect(fr.date(CivilDate(year: 2027, month: 2, day: 1)) == "1 févr. 2027")
        #expect(en.date(CivilDate(year: 2026, month: 12, day: 4)) == "4 Dec 2026")
        #expect(fr.duration(minutes: 95) == "95\u{00A0}min")
        #expect(fr.duration(minutes: 150) == "2,5\u{00A0}h")
    }

    @Test(arguments: [
        (["LANG": "fr_FR.UTF-8"], ReportLanguage.fr), (["LANG": "en_GB.UTF-8"], .en), ([:], .en),
        (["LC_ALL": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"], .fr), (["LC_ALL": "", "LANG": "fr_CA"], .fr), (["LC_ALL": "C"], .en),
    ])
    func languageFromTheLocale(_ environment: [String: String], _ expected: ReportLanguage) {
        #expect(ReportLanguage.fromEnvironment(environment) == expected)
    }
}
