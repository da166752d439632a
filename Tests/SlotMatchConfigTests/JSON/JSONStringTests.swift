import Testing
import SlotMatchConfig

/// The one JSON string escaping every writer above the core uses (RFC 8259 §7).
@Suite struct JSONStringTests {
    @Test(arguments: [
        ("plain", #""plain""#),
        ("é → ü", "\"é → ü\""),
        ("a\"b\\c", #""a\"b\\c""#),
        ("l1\nl2\r\tx", #""l1\nl2\r\tx""#),
        ("\u{0}\u{1}\u{1F}", #""\u0000\u0001\u001f""#),
        ("del\u{7F}", #""del\u007f""#),
    ])
    func escapes(_ input: String, _ expected: String) {
        #expect(JSONString.quoted(input) == expected)
    }

    @Test func deleteKeptWhenAsked() {
        #expect(JSONString.quoted("a\u{7F}\n", escapingDelete: false) == "\"a\u{7F}\\n\"")
        var bytes: [UInt8] = []
        JSONString.quote("x", into: &bytes)
        var text = "k:"
        JSONString.quote("x", into: &text)
        #expect(bytes == Array("\"x\"".utf8) && text == "k:\"x\"")
    }
}
