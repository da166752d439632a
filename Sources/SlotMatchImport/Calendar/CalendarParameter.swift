/// One property parameter of an iCalendar content line (`TZID=Europe/Paris`), or its xCal equivalent.
///
/// Values are stored decoded: quotes removed, RFC 6868 `^n ^^ ^'` escapes applied, split on unquoted commas.
/// The first value is held inline (almost every parameter has exactly one), so a parameter costs no array.
public struct CalendarParameter: Sendable, Hashable {
    /// Upper-cased name (`TZID`, `VALUE`, `X-FOO`).
    public var name: String
    /// `values.first`; nil only when there is no value (then `otherValues` is empty too).
    var firstValue: String?
    /// `values.dropFirst()`.
    var otherValues: [String]

    public init(name: String, values: [String]) {
        self.name = name
        firstValue = values.first
        otherValues = values.count > 1 ? Array(values.dropFirst()) : []
    }

    /// The parser's form: `firstValue` nil only when `otherValues` is empty.
    init(name: String, firstValue: String?, otherValues: [String]) {
        self.name = name; self.firstValue = firstValue; self.otherValues = firstValue == nil ? [] : otherValues
    }

    /// A parameter with exactly one value (the parser's common case: no array is made).
    public init(name: String, value: String) { self.name = name; firstValue = value; otherValues = [] }

    /// Every value, in order.
    public var values: [String] {
        get {
            guard let firstValue else { return [] }
            return otherValues.isEmpty ? [firstValue] : [firstValue] + otherValues
        }
        set { self = CalendarParameter(name: name, values: newValue) }
    }

    /// The first value (most parameters have one).
    public var value: String { firstValue ?? "" }

    /// How many values (the same as `values.count`, without building the array).
    public var valueCount: Int { firstValue == nil ? 0 : 1 + otherValues.count }
}
