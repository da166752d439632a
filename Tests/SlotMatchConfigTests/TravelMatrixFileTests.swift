import Testing
@testable import SlotMatchConfig
import SlotMatchCore

@Suite struct TravelMatrixFileTests {
    @Test func readsPairs() throws {
        let m = try TravelMatrixFile.parse(bytes: Array("from_insee,to_insee,minutes\r\n78517,78537,25\r\n78486,78517, 9 \r\n".utf8))
        #expect(m.minutes(from: "78517", to: "78537") == 25)
        #expect(m.minutes(from: "78537", to: "78517") == 25)
        #expect(m.minutes(from: "78517", to: "78486") == 9)
        #expect(m.count == 2)
    }

    @Test(arguments: [
        ("from_insee,to_insee,minutes\n78517,78537,-4\n", 2),
        ("from_insee,to_insee,minutes\n78517,78537,4\n78517,,4\n", 3),
        ("from_insee,to_insee,minutes\n78517,78537,4\n\n78517,99999,4\n", 4),
        ("from_insee,to_insee,minutes\n78517,78537,4.5\n", 2),
        ("from,to,minutes\n78517,78537,4\n", 1),
        ("", 1),
    ])
    func errorsNameTheLine(text: String, line: Int) {
        do {
            _ = try TravelMatrixFile.parse(bytes: Array(text.utf8), file: "m.csv", knownCommunes: ["78517", "78537"])
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.place.line == line)
            #expect(error.place.file == "m.csv")
        }
    }
}
