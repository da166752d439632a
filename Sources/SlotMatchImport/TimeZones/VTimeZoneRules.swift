import SlotMatchCore

/// Builds `ZoneRules` from a calendar's own VTIMEZONE component (RFC 5545 §3.6.5).
///
/// Each STANDARD or DAYLIGHT sub-component gives onsets: its DTSTART, the instances of its RRULE
/// (expanded by the recurrence engine) and its RDATEs. An onset is a local time read with
/// TZOFFSETFROM (the offset in force just before it); from it on, TZOFFSETTO applies. Rules without
/// an end are expanded through `horizonYear`, so the result covers the future like a TZif zone.
public enum VTimeZoneRules {
    public static let defaultHorizonYear = 2100
    /// Onsets one sub-component may produce: about two centuries of changes, far above any real zone.
    public static let maximumOnsets = 5_000

    /// Every VTIMEZONE directly inside `calendar` (or `calendar` itself if it is one), by TZID.
    public static func zones(in calendar: CalendarComponent, horizonYear: Int = defaultHorizonYear) throws(InputError) -> [String: ZoneRules] {
        var zones: [String: ZoneRules] = [:]
        let timeZones = calendar.name == "VTIMEZONE" ? [calendar] : calendar.components(named: "VTIMEZONE")
        for component in timeZones {
            // The same VTIMEZONE (every file of one agenda program carries it) is expanded once.
            let rules = try VTimeZoneMemo.shared.rules(of: component, horizonYear: horizonYear) { () throws(InputError) in
                try Self.rules(from: component, horizonYear: horizonYear)
            }
            zones[rules.identifier] = rules
        }
        return zones
    }

    /// The rules one VTIMEZONE defines; its TZID becomes their identifier.
    public static func rules(from component: CalendarComponent, horizonYear: Int = defaultHorizonYear) throws(InputError) -> ZoneRules {
        guard let tzidProperty = component.property("TZID"), !tzidProperty.value.isEmpty else {
            throw InputError(component.place, "a VTIMEZONE has no TZID",
                             remedy: "Add TZID:<name> to the VTIMEZONE (RFC 5545 §3.6.5), the name the events use in their TZID parameter.")
        }
        let tzid = TextValue.unescape(tzidProperty.value)
        let observances = component.components.filter { $0.name == "STANDARD" || $0.name == "DAYLIGHT" }
        guard !observances.isEmpty else {
            throw InputError(component.place, "the VTIMEZONE \(tzid) has no STANDARD or DAYLIGHT part",
                             remedy: "A VTIMEZONE needs at least one STANDARD or DAYLIGHT component with DTSTART, TZOFFSETFROM and TZOFFSETTO.")
        }
        let horizon = LocalDateTime(date: CivilDate(year: horizonYear + 1, month: 1, day: 1), secondOfDay: 0)
        var onsets: [(instant: Int64, from: Int32, to: Int32)] = []
        for observance in observances {
            try collectOnsets(of: observance, tzid: tzid, until: horizon, into: &onsets)
        }
        onsets.sort { $0.instant < $1.instant }
        // Before the first onset, the offset is the one that onset changes from.
        let initial = onsets.first?.from ?? 0
        return ZoneRules(identifier: tzid, initialOffset: initial, transitions: onsets.map { ($0.instant, $0.to) })
    }

    static func collectOnsets(of observance: CalendarComponent, tzid: String, until horizon: LocalDateTime,
                              into onsets: inout [(instant: Int64, from: Int32, to: Int32)]) throws(InputError) {
        func required(_ name: String) throws(InputError) -> CalendarProperty {
            guard let p = observance.property(name) else {
                throw InputError(observance.place, "the \(observance.name) part of VTIMEZONE \(tzid) has no \(name)",
                                 remedy: "Add \(name) (RFC 5545 §3.6.5: DTSTART, TZOFFSETFROM and TZOFFSETTO are required).")
            }
            return p
        }
        let startProperty = try required("DTSTART")
        let from = try UTCOffsetValue.parse(try required("TZOFFSETFROM")).seconds
        let to = try UTCOffsetValue.parse(try required("TZOFFSETTO")).seconds
        let start: LocalDateTime
        switch try DateTimeValue.parse(startProperty) {
        case .floating(let l): start = l
        case .zoned(let l, _): start = l  // §3.6.5: DTSTART here is local time; a stray TZID is ignored
        case .utc(let i): start = LocalDateTime(wallSeconds: i.secondsSinceEpoch + Int64(from))
        case .date:
            throw InputError(startProperty.place, "DTSTART of the \(observance.name) part of VTIMEZONE \(tzid) is a date without time",
                             remedy: "Write the local time of the change, e.g. DTSTART:19701025T030000 (RFC 5545 §3.6.5).")
        }
        let before = onsets.count
        // §3.6.5: onsets are local times in the offset in force before them, TZOFFSETFROM.
        func add(_ local: LocalDateTime) { onsets.append((local.wallSeconds - Int64(from), from, to)) }
        add(start)

        for rruleProperty in observance.properties(named: "RRULE") {
            let rule: RecurrenceRule
            do { rule = try RecurrenceRule(parsing: rruleProperty.value, at: rruleProperty.place) } catch let error as InputError {
                throw error
            } catch {
                throw InputError(rruleProperty.place, "the RRULE of VTIMEZONE \(tzid) cannot be read", remedy: "Write it as FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU.")
            }
            // A fixed zone of TZOFFSETFROM: readings come back as written and a UTC UNTIL is read with the offset before the onset.
            var expansion = rule.expand(from: start, zone: .fixed(identifier: tzid, offsetSeconds: from))
            var first = true
            while let local = expansion.next() {
                if local >= horizon { break }
                if first { first = false; if local == start { continue } }  // DTSTART is already an onset
                guard onsets.count - before < maximumOnsets else { throw tooMany(observance, tzid) }
                add(local)
            }
        }
        for rdate in observance.properties(named: "RDATE") {
            if rdate.parameter("VALUE")?.uppercased() == "PERIOD" {
                for period in try PeriodValue.parseList(rdate) { add(period.start.local) }
                continue
            }
            for value in try DateTimeValue.parseList(rdate) {
                guard onsets.count - before < maximumOnsets else { throw tooMany(observance, tzid) }
                switch value {
                case .utc(let i): onsets.append((i.secondsSinceEpoch, from, to))
                default: add(value.local)
                }
            }
        }
    }

    static func tooMany(_ observance: CalendarComponent, _ tzid: String) -> InputError {
        InputError(observance.place, "the \(observance.name) part of VTIMEZONE \(tzid) changes the offset more than \(maximumOnsets) times",
                   remedy: "Time zones change a few times a year; check its RRULE (FREQ=YEARLY) or use an IANA name such as Europe/Paris.")
    }
}
