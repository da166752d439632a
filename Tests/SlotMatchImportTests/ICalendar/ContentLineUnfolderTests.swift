import Testing
import SlotMatchCore
@testable import SlotMatchImport

/// A seeded generator so that a failing case can be replayed: the core's `SplitMix64`.
typealias SeededGenerator = SplitMix64

extension SplitMix64 {
    init(state: UInt64) { self.init(seed: state) }
}

/// The obvious unfolding: split physical lines on LF, drop a trailing CR, glue a line starting with SPACE/TAB to the previous one.
func referenceUnfold(_ input: [UInt8]) -> [(bytes: [UInt8], line: Int)] {
    var body = input[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    var physical: [[UInt8]] = body.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
    if body.last == 0x0A { physical.removeLast() }
    var out: [(bytes: [UInt8], line: Int)] = []
    var current: [UInt8]? = nil
    var currentLine = 0
    for (index, var line) in physical.enumerated() {
        if line.last == 0x0D { line.removeLast() }
        if let first = line.first, first == 0x20 || first == 0x09, index > 0 {
            current = (current ?? []) + line.dropFirst()
            if current!.isEmpty == false && currentLine == 0 { currentLine = index + 1 }
            continue
        }
        if let c = current, !c.isEmpty { out.append((c, currentLine)) }
        current = line
        currentLine = index + 1
    }
    if let c = current, !c.isEmpty { out.append((c, currentLine)) }
    return out
}

@Suite struct ContentLineUnfolderTests {
    static let alphabet: [String] = ["A", "b", "Z", ":", ";", "=", " ", "\t", "é", "€", "日", "😀", "ß", "\"", ","]

    /// Random logical lines, folded at random byte positions (often inside UTF-8 sequences), with random CRLF/LF and SPACE/TAB.
    @Test(arguments: 0 ..< 40)
    func matchesReferenceOnRandomFolds(seed: Int) {
        var rng = SeededGenerator(state: UInt64(seed) &* 7919 &+ 17)
        var logical: [[UInt8]] = []
        for _ in 0 ..< Int.random(in: 1 ... 30, using: &rng) {
            var s = "X" // never starts with SPACE/TAB, never empty
            for _ in 0 ..< Int.random(in: 0 ... 120, using: &rng) { s += Self.alphabet.randomElement(using: &rng)! }
            logical.append(Array(s.utf8))
        }
        var file: [UInt8] = Bool.random(using: &rng) ? [0xEF, 0xBB, 0xBF] : []
        var expectedLines: [Int] = []
        var physical = 1
        for line in logical {
            expectedLines.append(physical)
            var i = 0
            while i < line.count {
                let chunk = min(line.count - i, Int.random(in: 1 ... 20, using: &rng))
                file += line[i ..< i + chunk]
                i += chunk
                if i < line.count {
                    file += Bool.random(using: &rng) ? [0x0D, 0x0A] : [0x0A]
                    file.append(Bool.random(using: &rng) ? 0x20 : 0x09)
                    physical += 1
                }
            }
            file += Bool.random(using: &rng) ? [0x0D, 0x0A] : [0x0A]
            physical += 1
        }
        let unfolded = ContentLineUnfolder.unfold(file)
        let reference = referenceUnfold(file)
        #expect(unfolded.lineBytes == logical)
        #expect(unfolded.lineBytes == reference.map(\.bytes))
        #expect(unfolded.lines.map(\.physicalLine) == expectedLines)
        #expect(unfolded.lines.map(\.physicalLine) == reference.map(\.line))
        // The joined bytes decode to the original text: folds inside UTF-8 sequences are healed.
        #expect(unfolded.lineBytes.map { String(validating: $0, as: UTF8.self) != nil }.allSatisfy { $0 })
    }

    @Test(arguments: [
        ("A:1\r\nB:2\r\n", ["A:1", "B:2"]),
        ("A:1\nB:2", ["A:1", "B:2"]),
        ("\u{FEFF}A:1\r\n", ["A:1"]),
        ("A:long\r\n  value\r\n", ["A:long value"]),
        ("A:x\r\n\ty\n z\r\nB:2\n", ["A:xyz", "B:2"]),
        ("A:1\r\n\r\n\nB:2\r\n", ["A:1", "B:2"]),
        ("", []),
    ])
    func examples(input: String, expected: [String]) {
        #expect(ContentLineUnfolder.unfold(Array(input.utf8)).lineBytes.map { String(decoding: $0, as: UTF8.self) } == expected)
    }

    @Test func foldSplittingAMultiByteCharacter() {
        // "é" is C3 A9; the fold falls between the two bytes.
        let input: [UInt8] = Array("SUMMARY:Caf".utf8) + [0xC3, 0x0D, 0x0A, 0x20, 0xA9] + Array("\r\n".utf8)
        let text = ContentLineUnfolder.unfold(input)
        #expect(text.lineBytes.map { String(decoding: $0, as: UTF8.self) } == ["SUMMARY:Café"])
        #expect(UTF8Validator.firstInvalidOffset(in: text.bytes) == nil)
    }

    @Test func positionsAfterAFoldPointAtTheContinuationLine() {
        let text = ContentLineUnfolder.unfold(Array("A:1\r\nSUMMARY:ab\r\n cd\r\n".utf8))
        // "c" is at offset 3+10+2 = byte 13 of the unfolded buffer ("A:1" + "SUMMARY:ab" + "cd").
        let index = 1
        let cOffset = text.lines[index].start + 10
        #expect(text.position(lineIndex: index, offset: cOffset) == (line: 3, column: 2))
        #expect(text.position(lineIndex: index, offset: text.lines[index].start + 8) == (line: 2, column: 9))
    }

    /// A continuation line holding only its SPACE adds nothing to the line above: the next line's bytes start at the
    /// fold's offset, but its places are its own physical line's (not the fold's line, and no column shift).
    @Test(arguments: ["\r\n", "\n"])
    func anEmptyFoldBelongsToTheLineAbove(lineBreak: String) throws {
        let lines = ["BEGIN:VCALENDAR", "X-A:1", " ", "BEGIN:VEVENT", "X-B:2", " ", " ", "NO COLON HERE"]
        let text = ContentLineUnfolder.unfold(Array(lines.joined(separator: lineBreak).utf8 + Array(lineBreak.utf8)))
        #expect(text.lineBytes.map { String(decoding: $0, as: UTF8.self) } == ["BEGIN:VCALENDAR", "X-A:1", "BEGIN:VEVENT", "X-B:2", "NO COLON HERE"])
        // Each logical line's first and fourth bytes, on its own physical line.
        for (index, physical) in [(0, 1), (1, 2), (2, 4), (3, 5), (4, 8)] {
            #expect(text.position(lineIndex: index, offset: text.lines[index].start) == (line: physical, column: 1))
            #expect(text.position(lineIndex: index, offset: text.lines[index].start + 3) == (line: physical, column: 4))
        }
        // The parser's places: the component opened after an empty fold, and an error after two of them.
        let source = lines.joined(separator: lineBreak) + lineBreak
        do {
            _ = try ICalendarParser.parse(bytes: Array(source.utf8), file: "f.ics")
            Issue.record("the line without a colon was accepted")
        } catch {
            #expect(error.place.line == 8)
        }
        let good = ["BEGIN:VCALENDAR", "X-A:1", " ", "BEGIN:VEVENT", "UID:1", "END:VEVENT", "END:VCALENDAR"].joined(separator: lineBreak) + lineBreak
        let calendar = try #require(try ICalendarParser.parse(bytes: Array(good.utf8), file: "f.ics").first)
        #expect(calendar.components.first?.place.line == 4)
        #expect(calendar.components.first?.place.column == 1)
    }
}
