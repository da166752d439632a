import Foundation
import Testing
@testable import SlotMatchImport
import SlotMatchCore

/// The RFC 4180 tokenizer against the simplest reference: random tables written with RFC 4180 quoting
/// must read back as the same fields and the same record lines.
@Suite struct CSVRecordReaderTests {
    private struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// RFC 4180 §2.6–2.7: quote a field holding the delimiter, a quote, a line break, or edge spaces.
    private static func encode(_ field: String, delimiter: Character) -> String {
        let needsQuotes = field.contains(delimiter) || field.contains("\"") || field.contains("\n") || field.contains("\r")
            || field.first == " " || field.last == " "
        return needsQuotes ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    @Test(arguments: [",", ";"])
    func randomTablesRoundTrip(delimiter: String) {
        let d = Character(delimiter)
        let pieces = ["a", "SNP", "é", "Saint-Léger", " ", ",", ";", "\"", "\n", "\r\n", "|", "09:00", "x y"]
        var random = Generator(state: delimiter == "," ? 42 : 4242)
        for round in 0 ..< 200 {
            let columns = 1 + random.next(6)
            var table: [[String]] = []
            for _ in 0 ..< 1 + random.next(8) {
                table.append((0 ..< columns).map { _ in (0 ..< random.next(4)).map { _ in pieces[random.next(pieces.count)] }.joined() })
            }
            // A lone empty field is a blank line, which the reader skips by design: keep rows non-blank.
            table = table.map { row in row.count == 1 && row[0].isEmpty ? ["a"] : row }
            let lineEnd = round % 2 == 0 ? "\n" : "\r\n"
            let text = table.map { $0.map { Self.encode($0, delimiter: d) }.joined(separator: String(d)) }.joined(separator: lineEnd) + lineEnd
            let reader = CSVRecordReader(bytes: Array(text.utf8), file: "r.csv")
            let (records, errors) = reader.records(delimiter: UInt8(ascii: d.unicodeScalars.first!))
            #expect(errors.isEmpty, "round \(round): \(errors)")
            #expect(records.map { $0.fields.map(\.text) } == table, "round \(round): \(text.debugDescription)")
            // Each record starts on the line after the previous record's last line.
            var line = 1
            for (record, row) in zip(records, table) {
                #expect(record.line == line)
                line += 1 + row.reduce(0) { $0 + $1.filter { $0 == "\n" || $0 == "\r\n" }.count }
            }
        }
    }

    @Test(arguments: [
        ("rpps,start\n", UInt8(ascii: ",")),
        ("rpps;start;end\n", UInt8(ascii: ";")),
        ("\"a;b\",c\n", UInt8(ascii: ",")),
        ("\"a,b,c\";d;e\n", UInt8(ascii: ";")),
    ])
    func delimiterDetection(text: String, delimiter: UInt8) {
        #expect(CSVRecordReader(bytes: Array(text.utf8), file: "d").detectDelimiter() == delimiter)
    }
}
