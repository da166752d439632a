import Testing
import SlotMatchCore
@testable import SlotMatchImport

/// `DateTimeValue.parseList` and `parse(text:property:)` read their bytes in place; here against the plain reading
/// they replace (split the value on commas into strings, parse each as its own text, with the property's VALUE and
/// TZID), values and errors alike (same message, same place).
@Suite struct DateTimeListTests {
    static func property(_ line: String) -> CalendarProperty {
        let c = try! ContentLine.parse(Array(line.utf8))
        return CalendarProperty(name: c.name, parameters: c.parameters, value: c.value, place: SourcePlace(file: "v.ics", line: 7))
    }

    /// The plain reading, written from RFC 5545 §3.3.4–3.3.5 and §3.2.20 without the in-place shortcuts.
    static func reference(_ property: CalendarProperty) -> Result<[DateTimeValue], InputError> {
        let valueType = property.parameter("VALUE")?.uppercased()
        let tzid = property.parameter("TZID")
        var values: [DateTimeValue] = []
        for piece in property.value.split(separator: ",", omittingEmptySubsequences: true) {
            let text = String(piece)
            guard let parsed = DateTimeValue.parse(bytes: Array(text.utf8), tzid: tzid) else {
                return .failure(InputError(property.place, "\(property.name) has '\(text)', which is not an iCalendar date or date-time",
                                           remedy: "Write a date as 20261207 (with ;VALUE=DATE) or a date-time as 20261207T090000, 20261207T080000Z for UTC (RFC 5545 §3.3.5)."))
            }
            if valueType == "DATE", !parsed.isDate {
                return .failure(InputError(property.place, "\(property.name) says VALUE=DATE but '\(text)' has a time of day",
                                           remedy: "Write only the day (e.g. 20261207), or remove ;VALUE=DATE."))
            }
            if valueType == "DATE-TIME", parsed.isDate {
                return .failure(InputError(property.place, "\(property.name) says VALUE=DATE-TIME but '\(text)' is a date only",
                                           remedy: "Add the time of day (e.g. 20261207T090000), or write ;VALUE=DATE."))
            }
            values.append(parsed)
        }
        if values.isEmpty { return .failure(DateTimeValue.emptyValue(property)) }
        return .success(values)
    }

    static let lines = [
        "EXDATE;TZID=Europe/Paris:20270329T170000",
        "EXDATE;TZID=Europe/Paris:20270329T170000,20270517T170000",
        "EXDATE:20270101T123000Z,20271111T090000Z",
        "EXDATE:20270101T123000",
        "EXDATE;VALUE=DATE:20270101,20270102",
        "EXDATE;value=date:20270101",
        "EXDATE;VALUE=DATE:20270101T090000",
        "EXDATE;VALUE=DATE-TIME:20270101",
        "EXDATE;VALUE=DATE-TIME:20270101T090000Z",
        "EXDATE:,20270101T090000Z,,",
        "EXDATE:",
        "EXDATE:,,",
        "EXDATE:2027010",
        "EXDATE:20270230T090000",
        "EXDATE:20270101T250000",
        "EXDATE:20270101X090000",
        "EXDATE:20270101T090000Z,garbage",
        "EXDATE:20270101T090060",
        "EXDATE;TZID=:20270101T090000",
        "EXDATE;TZID=Europe/Paris:20270101T090000Z",
        "RDATE;TZID=\"Europe/Paris\":20270101t090000,20270102T090000",
        "RDATE:20270101T090000z",
        "EXDATE:20270101T09000é",
        "EXDATE:é",
    ]

    @Test(arguments: lines)
    func listReadsLikeThePlainReading(_ line: String) {
        let property = Self.property(line)
        let read: Result<[DateTimeValue], InputError>
        do throws(InputError) { read = .success(try DateTimeValue.parseList(property)) } catch { read = .failure(error) }
        #expect(read == Self.reference(property), "\(line)")
    }

    @Test(arguments: lines)
    func oneValueReadsLikeThePlainReading(_ line: String) {
        let property = Self.property(line)
        let read: Result<DateTimeValue, InputError>
        do throws(InputError) { read = .success(try DateTimeValue.parse(property)) } catch { read = .failure(error) }
        // One value: the whole text as a single piece (a comma is then malformed, an empty text the empty-value error).
        let expected: Result<DateTimeValue, InputError>
        if property.value.isEmpty {
            expected = .failure(DateTimeValue.emptyValue(property))
        } else if property.value.contains(",") {
            expected = .failure(InputError(property.place, "\(property.name) has '\(property.value)', which is not an iCalendar date or date-time",
                                           remedy: "Write a date as 20261207 (with ;VALUE=DATE) or a date-time as 20261207T090000, 20261207T080000Z for UTC (RFC 5545 §3.3.5)."))
        } else {
            expected = Self.reference(property).map { $0[0] }
        }
        #expect(read == expected, "\(line)")
    }
}
