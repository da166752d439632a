/// One logical line as `ICalendarParser`'s first pass read it: a property, a BEGIN or an END, with ranges
/// into the unfolded bytes and the parameter table instead of strings (plain integers: copied as bytes).
///
/// The first pass checks everything (so errors come in line order, as one pass would give them); the second
/// builds the component tree from these records once the shared `CalendarPropertyStorage` exists, reserving
/// each component's arrays to their final size.
struct ContentLineRecord {
    enum Kind: UInt8 { case property, begin, end }

    var kind: Kind
    /// The bytes of the property name, or for BEGIN of the component name (to be upper-cased).
    var nameStart: Int
    var nameEnd: Int
    var valueStart: Int
    var valueEnd: Int
    var parameterStart: Int
    var parameterEnd: Int
    /// Physical line (property: where it starts; BEGIN: of the `BEGIN`).
    var line: Int
    /// BEGIN: the column of `BEGIN`.
    var column: Int
    /// BEGIN: how many properties and sub-components the component holds (known at its END).
    var propertyCount = 0
    var componentCount = 0
}
