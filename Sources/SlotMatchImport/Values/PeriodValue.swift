import SlotMatchCore

/// A PERIOD value (RFC 5545 §3.3.9): `19970101T180000Z/19970102T070000Z` (start and end) or
/// `19970101T180000Z/PT5H30M` (start and duration); used by RDATE;VALUE=PERIOD and FREEBUSY.
public struct PeriodValue: Sendable, Hashable {
    public enum End: Sendable, Hashable {
        case end(DateTimeValue)
        case duration(CalendarDuration)
    }

    public var start: DateTimeValue
    public var end: End

    public init(start: DateTimeValue, end: End) { self.start = start; self.end = end }

    /// The end instant, reading local forms in `zone`; a duration's days are nominal (§3.3.6).
    public func endInstant(in zone: ZoneRules) -> Instant {
        switch end {
        case .end(let e): return e.instant(in: zone)
        case .duration(let d): return d.end(from: start.instant(in: zone), in: zone)
        }
    }

    /// Reads every period of a comma-separated list (RDATE;VALUE=PERIOD, FREEBUSY).
    public static func parseList(_ property: CalendarProperty) throws(InputError) -> [PeriodValue] {
        var values: [PeriodValue] = []
        for piece in property.value.utf8.split(separator: 0x2C, omittingEmptySubsequences: true) {
            values.append(try parse(text: String(decoding: piece, as: UTF8.self), property: property))
        }
        guard !values.isEmpty else {
            throw InputError(property.place, "\(property.name) has no period", remedy: "Write a period as 20261207T090000/20261207T120000 or 20261207T090000/PT3H.")
        }
        return values
    }

    /// Reads one period in the context of `property` (its TZID, its place).
    public static func parse(text: String, property: CalendarProperty) throws(InputError) -> PeriodValue {
        let tzid = property.parameter("TZID")
        let parts = text.utf8.split(separator: 0x2F, maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let start = DateTimeValue.parse(bytes: Array(parts[0]), tzid: tzid), !start.isDate else {
            throw InputError(property.place, "\(property.name) has '\(text)', which is not a period",
                             remedy: "Write a period as start/end (20261207T090000/20261207T120000) or start/duration (20261207T090000/PT3H), RFC 5545 §3.3.9.")
        }
        let second = Array(parts[1])
        if let first = second.first, first == 0x50 || first == 0x70 || first == 0x2B || first == 0x2D {
            guard let d = CalendarDuration.parse(text: String(decoding: second, as: UTF8.self)), !d.isNegative else {
                throw InputError(property.place, "the duration in \(property.name) period '\(text)' is not a positive duration",
                                 remedy: "Write the duration as PT3H, PT1H30M or P1D (RFC 5545 §3.3.9: it must be positive).")
            }
            return PeriodValue(start: start, end: .duration(d))
        }
        guard let end = DateTimeValue.parse(bytes: second, tzid: tzid), !end.isDate else {
            throw InputError(property.place, "the end of \(property.name) period '\(text)' is not a date-time",
                             remedy: "Write the end like the start, e.g. 20261207T120000 (RFC 5545 §3.3.9).")
        }
        return PeriodValue(start: start, end: .end(end))
    }
}
