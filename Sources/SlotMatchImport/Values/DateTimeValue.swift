import SlotMatchCore

/// A DATE or DATE-TIME value (RFC 5545 §3.3.4, §3.3.5) in the form the file gave it.
///
/// The three DATE-TIME forms are kept apart because they resolve differently: `…Z` is UTC; a `TZID`
/// parameter names a zone (resolved later by `TZIDResolver`); neither means floating (SlotMatch reads
/// it in the territory's zone).
public enum DateTimeValue: Sendable, Hashable, CustomStringConvertible {
    /// `VALUE=DATE`: a whole day (§3.3.4).
    case date(CivilDate)
    /// Form #2, UTC time: `19980119T070000Z`.
    case utc(Instant)
    /// Form #3, local time with a time zone reference: `TZID=Europe/Paris:19980119T020000`.
    case zoned(LocalDateTime, tzid: String)
    /// Form #1, floating: `19980118T230000`.
    case floating(LocalDateTime)

    public var isDate: Bool { if case .date = self { return true } else { return false } }

    /// The wall-clock reading as written (midnight for a date; the UTC reading for a UTC time).
    public var local: LocalDateTime {
        switch self {
        case .date(let d): return LocalDateTime(date: d, secondOfDay: 0)
        case .utc(let i): return i.utc
        case .zoned(let l, _), .floating(let l): return l
        }
    }

    /// The TZID the value refers to, if any.
    public var tzid: String? { if case .zoned(_, let tzid) = self { return tzid } else { return nil } }

    /// The instant, reading dates, floating and zoned times in `zone` (the resolved TZID or the territory's zone).
    /// RFC 5545 §3.3.5: a time in a spring-forward gap takes the offset before the gap; a repeated one is its first occurrence.
    public func instant(in zone: ZoneRules) -> Instant {
        switch self {
        case .utc(let i): return i
        default: return zone.wallInstant(of: local)
        }
    }

    public var description: String {
        switch self {
        case .date(let d): return d.iso8601
        case .utc(let i): return i.iso8601
        case .zoned(let l, let tzid): return l.iso8601 + "[" + tzid + "]"
        case .floating(let l): return l.iso8601
        }
    }

    /// Reads DTSTART, DTEND, RECURRENCE-ID, DUE… honouring `VALUE=DATE` and `TZID`.
    public static func parse(_ property: CalendarProperty) throws(InputError) -> DateTimeValue {
        try parse(text: property.value, property: property)
    }

    /// Reads a comma-separated list (EXDATE, RDATE without `VALUE=PERIOD`).
    public static func parseList(_ property: CalendarProperty) throws(InputError) -> [DateTimeValue] {
        var values: [DateTimeValue] = []
        for piece in property.value.utf8.split(separator: 0x2C, omittingEmptySubsequences: true) {
            values.append(try parse(text: String(decoding: piece, as: UTF8.self), property: property))
        }
        guard !values.isEmpty else { throw emptyValue(property) }
        return values
    }

    /// Reads one value written in the context of `property` (its VALUE and TZID parameters, its place).
    public static func parse(text: String, property: CalendarProperty) throws(InputError) -> DateTimeValue {
        let valueType = property.parameter("VALUE")?.uppercased()
        let tzid = property.parameter("TZID")
        let bytes = Array(text.utf8)
        guard let parsed = parse(bytes: bytes, tzid: tzid) else {
            if bytes.isEmpty { throw emptyValue(property) }
            throw InputError(property.place, "\(property.name) has '\(text)', which is not an iCalendar date or date-time",
                             remedy: "Write a date as 20261207 (with ;VALUE=DATE) or a date-time as 20261207T090000, 20261207T080000Z for UTC (RFC 5545 §3.3.5).")
        }
        if valueType == "DATE", !parsed.isDate {
            throw InputError(property.place, "\(property.name) says VALUE=DATE but '\(text)' has a time of day",
                             remedy: "Write only the day (e.g. 20261207), or remove ;VALUE=DATE.")
        }
        if valueType == "DATE-TIME", parsed.isDate {
            throw InputError(property.place, "\(property.name) says VALUE=DATE-TIME but '\(text)' is a date only",
                             remedy: "Add the time of day (e.g. 20261207T090000), or write ;VALUE=DATE.")
        }
        return parsed
    }

    /// `YYYYMMDD` or `YYYYMMDDTHHMMSS[Z]`, nil when malformed. A TZID on a UTC time is ignored (§3.2.19: it must not be given).
    public static func parse(bytes b: [UInt8], tzid: String?) -> DateTimeValue? {
        guard b.count == 8 || b.count == 15 || b.count == 16, let y = ValueDigits.value(b, 0, 4),
              let mo = ValueDigits.value(b, 4, 2), let d = ValueDigits.value(b, 6, 2) else { return nil }
        let date = CivilDate(year: y, month: mo, day: d)
        guard date.isValid else { return nil }
        if b.count == 8 { return .date(date) }
        guard b[8] | 0x20 == 0x74, let h = ValueDigits.value(b, 9, 2), let mi = ValueDigits.value(b, 11, 2), let s = ValueDigits.value(b, 13, 2),
              h < 24, mi < 60, s <= 60 else { return nil }
        // §3.3.5: 60 is a positive leap second; SlotMatch's seconds do not count them.
        let local = LocalDateTime(date: date, secondOfDay: h * 3600 + mi * 60 + min(s, 59))
        if b.count == 16 {
            guard b[15] | 0x20 == 0x7A else { return nil }
            return .utc(Instant(secondsSinceEpoch: local.wallSeconds))
        }
        if let tzid, !tzid.isEmpty { return .zoned(local, tzid: tzid) }
        return .floating(local)
    }

    static func emptyValue(_ property: CalendarProperty) -> InputError {
        InputError(property.place, "\(property.name) has no value", remedy: "Give the date or date-time after the colon, e.g. \(property.name):20261207T090000.")
    }
}
