import Testing
import SlotMatchCore
@testable import SlotMatchImport

/// The model's fast paths (packed names, shared storage, value accessors) give the answers of the general
/// `String` paths.
@Suite struct CalendarModelAccessTests {
    static let names: [String] = [
        "DTSTART", "DTSTAMP", "DTEND", "UID", "", "A", "dtstart", "X-SLOTMATCH-RPPS", "X-SLOTMATCH-RPPT",
        "X-SLOTMATCH-VISIBILITY", "X-SLOTMATCH-VISIBILITX", "X-SLOTMATCH-VISIBILITY-2", "RRULE\u{0}", "\u{212A}", "K",
        "CAT\u{00C9}GORIES", "CATE\u{0301}GORIES", "ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOQ", "ABCDEFGHIJKLMNOPQ",
    ]

    /// `CalendarName.matches` is `String ==`, on every pair (Kelvin sign and K, composed and decomposed É included).
    @Test func packedNamesCompareLikeStrings() {
        for a in Self.names {
            for b in Self.names {
                #expect(CalendarName(a).matches(CalendarName(b)) == (a == b), "\(a) vs \(b)")
                #expect((CalendarName(a) == CalendarName(b)) == (a == b))
            }
        }
    }

    /// The first 16 bytes as two little-endian words, one byte at a time.
    static func referencePack(_ bytes: [UInt8]) -> (head: UInt64, tail: UInt64) {
        var head: UInt64 = 0, tail: UInt64 = 0
        for (i, b) in bytes.prefix(16).enumerated() {
            if i < 8 { head |= UInt64(b) << UInt64(8 * i) } else { tail |= UInt64(b) << UInt64(8 * (i - 8)) }
        }
        return (head, tail)
    }

    /// `CalendarName.load` (overlapping word loads) against the byte-by-byte packing, for every length 1-16
    /// at every offset of a buffer.
    @Test func wordLoadsPackLikeBytes() {
        let bytes: [UInt8] = (0 ..< 40).map { UInt8(0x21 + $0 * 3) }
        bytes.withUnsafeBufferPointer { p in
            for start in 0 ..< 24 {
                for n in 1 ... 16 where start + n <= p.count {
                    let got = CalendarName.load(p.baseAddress! + start, n)
                    let expected = Self.referencePack(Array(bytes[start ..< start + n]))
                    #expect(got.0 == expected.head && got.1 == expected.tail, "start \(start) n \(n)")
                }
            }
        }
    }

    /// The parser's packing (upper-casing 8 bytes at a time, names shared from `KnownCalendarNames`) against
    /// packing the upper-cased `String`, on every name byte at every position and on every listed name.
    @Test func parserPackingMatchesStringPacking() {
        let nameBytes = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-".utf8)
        var rng = SeededGenerator(state: 99)
        var samples = KnownCalendarNames.names + KnownCalendarNames.names.map { $0.lowercased() }
        for _ in 0 ..< 500 {
            samples.append(String(decoding: (0 ..< Int.random(in: 1 ... 24, using: &rng)).map { _ in nameBytes.randomElement(using: &rng)! }, as: UTF8.self))
        }
        for sample in samples {
            let bytes = Array(sample.utf8)
            let packed = bytes.withUnsafeBufferPointer { CalendarName(upperCasingASCII: $0, 0, $0.count) }
            let upper = ReferenceICalendarParser.asciiUpper(sample)
            let expected = CalendarName(upper)
            #expect(packed.text == upper)
            #expect(packed.head == expected.head && packed.tail == expected.tail && packed.count == expected.count, "\(sample)")
            let reference = Self.referencePack(Array(upper.utf8))
            #expect(expected.head == reference.head && expected.tail == reference.tail, "\(sample)")
        }
        for name in KnownCalendarNames.names where name.utf8.count <= 16 {
            let key = CalendarName(name)
            #expect(KnownCalendarNames.shared.text(head: key.head, tail: key.tail, count: key.count) == name)
        }
        for name in ["DTSTARU", "X-UNKNOWN", "VEVENTS", "UI"] {
            let key = CalendarName(name)
            #expect(KnownCalendarNames.shared.text(head: key.head, tail: key.tail, count: key.count) == nil)
        }
    }

    /// The name-byte table against RFC 5545 §3.1 (ALPHA, DIGIT, "-") for all 256 byte values.
    @Test func nameBytes() {
        for b in 0 ... 255 {
            let u = UInt8(b)
            let rfc = (u >= 0x41 && u <= 0x5A) || (u >= 0x61 && u <= 0x7A) || (u >= 0x30 && u <= 0x39) || u == 0x2D
            #expect(ContentLine.isNameByte(u) == rfc, "byte \(b)")
        }
    }

    /// `ContentLine.string` (built in place up to 15 bytes) is `String(decoding:as:)`, invalid UTF-8 included.
    @Test func shortStringsDecodeLikeTheStandardLibrary() {
        var rng = SeededGenerator(state: 5)
        let alphabet: [UInt8] = [0x41, 0x7A, 0x30, 0x20, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 0xFF, 0x80, 0xED, 0xA0]
        for _ in 0 ..< 2000 {
            let bytes = (0 ..< Int.random(in: 0 ... 20, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let made = bytes.withUnsafeBufferPointer { ContentLine.string($0, 0, $0.count) }
            let expected = String(decoding: bytes, as: UTF8.self)
            #expect(made == expected && Array(made.utf8) == Array(expected.utf8), "\(bytes)")
        }
    }

    static let calendar = """
    BEGIN:VCALENDAR\r
    X-SLOTMATCH-VISIBILITY:PUBLIC,PRO\r
    BEGIN:VEVENT\r
    UID:gp00001-01@bench.slotmatch.invalid\r
    DTSTART;TZID=Europe/Paris;X-A="a,b",c:20261207T090000\r
    DTSTAMP:20261201T080000Z\r
    SUMMARY:Caf\r
     \u{00E9} cr\u{00E8}me\r
    TRANSP:TRANSPARENT\r
    DESCRIPTION:\r
    EXDATE:20270101T090000\r
    EXDATE:20270108T090000\r
    \u{0020}\r
    END:VEVENT\r
    END:VCALENDAR\r

    """

    /// `property(_: String)`, `property(_: CalendarName)` and a linear search by `String ==` agree, for names
    /// present, absent, repeated and lower-case.
    @Test func propertyLookUps() throws {
        let calendar = try ICalendarParser.parse(bytes: Array(Self.calendar.utf8), file: "gp.ics")[0]
        let event = calendar.components[0]
        for component in [calendar, event] {
            for name in Self.names + ["SUMMARY", "EXDATE", "TRANSP", "DESCRIPTION", "X-SLOTMATCH-VISIBILITY"] {
                let linear = component.properties.first { $0.name == name }
                #expect(component.property(name) == linear)
                #expect(component.property(CalendarName(name)) == linear)
                #expect(component.properties(named: name) == component.properties.filter { $0.name == name })
                #expect(component.properties(named: CalendarName(name)) == component.properties.filter { $0.name == name })
                for property in component.properties { #expect(property.hasName(CalendarName(name)) == (property.name == name)) }
            }
        }
        #expect(event.property("EXDATE")?.value == "20270101T090000")
    }

    /// `withValueBytes`, `valueByteCount`, `valueEquals` and `parameterCount` against `value` and `parameters`,
    /// for short (inline) and long (shared) values, empty and non-ASCII ones, parsed and built one by one.
    @Test func valueAndParameterAccessors() throws {
        let calendar = try ICalendarParser.parse(bytes: Array(Self.calendar.utf8), file: "gp.ics")[0]
        var all = calendar.properties + calendar.components[0].properties
        all += all.map { CalendarProperty(name: $0.name, parameters: $0.parameters, value: $0.value, place: $0.place) }
        let probes = ["", "PUBLIC,PRO", "TRANSPARENT", "transparent", "Caf\u{00E9} cr\u{00E8}me", "Cafe\u{0301} cr\u{00E8}me",
                      "20261207T090000", "gp00001-01@bench.slotmatch.invalid", "gp00001-01@bench.slotmatch.invalie"]
        for property in all {
            #expect(property.withValueBytes { Array($0) } == Array(property.value.utf8))
            #expect(property.valueByteCount == property.value.utf8.count)
            #expect(property.parameterCount == property.parameters.count)
            for probe in probes { #expect(property.valueEquals(probe) == (property.value == probe), "\(property.value) vs \(probe)") }
            for parameter in property.parameters {
                #expect(property.parameter(parameter.name) == property.parameters.first { $0.name == parameter.name }?.value)
                #expect(parameter.valueCount == parameter.values.count)
            }
        }
        let dtstart = try #require(calendar.components[0].property("DTSTART"))
        #expect(dtstart.parameters == [CalendarParameter(name: "TZID", values: ["Europe/Paris"]), CalendarParameter(name: "X-A", values: ["a,b", "c"])])
        #expect(dtstart.parameter("X-A") == "a,b")
        #expect(dtstart.parameter("X-B") == nil)
        #expect(dtstart.place == SourcePlace(file: "gp.ics", line: 5))
    }

    /// Parsed properties equal (and hash like) the same properties built one by one; the setters give the
    /// property built with the new part.
    @Test func equalityAndSetters() throws {
        let calendar = try ICalendarParser.parse(bytes: Array(Self.calendar.utf8), file: "gp.ics")[0]
        for property in calendar.components[0].properties {
            let built = CalendarProperty(name: property.name, parameters: property.parameters, value: property.value, place: property.place)
            #expect(built == property)
            #expect(built.hashValue == property.hashValue)
            var changed = property
            changed.value = "x"
            #expect(changed == CalendarProperty(name: property.name, parameters: property.parameters, value: "x", place: property.place))
            changed.parameters = [CalendarParameter(name: "VALUE", value: "DATE")]
            changed.place = SourcePlace(file: "other.ics", line: 9, column: 2)
            changed.name = "X-RENAMED"
            #expect(changed == CalendarProperty(name: "X-RENAMED", parameters: [CalendarParameter(name: "VALUE", values: ["DATE"])],
                                                value: "x", place: SourcePlace(file: "other.ics", line: 9, column: 2)))
            #expect(changed != property)
        }
        var parameter = CalendarParameter(name: "MEMBER", values: ["a", "b"])
        #expect(parameter.values == ["a", "b"] && parameter.value == "a" && parameter.valueCount == 2)
        parameter.values = []
        #expect(parameter == CalendarParameter(name: "MEMBER", values: []) && parameter.value == "" && parameter.valueCount == 0)
        #expect(CalendarParameter(name: "P", value: "v") == CalendarParameter(name: "P", values: ["v"]))
    }
}
