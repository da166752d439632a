import SlotMatchCore

/// A recurrence rule, RFC 5545 §3.3.10 (`FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU`): the value of an RRULE
/// (or EXRULE) property, parsed once and expanded many times.
///
/// Values built with `init(parsing:at:)` are checked against the RFC's grammar and its table of which
/// BYxxx parts each frequency allows. Values built field by field are not checked; the expander reads
/// them defensively (out-of-range numbers never match, an interval below 1 counts as 1).
public struct RecurrenceRule: Sendable, Hashable {
    public var frequency: RecurrenceFrequency
    /// Every `interval`-th period of `frequency` (≥ 1).
    public var interval: Int
    /// The number of instances, DTSTART included; mutually exclusive with `until`.
    public var count: Int?
    public var until: RecurrenceUntil?
    public var bySecond: [Int]
    public var byMinute: [Int]
    public var byHour: [Int]
    public var byDay: [RecurrenceWeekday]
    public var byMonthDay: [Int]
    public var byYearDay: [Int]
    public var byWeekNumber: [Int]
    public var byMonth: [Int]
    public var bySetPosition: [Int]
    /// `WKST`, the first day of the week for WEEKLY intervals and BYWEEKNO (default Monday).
    public var weekStart: Weekday

    public init(
        frequency: RecurrenceFrequency, interval: Int = 1, count: Int? = nil, until: RecurrenceUntil? = nil,
        bySecond: [Int] = [], byMinute: [Int] = [], byHour: [Int] = [], byDay: [RecurrenceWeekday] = [],
        byMonthDay: [Int] = [], byYearDay: [Int] = [], byWeekNumber: [Int] = [], byMonth: [Int] = [],
        bySetPosition: [Int] = [], weekStart: Weekday = .monday
    ) {
        self.frequency = frequency; self.interval = interval; self.count = count; self.until = until
        self.bySecond = bySecond; self.byMinute = byMinute; self.byHour = byHour; self.byDay = byDay
        self.byMonthDay = byMonthDay; self.byYearDay = byYearDay; self.byWeekNumber = byWeekNumber
        self.byMonth = byMonth; self.bySetPosition = bySetPosition; self.weekStart = weekStart
    }

    /// The instances of this rule alone from `start`, in wall-clock time, lazily and in order.
    ///
    /// `start` is the first instance and counts towards COUNT (RFC 5545 §3.8.5.3), whether or not the
    /// rule matches it. `zone` turns readings into instants: it decides UTC `UNTIL` bounds and, unless
    /// `keepsNonexistentTimes`, drops generated readings that fall in a spring-forward gap (§3.3.10).
    /// For a VTIMEZONE STANDARD/DAYLIGHT rule pass `.fixed(…, offsetSeconds: TZOFFSETFROM)`: onsets come
    /// back as wall-clock readings and a UTC UNTIL is read with the offset before the onset.
    public func expand(from start: LocalDateTime, zone: ZoneRules = .utc, keepsNonexistentTimes: Bool = false) -> RecurrenceExpansion {
        RecurrenceExpansion(rule: self, start: start, zone: zone, includesStart: true, keepsNonexistentTimes: keepsNonexistentTimes)
    }

    /// Every wall-clock reading of the rule from `start` up to `end` inclusive, `start` first: for
    /// instance the onsets of a VTIMEZONE STANDARD or DAYLIGHT rule up to a horizon year, with
    /// `zone` = `.fixed(…, offsetSeconds: TZOFFSETFROM)` so that a UTC UNTIL is read as the RFC says.
    public func readings(from start: LocalDateTime, through end: LocalDateTime, zone: ZoneRules = .utc) -> [LocalDateTime] {
        var expansion = expand(from: start, zone: zone, keepsNonexistentTimes: true)
        expansion.limit(through: end)
        var out: [LocalDateTime] = []
        while let next = expansion.next(), next <= end { out.append(next) }
        return out
    }

    /// The RFC 5545 text of the rule, parts in the RFC's usual order (`FREQ=MONTHLY;COUNT=3;BYDAY=1FR`).
    public var icalText: String {
        var parts = ["FREQ=" + frequency.icalName]
        if interval != 1 { parts.append("INTERVAL=\(interval)") }
        if let count { parts.append("COUNT=\(count)") }
        if let until {
            switch until {
            case .date(let d): parts.append("UNTIL=" + RecurrenceRule.compact(d))
            case .local(let l): parts.append("UNTIL=" + RecurrenceRule.compact(l))
            case .utc(let i): parts.append("UNTIL=" + RecurrenceRule.compact(i.utc) + "Z")
            }
        }
        func list(_ name: String, _ values: [Int]) {
            if !values.isEmpty { parts.append(name + "=" + values.map(String.init).joined(separator: ",")) }
        }
        list("BYSECOND", bySecond); list("BYMINUTE", byMinute); list("BYHOUR", byHour)
        if !byDay.isEmpty { parts.append("BYDAY=" + byDay.map(\.description).joined(separator: ",")) }
        list("BYMONTHDAY", byMonthDay); list("BYYEARDAY", byYearDay); list("BYWEEKNO", byWeekNumber)
        list("BYMONTH", byMonth); list("BYSETPOS", bySetPosition)
        if weekStart != .monday { parts.append("WKST=" + weekStart.icalCode) }
        return parts.joined(separator: ";")
    }

    private static func compact(_ d: CivilDate) -> String { d.iso8601.split(separator: "-").joined() }
    private static func compact(_ l: LocalDateTime) -> String {
        compact(l.date) + "T" + l.iso8601.dropFirst(11).split(separator: ":").joined()
    }
}
