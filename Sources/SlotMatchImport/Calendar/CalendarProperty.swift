import SlotMatchCore

/// One property of a calendar component (`DTSTART;TZID=Europe/Paris:20261207T090000`), with where it was read.
///
/// The value is the iCalendar text form, still TEXT-escaped (`\,` `\;` `\n`): the component model is the
/// same whether the file was iCalendar or xCal, and values are only decoded by the code that knows their type.
public struct CalendarProperty: Sendable, Hashable {
    /// Upper-cased name (`DTSTART`, `RRULE`, `X-SLOT-DURATION`).
    public var name: String
    public var parameters: [CalendarParameter]
    /// The raw value in iCalendar syntax (for xCal, converted to it).
    public var value: String
    /// Where the property starts in its file (iCalendar: first physical line of the unfolded line; xCal: element line).
    public var place: SourcePlace

    public init(name: String, parameters: [CalendarParameter] = [], value: String, place: SourcePlace = SourcePlace()) {
        self.name = name; self.parameters = parameters; self.value = value; self.place = place
    }

    /// The first value of a parameter, by upper-cased name.
    public func parameter(_ name: String) -> String? { parameters.first { $0.name == name }?.value }
}
