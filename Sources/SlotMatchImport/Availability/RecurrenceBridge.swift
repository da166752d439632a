import SlotMatchCore

/// Where the availability reader meets the recurrence engine: DTSTART, RRULE, RDATE and EXDATE of one
/// master component → its instances within a window.
enum RecurrenceBridge {
    static func instances(of master: CalendarComponent, timing: ComponentTiming, window: CalendarAvailabilityReader.Window,
                          territory: ZoneRules,
                          zoneOf: (String, SourcePlace) throws(InputError) -> ZoneRules) throws(InputError) -> [ComponentInstance] {
        if let rrule = master.property("RRULE") {
            throw InputError(rrule.place, "recurring rules (RRULE) are not read by this build yet",
                             remedy: "Publish the occurrences one by one (RDATE) until recurrence support is installed.")
        }
        var starts: [(Instant, Instant?)] = [(timing.startInstant, nil)]   // start, own end (RDATE periods)
        for rdate in master.properties(named: "RDATE") {
            if rdate.parameter("VALUE")?.uppercased() == "PERIOD" {
                for period in try PeriodValue.parseList(rdate) {
                    let zone = try ComponentTiming.zone(of: period.start, territory: timing.zone, place: rdate.place, zoneOf: zoneOf)
                    starts.append((period.start.instant(in: zone), period.endInstant(in: zone)))
                }
            } else {
                for value in try DateTimeValue.parseList(rdate) {
                    let zone = try ComponentTiming.zone(of: value, territory: timing.zone, place: rdate.place, zoneOf: zoneOf)
                    starts.append((value.instant(in: zone), nil))
                }
            }
        }
        var excluded = Set<Int64>()
        var excludedDays = Set<Int>()   // EXDATE;VALUE=DATE against timed instances: the whole local day
        for exdate in master.properties(named: "EXDATE") {
            for value in try DateTimeValue.parseList(exdate) {
                if case .date(let day) = value, !timing.start.isDate { excludedDays.insert(day.daysSinceEpoch); continue }
                let zone = try ComponentTiming.zone(of: value, territory: timing.zone, place: exdate.place, zoneOf: zoneOf)
                excluded.insert(value.instant(in: zone).secondsSinceEpoch)
            }
        }
        var seen = Set<Int64>()
        var result: [ComponentInstance] = []
        for (start, ownEnd) in starts where !excluded.contains(start.secondsSinceEpoch) && seen.insert(start.secondsSinceEpoch).inserted {
            if !excludedDays.isEmpty, excludedDays.contains(timing.zone.localTime(of: start).date.daysSinceEpoch) { continue }
            let end = ownEnd ?? timing.end(of: start)
            if window.keeps(start, end) { result.append(ComponentInstance(recurrenceID: start, start: start, end: end)) }
        }
        return result
    }
}
