import Foundation
import Testing
@testable import SlotMatchImport
import SlotMatchCore

/// Reads every event of a document, or returns the error.
private func events(_ xml: String, limits: XMLReadLimits = XMLReadLimits()) -> Result<[XMLEvent], InputError> {
    do {
        let reader = try XMLStreamReader(bytes: Array(xml.utf8), file: "test.xml", limits: limits)
        var all: [XMLEvent] = []
        while let e = try reader.next() { all.append(e) }
        return .success(all)
    } catch { return .failure(error) }
}

private func failure(_ xml: String, limits: XMLReadLimits = XMLReadLimits()) -> InputError? {
    if case .failure(let e) = events(xml, limits: limits) { return e }
    return nil
}

@Suite struct XMLStreamReaderTests {
    @Test func readsElementsAttributesTextAndLines() throws {
        let xml = "<?xml version=\"1.0\"?>\n<r xmlns=\"urn:x\" a=\"1\">\n  <c>t &amp; &lt;u&gt; &#233;</c>\n  <e/>\n</r>\n"
        let all = try events(xml).get()
        let starts = all.compactMap { if case .start(let t) = $0 { return t } else { return nil } }
        #expect(starts.map(\.localName) == ["r", "c", "e"])
        #expect(starts.map(\.line) == [2, 3, 4])
        #expect(starts.map(\.depth) == [1, 2, 2])
        #expect(starts[0].namespaceURI == "urn:x")
        #expect(starts[0].attributes == [XMLAttribute(localName: "a", value: "1")])
        let texts = all.compactMap { if case .text(let s, _) = $0 { return s } else { return nil } }
        #expect(texts.contains("t & <u> é"))
        let ends = all.compactMap { if case .end(let n, _) = $0 { return n } else { return nil } }
        #expect(ends == ["c", "e", "r"])
    }

    @Test func keepsWhitespaceInsideText() throws {
        let all = try events("<r><t>  two  spaces </t></r>").get()
        #expect(all.contains(.text("  two  spaces ", line: 1)))
    }

    @Test func cdataIsTextAndCommentsAndInstructionsAreSkipped() throws {
        let all = try events("<?xml version=\"1.0\"?><!-- a --><?pi x?><r><![CDATA[a < b & c]]><!-- b --></r>").get()
        #expect(all == [.start(XMLStartTag(localName: "r", namespaceURI: "", line: 1, depth: 1)), .text("a < b & c", line: 1), .end(localName: "r", line: 1)])
    }

    @Test func linesBeyond65535AreExact() {
        let xml = "<r>" + String(repeating: "\n", count: 70_000) + "<a></b></r>"
        #expect(failure(xml)?.place.line == 70_001)
    }

    @Test func parallelReadersDoNotInterfere() async throws {
        let document = Array(XCalReaderTests.document.utf8)
        let expected = try XCalReader.parse(bytes: document, file: "p.xml")
        let results = await withTaskGroup(of: [CalendarComponent]?.self) { group in
            for i in 0 ..< 16 {
                group.addTask {
                    // Every other task parses a broken file, so error handlers run alongside good parses.
                    if i % 2 == 1 { return (try? XCalReader.parse(bytes: Array(document.dropLast(40)), file: "p.xml")) ?? [] }
                    return try? XCalReader.parse(bytes: document, file: "p.xml")
                }
            }
            var all: [[CalendarComponent]?] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.filter { $0 == expected }.count == 8)
        #expect(results.filter { $0 == [] }.count == 8)
    }

    static let billionLaughs = """
    <?xml version="1.0"?>
    <!DOCTYPE lolz [
     <!ENTITY lol "lol">
     <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
     <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
     <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
     <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
     <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
     <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
     <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
     <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
    ]>
    <icalendar xmlns="urn:ietf:params:xml:ns:icalendar-2.0"><vcalendar><properties>
    <x-lol><text>&lol9;</text></x-lol></properties></vcalendar></icalendar>
    """

    @Test func billionLaughsIsRefusedAsDTD() {
        let e = failure(Self.billionLaughs)
        #expect(e?.problem.contains("declares a DTD") == true)
        #expect(e?.remedy.contains("Remove the DOCTYPE") == true)
        #expect(e?.place == SourcePlace(file: "test.xml", line: 2))
        // Through the xCal reader as well.
        #expect(throws: InputError.self) { try XCalReader.parse(bytes: Array(Self.billionLaughs.utf8), file: "lol.xml") }
    }

    @Test func externalEntityIsRefusedWithoutReadingTheFile() throws {
        let secret = "SECRET-\(UUID().uuidString)"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("xxe-\(UUID().uuidString).txt").path
        try secret.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let documents = [
            "<?xml version=\"1.0\"?>\n<!DOCTYPE r [ <!ENTITY xxe SYSTEM \"file://\(path)\"> ]>\n<r>&xxe;</r>",
            "<!DOCTYPE r SYSTEM \"file://\(path)\">\n<r/>",
            "<!-- c -->\n<!doctype r [ <!ENTITY % p SYSTEM \"file://\(path)\"> %p; ]><r/>",
            "<Bundle xmlns=\"http://hl7.org/fhir\">&xxe;</Bundle>",
        ]
        for (i, doc) in documents.enumerated() {
            let e = try #require(failure(doc), "document \(i) must fail")
            #expect(!e.description.contains(secret), "document \(i) leaked the file")
            if i < 3 { #expect(e.problem.contains("declares a DTD"), "document \(i): \(e)") }
            else { #expect(e.problem.contains("entity"), "document \(i): \(e)") }
        }
    }

    @Test(arguments: [
        ("<?xml version=\"1.0\" encoding=\"UTF-16\"?><r/>", "encoding"),
        ("\u{FEFF}junk", "does not start with an XML tag"),
        ("", "empty"),
    ])
    func refusesUnreadableEncodings(xml: String, expected: String) {
        let e = failure(xml)
        #expect(e?.problem.contains(expected) == true, "\(String(describing: e))")
    }

    @Test func utf16BytesAreRefused() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in "<!DOCTYPE r><r/>".utf16 { bytes.append(UInt8(u & 0xFF)); bytes.append(UInt8(u >> 8)) }
        #expect(throws: InputError.self) { _ = try XMLStreamReader(bytes: bytes, file: "u16.xml") }
    }

    @Test(arguments: [300, 2000])
    func deepNestingIsRefused(depth: Int) {
        let xml = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        let e = failure(xml)
        #expect(e?.problem.contains("nested more than") == true, "\(String(describing: e))")
    }

    @Test func depthLimitIsConfigurable() {
        let xml = "<a><b><c><d/></c></b></a>"
        #expect(failure(xml, limits: XMLReadLimits(maxDepth: 3))?.problem.contains("nested more than 3") == true)
        #expect(failure(xml, limits: XMLReadLimits(maxDepth: 4)) == nil)
    }

    @Test func sizeLimitIsCheckedFirst() {
        let e = failure("<r>" + String(repeating: "x", count: 2000) + "</r>", limits: XMLReadLimits(maxBytes: 1000))
        #expect(e?.problem.contains("over the 1000-byte limit") == true)
        #expect(e?.place.line == nil)
    }

    @Test(arguments: [
        ("<r>\n<a>\n<b>text\n", 4),           // truncated
        ("<r>\n<a></b>\n</r>", 2),            // mismatched tag
        ("<r>\n\n<a x=1/></r>", 3),           // unquoted attribute
        ("<r>\n&bogus;\n</r>", 2),            // undefined entity
        ("<r/>\n<second/>", 2),               // two roots
        ("<r>\nAT&T\n</r>", 2),               // bare ampersand
    ])
    func malformedXMLGivesALine(xml: String, line: Int) {
        let e = failure(xml)
        #expect(e != nil)
        #expect(e?.place.file == "test.xml")
        #expect(e?.place.line == line, "\(String(describing: e))")
    }
}
