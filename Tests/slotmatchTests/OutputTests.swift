import Testing
@testable import slotmatch

@Suite struct OutputTests {
    @Test func jsonIsSortedAndEscaped() {
        let v = JSONValue.object(["b": .int(1), "a": .array([.double(48.5292), .double(2), .bool(true), .null]),
                                  "c": .string("quote \" back \\ line\n tab\t \u{1} é")])
        #expect(v.rendered == """
            {
              "a": [
                48.5292,
                2,
                true,
                null
              ],
              "b": 1,
              "c": "quote \\" back \\\\ line\\n tab\\t \\u0001 é"
            }

            """)
        #expect(JSONValue.object([:]).rendered == "{}\n" && JSONValue.array([]).rendered == "[]\n")
    }

    @Test func tableAlignsColumns() {
        var t = TextTable([.init("NAME"), .init("N", right: true), .init("POLE")])
        t.add(["Émancé", "872", "Rambouillet"])
        t.add(["Le Perray-en-Yvelines", "6480", "Rambouillet"])
        #expect(t.rendered == """
            NAME                      N  POLE
            Émancé                  872  Rambouillet
            Le Perray-en-Yvelines  6480  Rambouillet

            """)
    }

    @Test(arguments: [(0, 1000, 0.0), (30, 52366, 5.7), (3, 5197, 5.8), (1, 3, 3333.3), (5, 0, 0.0)])
    func density(gps: Int, population: Int, expected: Double) {
        #expect(TerritoryReport.density(gps: gps, population: population) == expected)
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (80722, "80,722"), (1234567, "1,234,567"), (-4500, "-4,500")])
    func grouping(n: Int, text: String) {
        #expect(TerritoryReport.grouped(n) == text)
    }
}
