import Testing
import SlotMatchCore
@testable import SlotMatchImport

/// `CalendarPractitionerReference` walks the components in place, depth first; here against the walk it replaces
/// (a stack of components, each one's ORGANIZERs filtered into an array), on random trees of ORGANIZERs: the same
/// practitioner, or the same error at the same place (which of two numbers is met first matters).
@Suite struct PractitionerWalkTests {
    static func reference(_ calendar: CalendarComponent) -> Result<RPPS?, InputError> {
        var found: (rpps: RPPS, place: SourcePlace)?
        func note(_ text: String, _ place: SourcePlace, what: String) throws(InputError) {
            let rpps: RPPS
            do { rpps = try RPPS(text) } catch { throw InputError(place, "\(what): \(error.problem)", remedy: error.remedy) }
            if let previous = found, previous.rpps != rpps {
                throw InputError(place, "the file names two practitioners, \(previous.rpps) (at \(previous.place)) and \(rpps)",
                                 remedy: "A published file may only carry one GP's agenda: split it into one file per GP.")
            }
            if found == nil { found = (rpps, place) }
        }
        do throws(InputError) {
            if let property = calendar.property("X-SLOTMATCH-RPPS") { try note(property.value, property.place, what: "X-SLOTMATCH-RPPS") }
            var stack = [calendar]
            while let component = stack.popLast() {
                for organizer in component.properties(named: "ORGANIZER") {
                    if let parameter = organizer.parameter("X-RPPS") {
                        try note(parameter, organizer.place, what: "the ORGANIZER's X-RPPS parameter")
                    } else if let digits = CalendarPractitionerReference.rppsInIdentifier(organizer.value) {
                        try note(digits, organizer.place, what: "the ORGANIZER's RPPS identifier")
                    }
                }
                stack.append(contentsOf: component.components.reversed())
            }
            return .success(found?.rpps)
        } catch {
            return .failure(error)
        }
    }

    static func tree(_ g: inout RandomCalendar.Generator, depth: Int, line: inout Int) -> CalendarComponent {
        var properties: [CalendarProperty] = []
        for _ in 0 ..< g.below(3) {
            line += 1
            let place = SourcePlace(file: "p.ics", line: line)
            switch g.below(5) {
            case 0: properties.append(CalendarProperty(name: "SUMMARY", value: "x", place: place))
            case 1: properties.append(CalendarProperty(name: "ORGANIZER", value: "mailto:a@example.org", place: place))
            case 2: properties.append(CalendarProperty(name: "ORGANIZER", parameters: [CalendarParameter(name: "X-RPPS", values: [g.pick(["10000000017", "10000000025", "123"])])],
                                                       value: "mailto:a@example.org", place: place))
            default: properties.append(CalendarProperty(name: "ORGANIZER", value: "urn:oid:1.2.250.1.71.4.2.1|8" + g.pick(["10000000017", "10000000025"]), place: place))
            }
        }
        var components: [CalendarComponent] = []
        if depth < 3 { for _ in 0 ..< g.below(3) { components.append(tree(&g, depth: depth + 1, line: &line)) } }
        return CalendarComponent(name: depth == 0 ? "VCALENDAR" : g.pick(["VEVENT", "VALARM", "AVAILABLE"]), properties: properties,
                                 components: components, place: SourcePlace(file: "p.ics", line: line))
    }

    @Test(arguments: UInt64(1) ... 60)
    func walkFindsWhatTheStackWalkFinds(_ seed: UInt64) {
        var g = RandomCalendar.Generator(state: seed)
        var line = 0
        var calendar = Self.tree(&g, depth: 0, line: &line)
        if g.chance(30) { calendar.properties.insert(CalendarProperty(name: "X-SLOTMATCH-RPPS", value: "10000000017"), at: 0) }
        let read: Result<RPPS?, InputError>
        do throws(InputError) { read = .success(try CalendarPractitionerReference.practitioner(of: calendar)) } catch { read = .failure(error) }
        #expect(read == Self.reference(calendar))
    }
}
