import Testing
import SlotMatchCore
@testable import SlotMatchImport

@Suite struct PublishedFileFormatTests {
    @Test(arguments: [
        ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", PublishedFileFormat.iCalendar),
        ("\u{FEFF}\r\n  begin:vcalendar\nEND:VCALENDAR\n", .iCalendar),
        ("<?xml version=\"1.0\"?>\n<icalendar xmlns=\"urn:ietf:params:xml:ns:icalendar-2.0\"><vcalendar/></icalendar>", .xCal),
        ("<?xml version=\"1.0\"?><!-- export --><Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"searchset\"/></Bundle>", .fhirXML),
        ("{\n  \"resourceType\" : \"Bundle\", \"type\": \"collection\", \"entry\": []}", .fhirJSON),
        ("{\"id\":\"x\",\"entry\":[],\"resourceType\":\"Bundle\"}", .fhirJSON),
        ("rpps,start,end,mode,visibility,slot_minutes\n10000000018,2026-12-07T09:00,2026-12-07T12:00,AMB,SNP,15\n", .csv),
        ("\"RPPS\";\"Start\";\"End\"\r\n", .csv),
    ])
    func detects(_ text: String, _ expected: PublishedFileFormat) throws {
        #expect(try PublishedFileFormat.detect(Array(text.utf8)) == expected)
    }

    @Test(arguments: [
        ("", "empty"),
        ("   \r\n", "empty"),
        ("<html><body>agenda</body></html>", "neither xCal"),
        ("{\"resourceType\": \"Slot\"}", "not a FHIR Bundle"),
        ("BEGIN:VCARD\r\nEND:VCARD\r\n", "not in a format"),
        ("name,phone\nDr A,0102\n", "not in a format"),
    ])
    func rejects(_ text: String, _ problem: String) {
        #expect {
            _ = try PublishedFileFormat.detect(Array(text.utf8), file: "agenda.txt")
        } throws: { error in
            guard let e = error as? InputError else { return false }
            return e.problem.contains(problem) && e.place.file == "agenda.txt" && !e.remedy.isEmpty
        }
    }
}
