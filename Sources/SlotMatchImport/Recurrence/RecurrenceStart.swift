import SlotMatchCore

/// A DTSTART, RDATE or EXDATE value with the zone that gives it an instant: the four kinds of
/// time RFC 5545 §3.3.4–3.3.5 knows.
public enum RecurrenceStart: Sendable, Hashable {
    /// `VALUE=DATE`: a whole day, which begins at local midnight in the given zone.
    case date(CivilDate, ZoneRules)
    /// A floating time (no `Z`, no TZID), read in the zone the caller chooses (the territory's).
    case floating(LocalDateTime, ZoneRules)
    /// A UTC time (`…Z`).
    case utc(Instant)
    /// A time with a TZID.
    case zoned(LocalDateTime, ZoneRules)

    /// The wall-clock reading in which recurrence rules are expanded.
    public var local: LocalDateTime {
        switch self {
        case .date(let d, _): return LocalDateTime(date: d, secondOfDay: 0)
        case .floating(let l, _), .zoned(let l, _): return l
        case .utc(let i): return i.utc
        }
    }

    /// The zone of the wall clock (UTC for `.utc`).
    public var zone: ZoneRules {
        switch self {
        case .date(_, let z), .floating(_, let z), .zoned(_, let z): return z
        case .utc: return .utc
        }
    }

    public var isDate: Bool {
        if case .date = self { return true }
        return false
    }

    /// The instant: RFC 5545 §3.3.5 reads a time in a spring-forward gap with the offset before the
    /// gap and a repeated autumn time as its first occurrence.
    public var instant: Instant {
        // One switch, the zone read in place (not through `zone` and `local`, which copy it).
        switch self {
        case .utc(let i): return i
        case .date(let d, let z): return z.instant(of: LocalDateTime(date: d, secondOfDay: 0))
        case .floating(let l, let z), .zoned(let l, let z): return z.instant(of: l)
        }
    }
}
