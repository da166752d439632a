import Testing
import SlotMatchCore
@testable import SlotMatchImport

/// `PropertyIndex` against `CalendarComponent.property(_:)`: for every indexed name, the same first property (or
/// none), on random lists mixing the indexed names, repeated ones, names of the same byte count and others.
@Suite struct PropertyIndexTests {
    static let names = PropertyIndex.Name.allCases.map(\.text)
        + ["DTSTAMP", "SUMMARY", "SEQUENCE", "ORGANIZER", "X-SLOTMATCH-RPPS", "LOCATION", "RDATEX", "UIDS", "X-SLOT-DURATIONS", "EXRULE", "dtstart", ""]

    @Test(arguments: UInt64(1) ... 200)
    func indexFindsWhatPropertyFinds(_ seed: UInt64) {
        var g = RandomCalendar.Generator(state: seed)
        let properties = (0 ..< g.below(16)).map { n in
            CalendarProperty(name: g.pick(Self.names), value: "v\(n)", place: SourcePlace(file: "i.ics", line: n))
        }
        let component = CalendarComponent(name: "VEVENT", properties: properties)
        let index = PropertyIndex(component.properties)
        for name in PropertyIndex.Name.allCases {
            #expect(index.first(name, in: component) == component.property(name.text), "\(name.text) in \(properties.map(\.name))")
            #expect(index.has(name) == (component.property(name.text) != nil))
            #expect(index.value(name, in: component) == component.property(name.text)?.value)
        }
    }
}
