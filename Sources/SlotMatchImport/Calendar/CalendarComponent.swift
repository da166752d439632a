import SlotMatchCore

/// A calendar component (`VCALENDAR`, `VEVENT`, `VAVAILABILITY`, `AVAILABLE`, `VTIMEZONE`, `STANDARD`, …):
/// its properties in file order and its sub-components. Both the iCalendar and the xCal readers produce it,
/// so everything downstream (time zones, recurrence, availability) is written once.
public struct CalendarComponent: Sendable, Hashable {
    /// Upper-cased name.
    public var name: String
    public var properties: [CalendarProperty]
    public var components: [CalendarComponent]
    /// Where `BEGIN:` (or the xCal element) was read.
    public var place: SourcePlace

    public init(name: String, properties: [CalendarProperty] = [], components: [CalendarComponent] = [], place: SourcePlace = SourcePlace()) {
        self.name = name; self.properties = properties; self.components = components; self.place = place
    }

    /// The first property of that upper-cased name.
    public func property(_ name: String) -> CalendarProperty? { property(CalendarName(name)) }

    /// The first property of that name, packed once by the caller (`static let dtstart = CalendarName("DTSTART")`):
    /// the same answer as `property(_: String)`, without packing the name per call.
    ///
    /// Called for every property a reader asks of every component: the packed names decide with two integer
    /// compares per property, where `String ==` went through Unicode comparison.
    public func property(_ name: CalendarName) -> CalendarProperty? {
        // By index, so that only the property found is copied (retained).
        properties.withUnsafeBufferPointer { all in
            for i in all.indices where all[i].packedName.matches(name) { return all[i] }
            return nil
        }
    }

    /// Every property of that upper-cased name (RDATE, EXDATE, CATEGORIES may repeat).
    public func properties(named name: String) -> [CalendarProperty] { properties(named: CalendarName(name)) }

    /// Every property of that packed name: the same answer as `properties(named: String)`.
    public func properties(named name: CalendarName) -> [CalendarProperty] { properties.filter { $0.packedName.matches(name) } }

    /// Sub-components of that upper-cased name.
    public func components(named name: String) -> [CalendarComponent] { components.filter { $0.name == name } }
}
