import Testing
@testable import SlotMatchImport

/// `TextValue.hasBackslash` (memchr) against a byte-by-byte search, and `unescape` against decoding every value.
@Suite struct TextValueScanTests {
    @Test(arguments: ["", "\\", "a", "plain-uid@bench.slotmatch.invalid", "gp00001-01@bench.slotmatch.invalid\\",
                      "\\,start", String(repeating: "x", count: 300) + "\\n", "é\\é", String(repeating: "y", count: 64)])
    func backslashSearchIsTheByteSearch(_ text: String) {
        var copy = text
        let found = copy.withUTF8 { TextValue.hasBackslash($0) }
        #expect(found == text.utf8.contains(0x5C))
        // Without a backslash the value is handed back as it is; with one, decoded as the byte walk decodes it.
        var again = text
        let decoded = again.withUTF8 { TextValue.unescape($0) }
        #expect(TextValue.unescape(text) == decoded)
    }
}
