/// One property parameter of an iCalendar content line (`TZID=Europe/Paris`), or its xCal equivalent.
///
/// Values are stored decoded: quotes removed, RFC 6868 `^n ^^ ^'` escapes applied, split on unquoted commas.
public struct CalendarParameter: Sendable, Hashable {
    /// Upper-cased name (`TZID`, `VALUE`, `X-FOO`).
    public var name: String
    public var values: [String]

    public init(name: String, values: [String]) { self.name = name; self.values = values }

    /// The first value (most parameters have one).
    public var value: String { values.first ?? "" }
}
