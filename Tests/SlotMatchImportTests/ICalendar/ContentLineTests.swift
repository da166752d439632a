import Testing
import SlotMatchImport

@Suite struct ContentLineTests {
    struct Case: Sendable, CustomStringConvertible {
        var line: String
        var name: String
        var parameters: [CalendarParameter]
        var value: String
        var description: String { line }
    }

    @Test(arguments: [
        Case(line: "SUMMARY:Consultation", name: "SUMMARY", parameters: [], value: "Consultation"),
        Case(line: "dtstart;tzid=Europe/Paris:20261207T090000", name: "DTSTART",
             parameters: [CalendarParameter(name: "TZID", values: ["Europe/Paris"])], value: "20261207T090000"),
        Case(line: "DTSTART;TZID=\"/mozilla.org/20070129_1/Europe/Paris\":20261207T090000", name: "DTSTART",
             parameters: [CalendarParameter(name: "TZID", values: ["/mozilla.org/20070129_1/Europe/Paris"])], value: "20261207T090000"),
        Case(line: "ATTENDEE;DELEGATED-FROM=\"mailto:a@x.fr\",\"mailto:b@x.fr\":mailto:c@x.fr", name: "ATTENDEE",
             parameters: [CalendarParameter(name: "DELEGATED-FROM", values: ["mailto:a@x.fr", "mailto:b@x.fr"])], value: "mailto:c@x.fr"),
        Case(line: "X-A;MEMBER=a,b,c;ROLE=CHAIR:v", name: "X-A",
             parameters: [CalendarParameter(name: "MEMBER", values: ["a", "b", "c"]), CalendarParameter(name: "ROLE", values: ["CHAIR"])], value: "v"),
        Case(line: "LOCATION;ALTREP=\"a;b:c,d\":Salle 1; étage 2", name: "LOCATION",
             parameters: [CalendarParameter(name: "ALTREP", values: ["a;b:c,d"])], value: "Salle 1; étage 2"),
        // RFC 6868 §4 example and each escape.
        Case(line: "ATTENDEE;X-ADDR=\"Pl.^n2 rue ^'Haute^' ^^1\":mailto:d@x.fr", name: "ATTENDEE",
             parameters: [CalendarParameter(name: "X-ADDR", values: ["Pl.\n2 rue \"Haute\" ^1"])], value: "mailto:d@x.fr"),
        Case(line: "X-B;P=a^b^:v", name: "X-B", parameters: [CalendarParameter(name: "P", values: ["a^b^"])], value: "v"),
        Case(line: "X-C;P=:", name: "X-C", parameters: [CalendarParameter(name: "P", values: [""])], value: ""),
        Case(line: "DESCRIPTION:a:b;c\\,d", name: "DESCRIPTION", parameters: [], value: "a:b;c\\,d"),
    ])
    func parses(_ c: Case) throws {
        let line = try ContentLine.parse(Array(c.line.utf8))
        #expect(line.name == c.name)
        #expect(line.parameters == c.parameters)
        #expect(line.value == c.value)
    }

    @Test(arguments: [
        ("SUMMARY Consultation", 20),
        (":value", 0),
        (" SUMMARY:x", 0),
        ("SUM MARY:x", 3),
        ("DTSTART;:x", 8),
        ("DTSTART;TZID:x", 12),
        ("DTSTART;TZID=\"Europe/Paris:x", 13),
        ("DTSTART;TZID=Eu\"rope:x", 15),
        ("DTSTART;TZID=\"a\"b:x", 16),
        ("DTSTART;TZID=Europe/Paris", 25),
    ])
    func rejects(line: String, offset: Int) {
        #expect(throws: ContentLineProblem.self) { try ContentLine.parse(Array(line.utf8)) }
        do { _ = try ContentLine.parse(Array(line.utf8)) } catch { #expect(error.offset == offset) }
    }
}
