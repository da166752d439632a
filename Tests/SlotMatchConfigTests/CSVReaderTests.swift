import Testing
@testable import SlotMatchConfig
import SlotMatchCore

@Suite struct CSVReaderTests {
    @Test(arguments: [
        ("a,b,c\n1,2,3\n", [[1: ["a", "b", "c"]], [2: ["1", "2", "3"]]]),
        ("a,b\r\n1,2\r\n", [[1: ["a", "b"]], [2: ["1", "2"]]]),
        ("a,b\n1,2", [[1: ["a", "b"]], [2: ["1", "2"]]]),
        ("\u{FEFF}a,b\n", [[1: ["a", "b"]]]),
        ("\"x, y\",z\n", [[1: ["x, y", "z"]]]),
        ("\"say \"\"hi\"\"\",2\n", [[1: ["say \"hi\"", "2"]]]),
        ("\"two\nlines\",b\nnext,row\n", [[1: ["two\nlines", "b"]], [3: ["next", "row"]]]),
        ("a,,c\n,\n", [[1: ["a", "", "c"]], [2: ["", ""]]]),
        ("a\n\n\nb\n", [[1: ["a"]], [4: ["b"]]]),
        ("\"\"\n", [[1: [""]]]),
        ("é,ü\n", [[1: ["é", "ü"]]]),
    ])
    func records(text: String, expected: [[Int: [String]]]) throws {
        let records = try CSVReader().records(in: text)
        #expect(records.map { [$0.line: $0.fields] } == expected)
    }

    @Test func semicolonDelimiter() throws {
        let records = try CSVReader(delimiter: UInt8(ascii: ";")).records(in: "a;b,c\n")
        #expect(records.first?.fields == ["a", "b,c"])
    }

    @Test(arguments: [("a,\"open\nstill open\n", 1), ("ok\n\"x\"y,z\n", 2), ("a\nb\n\"c\n", 3)])
    func malformed(text: String, line: Int) {
        do { _ = try CSVReader().records(in: text, file: "f.csv"); Issue.record("accepted") } catch {
            #expect(error.place.line == line)
            #expect(error.place.file == "f.csv")
        }
    }

    /// Checked against a naive reader (split on line ends, then commas) on unquoted input.
    @Test func agreesWithNaiveSplitOnUnquotedInput() throws {
        var seed: UInt64 = 7
        for _ in 0 ..< 200 {
            var lines: [String] = []
            for _ in 0 ..< 5 {
                seed = seed &* 6364136223846793005 &+ 1
                let fields = (0 ..< Int(seed % 4 + 1)).map { i in String(repeating: "x", count: Int((seed >> (8 * UInt64(i))) % 3 + 1)) }
                lines.append(fields.joined(separator: ","))
            }
            let text = lines.joined(separator: "\n")
            let naive = lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            #expect(try CSVReader().records(in: text).map(\.fields) == naive)
        }
    }
}
