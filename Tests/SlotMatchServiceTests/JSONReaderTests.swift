import Testing
import SlotMatchService

/// The request-line reader against RFC 8259's grammar, and the writer round trip.
@Suite struct JSONReaderTests {
    static let valid: [(String, String)] = [
        ("0", "0"), ("-0", "-0"), ("1.5e10", "1.5e10"), ("-12.25E-3", "-12.25E-3"), ("true", "true"), ("null", "null"),
        (" [1 , 2 ] ", "[1,2]"), ("{\"a\":{\"b\":[]}}", "{\"a\":{\"b\":[]}}"), ("\"\\u00e9\\n\\\"\"", "\"é\\n\\\"\""),
        ("\"\\ud83d\\ude00\"", "\"😀\""), ("\"\\/\"", "\"/\""), ("{\"z\":1,\"a\":2}", "{\"z\":1,\"a\":2}"),
        ("\"\\u0001\"", "\"\\u0001\""),
    ]

    @Test(arguments: valid)
    func readsAndWritesBack(_ pair: (String, String)) throws {
        let value = try JSONReader.parse(pair.0)
        #expect(value.serialized == pair.1)
        #expect(try JSONReader.parse(value.serialized) == value)
    }

    static let invalid: [(String, JSONSyntaxError.Kind)] = [
        ("", .syntax), ("01", .syntax), ("1.", .syntax), (".5", .syntax), ("-", .syntax), ("1e", .syntax), ("+1", .syntax),
        ("[1,]", .syntax), ("{\"a\":1,}", .syntax), ("{a:1}", .syntax), ("'a'", .syntax), ("tru", .syntax), ("nul", .syntax),
        ("\"\\x\"", .syntax), ("\"\\u12\"", .syntax), ("\"\\ud800\"", .syntax), ("\"abc", .syntax), ("[1] [2]", .syntax),
        ("NaN", .syntax), ("{\"a\":1,\"a\":2}", .duplicateKey), (String(repeating: "{\"a\":", count: 70) + "1" + String(repeating: "}", count: 70), .tooDeep),
    ]

    @Test(arguments: invalid)
    func refuses(_ pair: (String, JSONSyntaxError.Kind)) {
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse(pair.0) }
        do { _ = try JSONReader.parse(pair.0) } catch { #expect(error.kind == pair.1) }
    }

    @Test func nestingUpToTheLimitIsAccepted() throws {
        let deep = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        _ = try JSONReader.parse(deep)
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse("[" + deep + "]") }
    }

    @Test func numbersKeepTheirText() throws {
        guard case .number(let n) = try JSONReader.parse("9007199254740993") else { Issue.record("not a number"); return }
        #expect(n.int64 == 9_007_199_254_740_993)
        guard case .number(let f) = try JSONReader.parse("2.50") else { Issue.record("not a number"); return }
        #expect(f.int64 == nil)
        #expect(f.text == "2.50")
    }

    @Test(arguments: [[0xFF], [0xC3], [0xE2, 0x82], [0xF5, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80]] as [[UInt8]])
    func invalidUTF8IsRefusedAnywhere(_ bad: [UInt8]) {
        let line = Array("\"ab".utf8) + bad + Array("\"".utf8)
        do { _ = try JSONReader.parse(line); Issue.record("accepted") } catch { #expect(error.kind == .invalidUTF8); #expect(error.offset == 3) }
    }

    @Test func writerEscapesControlCharacters() {
        #expect(JSONValue.string("a\u{7}b\"\\\r").serialized == "\"a\\u0007b\\\"\\\\\\r\"")
    }
}
