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
    public func property(_ name: String) -> CalendarProperty? {
        // Called for every property a reader asks of every component: the byte count (kept in the string) rules
        // out most names before any comparison.
        let count = name.utf8.count
        for property in properties where property.name.utf8.count == count && property.name == name { return property }
        return nil
    }

    /// Every property of that upper-cased name (RDATE, EXDATE, CATEGORIES may repeat).
    public func properties(named name: String) -> [CalendarProperty] { properties.filter { $0.name == name } }

    /// Sub-components of that upper-cased name.
    public func components(named name: String) -> [CalendarComponent] { components.filter { $0.name == name } }
}
