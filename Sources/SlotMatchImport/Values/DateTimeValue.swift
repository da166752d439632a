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
        default: return zone.instant(of: local)
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
    ///
    /// The pieces are read in place from the value's bytes (the property's VALUE and TZID looked up once, no
    /// string per piece); a piece becomes a `String` only for an error message, which is `parse(text:property:)`'s.
    public static func parseList(_ property: CalendarProperty) throws(InputError) -> [DateTimeValue] {
        let context = Context(property)
        var text = property.value
        var values: [DateTimeValue] = []
        var failure: InputError?
        text.withUTF8 { p in
            var first = 0
            for i in 0 ... p.count where i == p.count || p[i] == 0x2C {
                defer { first = i + 1 }
                guard i > first else { continue }   // empty pieces are skipped
                let piece = UnsafeBufferPointer(rebasing: p[first ..< i])
                do throws(InputError) {
                    values.append(try parse(piece, context, property))
                } catch {
                    failure = error
                    return
                }
            }
        }
        if let failure { throw failure }
        guard !values.isEmpty else { throw emptyValue(property) }
        return values
    }

    /// Reads one value written in the context of `property` (its VALUE and TZID parameters, its place).
    public static func parse(text: String, property: CalendarProperty) throws(InputError) -> DateTimeValue {
        let context = Context(property)
        var text = text
        var value: DateTimeValue?
        var failure: InputError?
        text.withUTF8 { p in
            do throws(InputError) { value = try parse(p, context, property) } catch { failure = error }
        }
        if let failure { throw failure }
        guard let value else { throw emptyValue(property) }   // not reached: parse returns or throws
        return value
    }

    /// What a property says about how its values read: `VALUE` (upper-cased, when given) and `TZID`.
    struct Context {
        var valueType: String?
        var tzid: String?

        init(_ property: CalendarProperty) {
            // Most properties have no parameter, or TZID alone: no upper-cased copy unless VALUE is given.
            valueType = property.parameters.isEmpty ? nil : property.parameter("VALUE")?.uppercased()
            tzid = property.parameters.isEmpty ? nil : property.parameter("TZID")
        }
    }

    /// One value from its bytes, with the checks and messages of `parse(text:property:)`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ context: Context, _ property: CalendarProperty) throws(InputError) -> DateTimeValue {
        guard let parsed = parse(buffer: bytes, tzid: context.tzid) else {
            if bytes.isEmpty { throw emptyValue(property) }
            let text = String(decoding: bytes, as: UTF8.self)
            throw InputError(property.place, "\(property.name) has '\(text)', which is not an iCalendar date or date-time",
                             remedy: "Write a date as 20261207 (with ;VALUE=DATE) or a date-time as 20261207T090000, 20261207T080000Z for UTC (RFC 5545 §3.3.5).")
        }
        if let valueType = context.valueType {
            if valueType == "DATE", !parsed.isDate {
                let text = String(decoding: bytes, as: UTF8.self)
                throw InputError(property.place, "\(property.name) says VALUE=DATE but '\(text)' has a time of day",
                                 remedy: "Write only the day (e.g. 20261207), or remove ;VALUE=DATE.")
            }
            if valueType == "DATE-TIME", parsed.isDate {
                let text = String(decoding: bytes, as: UTF8.self)
                throw InputError(property.place, "\(property.name) says VALUE=DATE-TIME but '\(text)' is a date only",
                                 remedy: "Add the time of day (e.g. 20261207T090000), or write ;VALUE=DATE.")
            }
        }
        return parsed
    }

    /// `YYYYMMDD` or `YYYYMMDDTHHMMSS[Z]`, nil when malformed. A TZID on a UTC time is ignored (§3.2.19: it must not be given).
    public static func parse(bytes b: [UInt8], tzid: String?) -> DateTimeValue? {
        b.withUnsafeBufferPointer { parse(buffer: $0, tzid: tzid) }
    }

    /// `parse(bytes:tzid:)` on contiguous bytes.
    static func parse(buffer b: UnsafeBufferPointer<UInt8>, tzid: String?) -> DateTimeValue? {
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
