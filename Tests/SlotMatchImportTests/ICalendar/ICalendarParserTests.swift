import Testing
import Foundation
import SlotMatchCore
import SlotMatchImport

@Suite struct ICalendarParserTests {
    static let sample = """
    BEGIN:VCALENDAR\r
    VERSION:2.0\r
    PRODID:-//SlotMatch//Test//FR\r
    BEGIN:VEVENT\r
    UID:a1\r
    DTSTART;TZID=Europe/Paris:20261207T090000\r
    SUMMARY:Consultations non programm\r
     ées\\, cabinet\r
    END:VEVENT\r
    begin:vevent\r
    uid:a2\r
    end:VEVENT\r
    END:VCALENDAR\r

    """

    @Test func buildsTheComponentTree() throws {
        let components = try ICalendarParser.parse(bytes: Array(Self.sample.utf8), file: "gp.ics")
        #expect(components.count == 1)
        let calendar = components[0]
        #expect(calendar.name == "VCALENDAR")
        #expect(calendar.properties.map(\.name) == ["VERSION", "PRODID"])
        #expect(calendar.components.map(\.name) == ["VEVENT", "VEVENT"])
        let event = calendar.components[0]
        #expect(event.place == SourcePlace(file: "gp.ics", line: 4, column: 1))
        #expect(event.property("DTSTART")?.parameter("TZID") == "Europe/Paris")
        #expect(event.property("SUMMARY")?.value == "Consultations non programmées\\, cabinet")
        #expect(event.property("SUMMARY")?.place.line == 7)
        #expect(calendar.components[1].property("UID")?.value == "a2")
        #expect(calendar.components[1].place.line == 10)
    }

    @Test func skipsAByteOrderMarkAndAcceptsBareLineFeeds() throws {
        let lf = Self.sample.replacingOccurrences(of: "\r", with: "")
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(lf.utf8)
        let components = try ICalendarParser.parse(bytes: bytes, file: "bom.ics")
        #expect(components.first?.name == "VCALENDAR")
        #expect(components.first?.properties.first?.name == "VERSION")
        #expect(components.first?.components[0].property("SUMMARY")?.value == "Consultations non programmées\\, cabinet")
    }

    @Test func readsConcatenatedCalendars() throws {
        let two = "BEGIN:VCALENDAR\nEND:VCALENDAR\nBEGIN:VCALENDAR\nX-A:1\nEND:VCALENDAR\n"
        let components = try ICalendarParser.parse(bytes: Array(two.utf8), file: "two.ics")
        #expect(components.count == 2)
        #expect(components[1].property("X-A")?.value == "1")
    }

    struct Failure: Sendable, CustomStringConvertible {
        var text: [UInt8]
        var line: Int
        var column: Int
        var says: String
        var description: String { says }
        init(_ text: String, _ line: Int, _ column: Int, _ says: String) { self.text = Array(text.utf8); self.line = line; self.column = column; self.says = says }
        init(bytes: [UInt8], _ line: Int, _ column: Int, _ says: String) { self.text = bytes; self.line = line; self.column = column; self.says = says }
    }

    @Test(arguments: [
        Failure("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VTODO\nEND:VCALENDAR\n", 3, 5, "closes VEVENT opened at line 2"),
        Failure("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\n", 2, 1, "BEGIN:VEVENT is never closed"),
        Failure("BEGIN:VCALENDAR\nSUMMARY no colon here\nEND:VCALENDAR\n", 2, 22, "no ':'"),
        Failure("BEGIN:VCALENDAR\nEND:VCALENDAR\nEND:VCALENDAR\n", 3, 1, "no matching BEGIN"),
        Failure("UID:1\nBEGIN:VCALENDAR\nEND:VCALENDAR\n", 1, 1, "outside any component"),
        Failure("BEGIN:VCALENDAR\nBEGIN:\nEND:VCALENDAR\n", 2, 7, "not followed by a component name"),
        Failure("BEGIN:VCALENDAR\r\nSUMMARY:ab\r\n cd\r\nDTSTART;TZID=\"Eur\r\n ope:x\r\nEND:VCALENDAR\r\n", 4, 14, "never closed"),
        Failure("BEGIN:VCALENDAR\nX-A;P=1;:x\nEND:VCALENDAR\n", 2, 9, "has no name"),
        Failure(bytes: Array("BEGIN:VCALENDAR\nSUMMARY:Caf".utf8) + [0xE9] + Array("\nEND:VCALENDAR\n".utf8), 2, 12, "not valid UTF-8"),
        Failure(bytes: Array("BEGIN:VCALENDAR\nSUMMARY:ok\n".utf8) + [0xC3, 0x28] + Array(":x\nEND:VCALENDAR\n".utf8), 3, 1, "not valid UTF-8"),
        Failure("", 1, 1, "no calendar"),
        Failure(String(repeating: "BEGIN:X\n", count: 40), 33, 1, "nested more than"),
    ])
    func reportsWhereAndWhat(_ f: Failure) {
        do {
            _ = try ICalendarParser.parse(bytes: f.text, file: "bad.ics")
            Issue.record("expected an error containing \(f.says)")
        } catch {
            #expect(error.place.file == "bad.ics")
            #expect(error.place.line == f.line)
            #expect(error.place.column == f.column)
            #expect(error.problem.contains(f.says), "\(error)")
            #expect(!error.remedy.isEmpty)
        }
    }

    @Test func refusesFilesOverTheSizeLimitBeforeParsing() {
        let bytes = Array(Self.sample.utf8)
        #expect(throws: InputError.self) { try ICalendarParser.parse(bytes: bytes, file: "big.ics", sizeLimit: bytes.count - 1) }
        #expect((try? ICalendarParser.parse(bytes: bytes, file: "ok.ics", sizeLimit: bytes.count)) != nil)
        #expect(ICalendarParser.defaultSizeLimit == 64 * 1024 * 1024)
    }
}

@Suite struct ICalendarParserRobustnessTests {
    /// Random damage to a valid file (bytes flipped, inserted, cut) gives a result or an InputError with a line, never a crash or a hang.
    @Test(arguments: 0 ..< 60)
    func survivesDamagedInput(seed: Int) {
        var rng = SeededGenerator(state: UInt64(seed) &+ 1000)
        var bytes = Array(ICalendarParserTests.sample.utf8)
        let noise: [UInt8] = [0x0A, 0x0D, 0x20, 0x09, 0x3A, 0x3B, 0x2C, 0x22, 0x5E, 0x5C, 0xC3, 0xA9, 0xFF, 0x00, 0xE2, 0x82]
        for _ in 0 ..< Int.random(in: 1 ... 12, using: &rng) {
            let i = Int.random(in: 0 ..< bytes.count, using: &rng)
            switch Int.random(in: 0 ..< 3, using: &rng) {
            case 0: bytes[i] = noise.randomElement(using: &rng)!
            case 1: bytes.insert(noise.randomElement(using: &rng)!, at: i)
            default: bytes.removeSubrange(i ..< min(bytes.count, i + Int.random(in: 1 ... 30, using: &rng)))
            }
            if bytes.isEmpty { bytes = [0x0A] }
        }
        do {
            let components = try ICalendarParser.parse(bytes: bytes, file: "damaged.ics")
            #expect(!components.isEmpty)
        } catch {
            #expect(error.place.file == "damaged.ics")
            #expect(error.place.line != nil)
        }
    }
}
