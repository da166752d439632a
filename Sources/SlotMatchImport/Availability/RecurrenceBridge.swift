import SlotMatchCore

/// Where the availability reader meets the recurrence engine: DTSTART, RRULE, RDATE and EXDATE of one
/// master component → its instances overlapping a window (RFC 5545 §3.8.5), through `RecurrenceSet`.
enum RecurrenceBridge {
    /// Longest instance the expansion window is widened by (instances starting before `from` may overlap it).
    static func lengthBound(_ timing: ComponentTiming) -> Int64 {
        switch timing.end {
        case .exact(let seconds, let days): return seconds + Int64(days) * 86_400 + 7200
        case .nominal(let duration): return max(0, duration.nominalSeconds) + 7200
        }
    }

    /// The instances of `master` overlapping `window`, in time order, written into `spans` (emptied first, its
    /// capacity kept: one buffer serves every master of a calendar, no array per master).
    static func instances(of master: CalendarComponent, _ properties: PropertyIndex, timing: ComponentTiming, window: CalendarAvailabilityReader.Window,
                          territory: ZoneRules, limit: Int,
                          zoneOf: (String, SourcePlace) throws(InputError) -> ZoneRules,
                          into spans: inout [InstanceSpan], general: Bool = false) throws(InputError) {
        spans.removeAll(keepingCapacity: true)
        let start = recurrenceStart(timing.start, zone: timing.zone)
        var rules: [RecurrenceRule] = []
        // Each walk starts at the first property of its name (none: no walk), no filtered array per master.
        // (Walked by position, each name read in place: a property is copied only when it is the one sought.)
        for position in Self.from(properties, .rrule, master) ..< master.properties.count
        where Self.isNamed(master.properties[position].name, "RRULE") {
            let property = master.properties[position]
            do { rules.append(try RecurrenceRule(parsing: property.value, at: property.place)) } catch let error as InputError {
                throw error
            } catch {
                throw InputError(property.place, "the RRULE \(property.value) cannot be read", remedy: "Check the rule against RFC 5545 §3.3.10.")
            }
        }
        // RDATE: dates, date-times, and periods (which carry their own end).
        var additions: [RecurrenceStart] = []
        var periodEnds: [Int64: Instant] = [:]
        for position in Self.from(properties, .rdate, master) ..< master.properties.count
        where Self.isNamed(master.properties[position].name, "RDATE") {
            let rdate = master.properties[position]
            if rdate.parameter("VALUE")?.uppercased() == "PERIOD" {
                for period in try PeriodValue.parseList(rdate) {
                    // A floating or date RDATE is read like DTSTART (its zone); TZID and UTC ones by themselves.
                    let zone = try ComponentTiming.zone(of: period.start, territory: timing.zone, place: rdate.place, zoneOf: zoneOf)
                    let s = recurrenceStart(period.start, zone: zone)
                    additions.append(s)
                    periodEnds[s.instant.secondsSinceEpoch] = period.endInstant(in: zone)
                }
            } else {
                for value in try DateTimeValue.parseList(rdate) {
                    let zone = try ComponentTiming.zone(of: value, territory: timing.zone, place: rdate.place, zoneOf: zoneOf)
                    additions.append(recurrenceStart(value, zone: zone))
                }
            }
        }
        var exclusions: [RecurrenceStart] = []
        var excludedDays = Set<Int>()   // EXDATE;VALUE=DATE against a timed series: that whole local day
        for position in Self.from(properties, .exdate, master) ..< master.properties.count
        where Self.isNamed(master.properties[position].name, "EXDATE") {
            let exdate = master.properties[position]
            for value in try DateTimeValue.parseList(exdate) {
                if case .date(let day) = value, !timing.start.isDate { excludedDays.insert(day.daysSinceEpoch); continue }
                let zone = try ComponentTiming.zone(of: value, territory: timing.zone, place: exdate.place, zoneOf: zoneOf)
                exclusions.append(recurrenceStart(value, zone: zone))
            }
        }
        let bound = max(lengthBound(timing), periodEnds.isEmpty ? 0 : periodEnds.map { $0.value.secondsSinceEpoch - $0.key }.max() ?? 0)
        // The instance length when it is the same exact number of seconds for all (DTEND on a timed start, the
        // common case): the end is one addition, without `timing.end(of:)`'s zone look-ups.
        var fixedLength: Int64?
        if case .exact(let seconds, let days) = timing.end, days == 0 { fixedLength = seconds }
        let zone = timing.zone
        var overLimit = false
        var count = 0
        let low = window.from.adding(seconds: -bound)
        if rules.isEmpty && additions.isEmpty && exclusions.isEmpty && excludedDays.isEmpty && !general {
            // RFC 5545 §3.8.5: with no RRULE, RDATE or EXDATE the recurrence set is DTSTART alone. What
            // `RecurrenceSet.forEachOccurrence` would hand over, without building the set: DTSTART's instant when it
            // lies in [low, to); then the general loop's steps for that one instance.
            let startSeconds = start.instant.secondsSinceEpoch
            let lowSeconds = low.secondsSinceEpoch, high = window.to.secondsSinceEpoch
            if lowSeconds < high && startSeconds >= lowSeconds && startSeconds < high {
                let end = fixedLength.map { startSeconds + $0 } ?? timing.end(of: Instant(secondsSinceEpoch: startSeconds)).secondsSinceEpoch
                if window.keeps(startSeconds, end) {
                    spans.append(InstanceSpan(start: startSeconds, end: end))
                    count += 1
                    if count > limit { overLimit = true }
                }
            }
        } else if let fixedLength, excludedDays.isEmpty, periodEnds.isEmpty, !general {
            let set = RecurrenceSet(start: start, rules: rules, additions: additions, exclusions: exclusions)
            // The common case (every instance the same exact length, no whole-day EXDATE, no period): the general
            // loop below with its other branches left out, on integers the closure holds itself (the same spans).
            let from = window.from.secondsSinceEpoch, to = window.to.secondsSinceEpoch
            set.forEachOccurrence(from: low, to: window.to) { instanceStart in
                let start = instanceStart.secondsSinceEpoch
                let end = start + fixedLength
                if start == end ? (start >= from && start < to) : (start < to && end > from) {   // `Window.keeps`
                    spans.append(InstanceSpan(start: start, end: end))
                    count += 1
                    if count > limit { overLimit = true; return false }
                }
                return true
            }
        } else {
            let set = RecurrenceSet(start: start, rules: rules, additions: additions, exclusions: exclusions)
            set.forEachOccurrence(from: low, to: window.to) { instanceStart in
                if !excludedDays.isEmpty, excludedDays.contains(zone.localTime(of: instanceStart).date.daysSinceEpoch) { return true }
                let start = instanceStart.secondsSinceEpoch
                let end: Int64
                // Periods are rare: no hashing per instance when there are none.
                if !periodEnds.isEmpty, let periodEnd = periodEnds[start] {
                    end = periodEnd.secondsSinceEpoch
                } else if let fixedLength {
                    end = start + fixedLength
                } else {
                    end = timing.end(of: instanceStart).secondsSinceEpoch
                }
                if window.keeps(start, end) {
                    spans.append(InstanceSpan(start: start, end: end))
                    count += 1
                    if count > limit { overLimit = true; return false }
                }
                return true
            }
        }
        if overLimit {
            // A hostile or mistaken rule (FREQ=SECONDLY, FREQ=MINUTELY) must fail fast, not fill memory.
            let place = properties.first(.rrule, in: master)?.place ?? master.place
            throw InputError(place, "this \(master.name) repeats more than \(limit) times in the period read",
                             remedy: "Check its RRULE (FREQ=SECONDLY or MINUTELY is almost always a mistake for consultation times).")
        }
    }

    /// Where a walk for `name` starts: its first property, or the end when there is none.
    @inline(__always)
    static func from(_ properties: PropertyIndex, _ name: PropertyIndex.Name, _ master: CalendarComponent) -> Int {
        properties.has(name) ? Int(properties[name]) : master.properties.count
    }

    /// `propertyName == name`, ruling most names out by their byte count first (kept in the string: no compare call).
    @inline(__always)
    static func isNamed(_ propertyName: String, _ name: String) -> Bool {
        propertyName.utf8.count == name.utf8.count && propertyName == name
    }

    static func recurrenceStart(_ value: DateTimeValue, zone: ZoneRules) -> RecurrenceStart {
        switch value {
        case .date(let d): return .date(d, zone)
        case .utc(let i): return .utc(i)
        case .zoned(let l, _): return .zoned(l, zone)
        case .floating(let l): return .floating(l, zone)
        }
    }
}
