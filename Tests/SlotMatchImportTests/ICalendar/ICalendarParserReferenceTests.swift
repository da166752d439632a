import Testing
import SlotMatchCore
@testable import SlotMatchImport

/// The parser (two passes, values and parameters as ranges of one shared storage) against the one-pass
/// reference it replaced: the same tree (names, values, parameters, places, nesting) and the same errors.
@Suite struct ICalendarParserReferenceTests {
    static func agree(_ bytes: [UInt8], _ file: String = "ref.ics") {
        let expected = ReferenceICalendarParser.parse(bytes, file: file)
        do {
            let got = try ICalendarParser.parse(bytes: bytes, file: file).map(ReferenceComponent.init)
            switch expected {
            case .success(let tree): #expect(got == tree)
            case .failure(let error): Issue.record("the reference fails with \(error) but the parser gives \(got.count) components")
            }
        } catch {
            switch expected {
            case .success: Issue.record("the parser fails with \(error) but the reference does not")
            case .failure(let reference): #expect(error == reference)
            }
        }
    }

    @Test(arguments: [
        // Folds inside UTF-8 sequences, CRLF and LF, TAB folds.
        "BEGIN:VCALENDAR\r\nSUMMARY:caf\r\n \u{00E9} cr\r\n\t\u{00E8}me\r\nEND:VCALENDAR\r\n",
        "BEGIN:VCALENDAR\nX-A:\u{65E5}\u{672C}\n \u{1F600}\nEND:VCALENDAR\n",
        // Lower-case names, parameters quoted and not, RFC 6868, empty values, several values.
        "begin:vcalendar\nbegin:vevent\ndtstart;tzid=Europe/Paris:20261207T090000\nsummary:\nx-a;p=\"a;b:c\",d;Q=^n^^^':v\nend:vevent\nend:vcalendar\n",
        "BEGIN:VCALENDAR\nATTENDEE;DELEGATED-FROM=\"mailto:a@x.fr\",\"mailto:b@x.fr\";ROLE=CHAIR:mailto:c@x.fr\nX-C;P=:\nEND:VCALENDAR\n",
        // Repeated and nearly repeated parameter values (the parser shares the last short one).
        "BEGIN:VCALENDAR\nDTSTART;TZID=Europe/Paris:1\nDTEND;TZID=Europe/Paris:2\nEXDATE;TZID=Europe/Pari:3\nX-A;P=Europe/Paris,Europe/Parit;Q=\"Europe/Paris\":4\nX-B;P=:5\nX-C;P=:;Q=^^:6\nX-D;P=Am\u{00E9}rique/Montr\u{00E9}al;Q=Am\u{00E9}rique/Montr\u{00E9}al:7\nEND:VCALENDAR\n",
        // Long and non-ASCII values, long names, repeated properties.
        "BEGIN:VCALENDAR\nX-SLOTMATCH-VISIBILITY:PUBLIC,PRO\nX-WR-CALNAME:Dr Antoine Moreau \u{2013} cr\u{00E9}neaux\\, Clairefontaine\nEXDATE:20270101T090000\nEXDATE:20270108T090000\nEND:VCALENDAR\n",
        // Nesting and concatenated calendars, empty lines.
        "BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:Europe/Paris\nBEGIN:STANDARD\nTZOFFSETTO:+0100\nEND:STANDARD\n\nEND:VTIMEZONE\nEND:VCALENDAR\nBEGIN:VCALENDAR\nEND:VCALENDAR\n",
        // Errors: mismatched END, unclosed BEGIN, no colon, stray END, property outside, empty BEGIN, unclosed quote.
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VTODO\nEND:VCALENDAR\n",
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\n",
        "BEGIN:VCALENDAR\nSUMMARY no colon here\nEND:VCALENDAR\n",
        "BEGIN:VCALENDAR\nEND:VCALENDAR\nEND:VCALENDAR\n",
        "uid:1\nBEGIN:VCALENDAR\nEND:VCALENDAR\n",
        "BEGIN:VCALENDAR\nBEGIN:\nEND:VCALENDAR\n",
        "BEGIN:VCALENDAR\r\nSUMMARY:ab\r\n cd\r\nDTSTART;TZID=\"Eur\r\n ope:x\r\nEND:VCALENDAR\r\n",
        "",
        "\n\n",
        String(repeating: "BEGIN:X\n", count: 40),
    ])
    func tricky(_ text: String) {
        Self.agree(Array(text.utf8))
        Self.agree([0xEF, 0xBB, 0xBF] + Array(text.utf8))   // with a byte order mark
    }

    @Test func invalidUTF8() {
        Self.agree(Array("BEGIN:VCALENDAR\nSUMMARY:Caf".utf8) + [0xE9] + Array("\nEND:VCALENDAR\n".utf8))
    }

    /// Random damage (bytes flipped, inserted, cut) to a calendar with folds, parameters and UTF-8.
    @Test(arguments: 0 ..< 200)
    func damaged(seed: Int) {
        var rng = SeededGenerator(state: UInt64(seed) &* 31 &+ 5)
        var bytes = Array(ICalendarParserTests.sample.utf8)
        let noise: [UInt8] = [0x0A, 0x0D, 0x20, 0x09, 0x3A, 0x3B, 0x2C, 0x22, 0x5E, 0x5C, 0xC3, 0xA9, 0x41, 0x61, 0x3D, 0x2D]
        for _ in 0 ..< Int.random(in: 1 ... 6, using: &rng) {
            let i = Int.random(in: 0 ..< bytes.count, using: &rng)
            switch Int.random(in: 0 ..< 3, using: &rng) {
            case 0: bytes[i] = noise.randomElement(using: &rng)!
            case 1: bytes.insert(noise.randomElement(using: &rng)!, at: i)
            default: bytes.removeSubrange(i ..< min(bytes.count, i + Int.random(in: 1 ... 8, using: &rng)))
            }
            if bytes.isEmpty { bytes = [0x0A] }
        }
        Self.agree(bytes)
    }
}
