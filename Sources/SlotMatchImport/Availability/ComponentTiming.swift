import SlotMatchCore

/// When a VEVENT or AVAILABLE happens: DTSTART, and its end as DTEND, DTSTART + DURATION, one day for a DATE,
/// else zero length (RFC 5545 §3.6.1, §3.8.2.2; RFC 7953 §3.1 for AVAILABLE), with the zone its times are read in.
struct ComponentTiming: Sendable {
    var start: DateTimeValue
    /// The zone DTSTART is read in: its TZID's rules, or the territory's zone for floating times and dates.
    var zone: ZoneRules
    var end: End
    var place: SourcePlace

    enum End: Sendable {
        /// DTEND given: every instance lasts the same exact time (RFC 5545 §3.8.5.3), days counted on the calendar for dates.
        case exact(seconds: Int64, days: Int)
        /// DURATION given: the same nominal duration for every instance (RFC 5545 §3.8.2.5).
        case nominal(CalendarDuration)
    }

    var startInstant: Instant { start.instant(in: zone) }

    /// The end of an instance starting at `instanceStart`.
    func end(of instanceStart: Instant) -> Instant {
        switch end {
        case .exact(let seconds, let days):
            guard days != 0 else { return instanceStart.adding(seconds: seconds) }
            var local = zone.localTime(of: instanceStart)
            local.date = local.date.adding(days: days)
            return zone.instant(of: local)
        case .nominal(let duration):
            return duration.end(from: instanceStart, in: zone)
        }
    }

    /// Reads the timing of `component`; `zoneOf` resolves a TZID (throwing a clear error when unknown).
    static func read(_ component: CalendarComponent, territory: ZoneRules,
                     zoneOf: (String, SourcePlace) throws(InputError) -> ZoneRules) throws(InputError) -> ComponentTiming {
        try read(component, PropertyIndex(component.properties), territory: territory, zoneOf: zoneOf)
    }

    /// `read` with the component's properties already indexed.
    static func read(_ component: CalendarComponent, _ properties: PropertyIndex, territory: ZoneRules,
                     zoneOf: (String, SourcePlace) throws(InputError) -> ZoneRules) throws(InputError) -> ComponentTiming {
        guard let dtstartProperty = properties.first(.dtstart, in: component) else {
            throw InputError(component.place, "this \(component.name) has no DTSTART",
                             remedy: "Give every \(component.name) a start time (DTSTART), e.g. DTSTART;TZID=Europe/Paris:20261207T090000.")
        }
        let start = try DateTimeValue.parse(dtstartProperty)
        let zone = try zone(of: start, territory: territory, place: dtstartProperty.place, zoneOf: zoneOf)
        let startInstant = start.instant(in: zone)
        let end: End
        if let dtendProperty = properties.first(.dtend, in: component) {
            let endValue = try DateTimeValue.parse(dtendProperty)
            if start.isDate != endValue.isDate {
                throw InputError(dtendProperty.place, "DTEND is \(endValue.isDate ? "a date" : "a date-time") but DTSTART is \(start.isDate ? "a date" : "a date-time")",
                                 remedy: "Write both as dates (VALUE=DATE, all day) or both as date-times.")
            }
            if case .date(let startDate) = start, case .date(let endDate) = endValue {
                let days = endDate.daysSinceEpoch - startDate.daysSinceEpoch
                guard days >= 0 else { throw endBeforeStart(dtendProperty) }
                end = .exact(seconds: 0, days: days)
            } else {
                let endZone = try Self.zone(of: endValue, territory: territory, place: dtendProperty.place, zoneOf: zoneOf)
                let seconds = startInstant.seconds(until: endValue.instant(in: endZone))
                guard seconds >= 0 else { throw endBeforeStart(dtendProperty) }
                end = .exact(seconds: seconds, days: 0)
            }
        } else if let durationProperty = properties.first(.duration, in: component) {
            let duration = try CalendarDuration.parse(durationProperty)
            guard !duration.isNegative else {
                throw InputError(durationProperty.place, "DURATION \(durationProperty.value) is negative",
                                 remedy: "Give a positive duration, e.g. PT3H for three hours.")
            }
            end = .nominal(duration)
        } else if start.isDate {
            end = .exact(seconds: 0, days: 1)   // RFC 5545 §3.6.1: a DATE DTSTART alone lasts the day
        } else {
            end = .exact(seconds: 0, days: 0)   // RFC 5545 §3.6.1: a DATE-TIME DTSTART alone has no length
        }
        return ComponentTiming(start: start, zone: zone, end: end, place: dtstartProperty.place)
    }

    /// The rules a value is read in: UTC for `…Z`, its TZID's, else the territory's (floating, dates).
    static func zone(of value: DateTimeValue, territory: ZoneRules, place: SourcePlace,
                     zoneOf: (String, SourcePlace) throws(InputError) -> ZoneRules) throws(InputError) -> ZoneRules {
        switch value {
        case .utc: return .utc
        case .zoned(_, let tzid): return try zoneOf(tzid, place)
        case .date, .floating: return territory
        }
    }

    static func endBeforeStart(_ property: CalendarProperty) -> InputError {
        InputError(property.place, "\(property.name) \(property.value) is before DTSTART",
                   remedy: "Check the end date and time: it must not be earlier than the start.")
    }
}
