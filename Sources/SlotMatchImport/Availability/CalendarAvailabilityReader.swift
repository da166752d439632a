import SlotMatchCore

/// Reads iCalendar / xCal component trees into `PublishedAvailability`, by the rules of `docs/slot-rules.md` §3:
///
/// - AVAILABLE components of each VAVAILABILITY (recurring too) are windows, combined by RFC 7953 §4
///   (`AvailabilityCombiner`) into available and busy time;
/// - a VEVENT with `TRANSP:TRANSPARENT` and `SNP` among its CATEGORIES is a window;
/// - every other VEVENT that is not `STATUS:CANCELLED` is busy time (all-day `VALUE=DATE` ones too);
/// - RECURRENCE-ID overrides (same UID) move or, with `STATUS:CANCELLED`, remove one instance;
///   with `RANGE=THISANDFUTURE` the change (shift, length, properties, cancellation) applies to every later instance;
/// - `X-SLOT-DURATION`, `X-SLOTMATCH-MODE`, `X-SLOTMATCH-VISIBILITY` set the slot terms (`SlotTerms`);
/// - the practitioner comes from `CalendarPractitionerReference`.
///
/// Floating times and dates are read in `territoryZone`. Everything is expanded over a window [from, to): an
/// occurrence is kept when it overlaps the window (a zero-length one when it starts inside it).
public struct CalendarAvailabilityReader: Sendable {
    /// Resolves a TZID within one VCALENDAR (its own VTIMEZONEs, IANA names, Windows names); nil when unknown.
    public typealias ZoneLookup = @Sendable (_ tzid: String, _ calendar: CalendarComponent) -> ZoneRules?

    /// The zone of floating times and all-day dates (the territory's: Europe/Paris).
    public var territoryZone: ZoneRules
    /// How TZIDs are resolved; nil (the default) means `TZIDResolver(calendar:)`: the file's own VTIMEZONEs,
    /// then IANA names, Windows names, prefixed names (`/mozilla.org/…`), from the system database.
    public var zoneLookup: ZoneLookup?

    /// Most occurrences one VCALENDAR may yield in the window read: far above a year of any real agenda
    /// (a dozen weekly windows are about 600), low enough that a hostile rule fails fast.
    public var maxOccurrences: Int

    public static let defaultMaxOccurrences = 200_000

    /// Takes the general path wherever the reader has a fast one (occurrences sorted by `OccurrenceOrder.sort`,
    /// series grouped by hashing every UID, …). Only for tests, which read the same files both ways and compare.
    var usesGeneralPaths = false

    public init(territoryZone: ZoneRules, zoneLookup: ZoneLookup? = nil, maxOccurrences: Int = CalendarAvailabilityReader.defaultMaxOccurrences) {
        self.territoryZone = territoryZone
        self.zoneLookup = zoneLookup
        self.maxOccurrences = maxOccurrences
    }

    /// UTC by its usual names; nothing else.
    public static let basicZoneLookup: ZoneLookup = { tzid, _ in
        switch tzid.uppercased() { case "UTC", "Z", "ETC/UTC", "GMT", "ETC/GMT": return .utc; default: return nil }
    }

    /// The system's zones without the file's VTIMEZONEs: UTC names, IANA, Windows and prefixed names.
    public static let systemZoneLookup: ZoneLookup = { tzid, calendar in
        basicZoneLookup(tzid, calendar) ?? TZIDResolver(database: .system).rules(for: tzid)
    }

    /// Reads every VCALENDAR of `components` (the parser's top level) over [from, to); one result per VCALENDAR.
    public func read(_ components: [CalendarComponent], file: String, from: Instant, to: Instant) throws(InputError) -> [PublishedAvailability] {
        var ordered = true
        return try read(components, file: file, from: from, to: to, ordered: &ordered)
    }

    /// `read(_:file:from:to:)`; `ordered` tells whether every result is already inside [from, to) and in
    /// `OccurrenceOrder` by construction (no VAVAILABILITY combined: `ExpandedOccurrences.sorted()` of instances
    /// the window kept), so that `PublishedFileReader` need not check it again. False on the general paths.
    func read(_ components: [CalendarComponent], file: String, from: Instant, to: Instant,
              ordered: inout Bool) throws(InputError) -> [PublishedAvailability] {
        var results: [PublishedAvailability] = []
        do throws(InputError) {
            let calendars = components.filter { $0.name == "VCALENDAR" }
            guard !calendars.isEmpty else {
                throw InputError(components.first?.place ?? SourcePlace(file: file, line: 1), "the file holds no VCALENDAR",
                                 remedy: "Export the agenda as an iCalendar file: it starts with BEGIN:VCALENDAR.")
            }
            for calendar in calendars { results.append(try read(calendar: calendar, from: from, to: to, ordered: &ordered)) }
        } catch {
            throw error.inFile(file)
        }
        return results
    }

    /// Reads one VCALENDAR over [from, to).
    public func read(calendar: CalendarComponent, from: Instant, to: Instant) throws(InputError) -> PublishedAvailability {
        var ordered = true
        return try read(calendar: calendar, from: from, to: to, ordered: &ordered)
    }

    /// `read(calendar:from:to:)`, clearing `ordered` unless the result is in the window and sorted by construction.
    func read(calendar: CalendarComponent, from: Instant, to: Instant, ordered: inout Bool) throws(InputError) -> PublishedAvailability {
        let practitioner = try CalendarPractitionerReference.practitioner(of: calendar)
        let calendarTerms = try SlotTerms.read(calendar, inheriting: .default, duration: Self.durationSeconds)
        let territory = territoryZone
        let resolve: (String, SourcePlace) throws(InputError) -> ZoneRules
        if let lookup = zoneLookup {
            resolve = { tzid, place throws(InputError) in
                if let rules = lookup(tzid, calendar) { return rules }
                if tzid == territory.identifier { return territory }
                throw InputError(place, "the time zone \"\(tzid)\" is not known",
                                 remedy: "Use an IANA zone name such as Europe/Paris, or include its VTIMEZONE in the file.")
            }
        } else {
            // RFC 5545 §3.6.5: a TZID names the file's own VTIMEZONE first.
            let resolver = try TZIDResolver(calendar: calendar)
            resolve = { tzid, place throws(InputError) in try resolver.rules(for: tzid, place: place) }
        }
        // A file names one TZID nearly everywhere: the last one resolved is kept (`LastZone`).
        let lastZone = LastZone(initial: territory, resolve: resolve)
        let zoneOf: (String, SourcePlace) throws(InputError) -> ZoneRules = { tzid, place throws(InputError) in
            try lastZone.rules(for: tzid, place: place)
        }
        let window = Window(from: from, to: to)
        var expanded = ExpandedOccurrences()
        var spans: [InstanceSpan] = []

        // VEVENTs: windows (TRANSPARENT + SNP) and busy time.
        var (eventSeries, ranks) = try Self.seriesAndRanks(of: calendar.components, named: "VEVENT", general: usesGeneralPaths)
        for index in eventSeries.indices {
            // Classified once per component (the master, each override), then stamped on its instances.
            try expand(&eventSeries[index], uidRank: ranks[index], window: window, into: &expanded, spans: &spans, zoneOf: zoneOf) { component, uid, properties throws(InputError) in
                if Self.isCancelled(component, properties) { return nil }
                if Self.isSNPWindow(component, properties) {
                    let terms = try SlotTerms.read(component, properties, inheriting: calendarTerms, duration: Self.durationSeconds)
                    return template(.available, component, uid, terms, practitioner)
                }
                return template(.busy, component, uid, calendarTerms, practitioner)
            }
            if expanded.count > maxOccurrences { try checkCount(expanded.count, eventSeries[index]) }
        }

        // VAVAILABILITY: AVAILABLE windows combined by priority (RFC 7953 §4).
        var layers: [AvailabilityLayer] = []
        var bounded = true
        var declaredStart: Instant?, declaredEnd: Instant?
        for availability in calendar.components(named: "VAVAILABILITY") {
            let layer = try readLayer(availability, calendarTerms: calendarTerms, practitioner: practitioner,
                                      window: window, zoneOf: zoneOf)
            if let s = layer.rangeStart, let e = layer.rangeEnd {
                declaredStart = min(declaredStart ?? s, s)
                declaredEnd = max(declaredEnd ?? e, e)
            } else { bounded = false }
            layers.append(layer)
        }
        var occurrences: [PublishedOccurrence]
        if usesGeneralPaths { ordered = false }
        if layers.isEmpty && !usesGeneralPaths {
            // Only VEVENT series: their keys sorted, each occurrence built in its place (the same order as below).
            occurrences = expanded.sorted()
        } else {
            occurrences = expanded.inProductionOrder()
            for var combined in AvailabilityCombiner.combine(layers, from: from, to: to) {
                combined.practitioner = practitioner
                occurrences.append(combined)
            }
            OccurrenceOrder.sort(&occurrences)   // by start, end, kind, UID
            ordered = false
        }
        var declared: (start: Instant, end: Instant)?
        if bounded, let start = declaredStart, let end = declaredEnd { declared = (start, end) }
        return PublishedAvailability(practitioner: practitioner, declaredRange: declared, occurrences: occurrences)
    }

    // MARK: - VAVAILABILITY

    func readLayer(_ availability: CalendarComponent, calendarTerms: SlotTerms, practitioner: RPPS?, window: Window,
                   zoneOf: (String, SourcePlace) throws(InputError) -> ZoneRules) throws(InputError) -> AvailabilityLayer {
        let uid = availability.property("UID").map { TextValue.unescape($0.value) } ?? "VAVAILABILITY@\(availability.place)"
        var rangeStart: Instant?, rangeEnd: Instant?
        if availability.property("DTSTART") != nil {
            let timing = try ComponentTiming.read(availability, territory: territoryZone, zoneOf: zoneOf)
            rangeStart = timing.startInstant
            if availability.property("DTEND") != nil || availability.property("DURATION") != nil {
                rangeEnd = timing.end(of: timing.startInstant)
            }
        } else if let dtend = availability.property("DTEND") {
            let value = try DateTimeValue.parse(dtend)
            rangeEnd = value.instant(in: try ComponentTiming.zone(of: value, territory: territoryZone, place: dtend.place, zoneOf: zoneOf))
        }
        var busyType = BusyType.busyUnavailable   // RFC 7953 §3.2: BUSYTYPE defaults to BUSY-UNAVAILABLE
        if let property = availability.property("BUSYTYPE") {
            guard let read = BusyType(code: property.value) else {
                throw InputError(property.place, "BUSYTYPE \(property.value) is not one of BUSY, BUSY-UNAVAILABLE, BUSY-TENTATIVE",
                                 remedy: "Write BUSYTYPE:BUSY-UNAVAILABLE (the default), BUSY or BUSY-TENTATIVE.")
            }
            busyType = read
        }
        var priority = 0   // RFC 5545 §3.8.1.9: absent means 0, undefined
        if let property = availability.property("PRIORITY") {
            guard let value = Int(property.value.trimmingSpaces), (0 ... 9).contains(value) else {
                throw InputError(property.place, "PRIORITY \(property.value) is not a number from 0 to 9",
                                 remedy: "Write PRIORITY:1 for the highest priority … 9 for the lowest, or 0 (undefined, lowest of all).")
            }
            priority = value
        }
        let layerTerms = try SlotTerms.read(availability, inheriting: calendarTerms, duration: Self.durationSeconds)
        var expanded = ExpandedOccurrences()
        var spans: [InstanceSpan] = []
        for var series in try Self.seriesAndRanks(of: availability.components, named: "AVAILABLE", general: usesGeneralPaths).series {
            // The layer keeps production order (the combiner reads it as such): no UID rank needed.
            try expand(&series, uidRank: 0, window: window, into: &expanded, spans: &spans, zoneOf: zoneOf) { component, uid, properties throws(InputError) in
                if Self.isCancelled(component, properties) { return nil }
                let terms = try SlotTerms.read(component, properties, inheriting: layerTerms, duration: Self.durationSeconds)
                return template(.available, component, uid, terms, practitioner)
            }
            try checkCount(expanded.count, series)
        }
        return AvailabilityLayer(uid: uid, rangeStart: rangeStart, rangeEnd: rangeEnd, busyType: busyType,
                                 priority: priority, available: expanded.inProductionOrder(), place: availability.place)
    }

    // MARK: - Series and overrides

    /// The window the reader expands over, with the overlap rule.
    struct Window {
        var from: Instant
        var to: Instant
        func keeps(_ start: Instant, _ end: Instant) -> Bool {
            start == end ? (start >= from && start < to) : (start < to && end > from)
        }
        /// `keeps` on UTC seconds.
        @inline(__always)
        func keeps(_ start: Int64, _ end: Int64) -> Bool {
            let from = from.secondsSinceEpoch, to = to.secondsSinceEpoch
            return start == end ? (start >= from && start < to) : (start < to && end > from)
        }
    }

    /// The instances of a series within the window, each with the component that defines it (the master, or the
    /// override that replaced it). RFC 5545 §3.8.4.4: an override replaces the instance whose original start equals
    /// its RECURRENCE-ID.
    /// `template` classifies a component once (nil: it yields nothing, e.g. cancelled); each instance gets its times.
    /// Produced in this order: the overrides' instances (file order), then the master's (time order); `spans` is a
    /// buffer the caller keeps for every series (no array per series).
    /// (`series` is `inout` only so that the caller's array element is used in place, not copied: it is not changed.)
    func expand(_ series: inout Series, uidRank: UInt64, window: Window, into result: inout ExpandedOccurrences,
                spans: inout [InstanceSpan],
                zoneOf: (String, SourcePlace) throws(InputError) -> ZoneRules,
                template: (_ component: CalendarComponent, _ uid: String, _ properties: PropertyIndex) throws(InputError) -> PublishedOccurrence?) throws(InputError) {
        var replaced: [Int64] = []
        var masterZone = territoryZone
        var masterTiming: ComponentTiming?
        if let master = series.master {
            let timing = try ComponentTiming.read(master, series.masterIndex, territory: territoryZone, zoneOf: zoneOf)
            masterTiming = timing
            masterZone = timing.zone
        }
        var futures: [FutureChange] = []
        for (position, override) in series.overrides.enumerated() {
            let properties = series.overrideIndexes[position]
            guard let ridProperty = properties.first(.recurrenceID, in: override) else { continue }
            var thisAndFuture = false
            if let range = ridProperty.parameter("RANGE") {
                // RFC 5545 §3.2.13: RANGE=THISANDFUTURE is the only value allowed (THISANDPRIOR is deprecated).
                guard range.uppercased() == "THISANDFUTURE" else {
                    throw InputError(ridProperty.place, "RECURRENCE-ID;RANGE=\(range) is not a valid range",
                                     remedy: "Write RANGE=THISANDFUTURE to change this and later occurrences, or leave RANGE out to change only this one.")
                }
                thisAndFuture = true
            }
            let rid = try DateTimeValue.parse(ridProperty)
            let ridZone: ZoneRules
            switch rid {
            case .floating, .date: ridZone = masterZone   // read like the DTSTART it names
            default: ridZone = try ComponentTiming.zone(of: rid, territory: territoryZone, place: ridProperty.place, zoneOf: zoneOf)
            }
            let key = rid.instant(in: ridZone)
            let overrideTemplate = try template(override, series.overrideUIDs[position], properties)
            var timing: ComponentTiming?
            if overrideTemplate != nil {
                if properties.has(.dtstart) {
                    timing = try ComponentTiming.read(override, properties, territory: territoryZone, zoneOf: zoneOf)
                } else if let masterTiming {
                    // An override without DTSTART keeps the original time of the instance (and the master's length).
                    var t = masterTiming
                    t.start = .utc(key)
                    timing = t
                } else {
                    throw InputError(override.place, "this changed occurrence has no DTSTART and no recurring \(override.name) with UID \(series.uid)",
                                     remedy: "Give the occurrence its start time (DTSTART), or publish the recurring event it changes.")
                }
            }
            if thisAndFuture {
                guard series.master != nil else {
                    throw InputError(ridProperty.place, "RANGE=THISANDFUTURE changes a series, but no recurring \(override.name) has the UID \(series.uid)",
                                     remedy: "Publish the recurring \(override.name) together with its change.")
                }
                let shift = timing.map { key.seconds(until: $0.startInstant) } ?? 0
                let changeTemplate = overrideTemplate.map { result.addTemplate($0, uidRank: uidRank) }
                futures.append(FutureChange(recurrenceID: key.secondsSinceEpoch, shift: shift, timing: timing, template: changeTemplate))
                continue
            }
            replaced.append(key.secondsSinceEpoch)
            guard let overrideTemplate, let timing else { continue }   // STATUS:CANCELLED: the instance is removed
            let start = timing.startInstant
            let end = timing.end(of: start)
            if window.keeps(start, end) {
                let t = result.addTemplate(overrideTemplate, uidRank: uidRank)
                result.append(t, start: start.secondsSinceEpoch, end: end.secondsSinceEpoch)
            }
        }
        guard let master = series.master, let timing = masterTiming else { return }
        let masterTemplate = try template(master, series.masterUID, series.masterIndex).map { result.addTemplate($0, uidRank: uidRank) }
        futures.sort { $0.recurrenceID < $1.recurrenceID }
        // Shifted instances may come from outside the window: expand over the window widened by the largest shift.
        let reach = futures.reduce(Int64(0)) { max($0, abs($1.shift)) }
        let wide = Window(from: window.from.adding(seconds: -reach), to: window.to.adding(seconds: reach))
        try RecurrenceBridge.instances(of: master, series.masterIndex, timing: timing, window: reach == 0 ? window : wide, territory: territoryZone,
                                       limit: maxOccurrences, zoneOf: zoneOf, into: &spans, general: usesGeneralPaths)
        if replaced.isEmpty && futures.isEmpty {
            // The common case: every instance is the master's, already inside the window.
            guard let masterTemplate else { return }
            result.append(masterTemplate, spans: spans)
            return
        }
        // A few overrides per series: a linear look-up; many (a generated file), or the general path: a set.
        let replacedSet: Set<Int64>? = replaced.count > 16 || usesGeneralPaths ? Set(replaced) : nil
        for span in spans {
            let rid = span.start
            if let replacedSet { if replacedSet.contains(rid) { continue } } else if replaced.contains(rid) { continue }
            // RFC 5545 §3.8.4.4, RANGE=THISANDFUTURE: the latest such change at or before this instance applies to it,
            // shifting its start by the change's offset and giving it the change's length and properties.
            if let change = futures.last(where: { $0.recurrenceID <= rid }) {
                guard let changeTemplate = change.template, let changeTiming = change.timing else { continue }
                let start = Instant(secondsSinceEpoch: rid).adding(seconds: change.shift)
                let end = changeTiming.end(of: start)
                if window.keeps(start, end) { result.append(changeTemplate, start: start.secondsSinceEpoch, end: end.secondsSinceEpoch) }
            } else if let masterTemplate, window.keeps(span.start, span.end) {
                result.append(masterTemplate, start: span.start, end: span.end)
            }
        }
    }

    func checkCount(_ count: Int, _ series: Series) throws(InputError) {
        guard count > maxOccurrences else { return }
        throw InputError(series.master?.place ?? series.overrides.first?.place ?? SourcePlace(),
                         "the calendar yields more than \(maxOccurrences) occurrences in the period read (reached at UID \(series.uid))",
                         remedy: "Publish a shorter period, or check the recurring rules for a mistake such as FREQ=MINUTELY.")
    }

    /// A RECURRENCE-ID;RANGE=THISANDFUTURE override: what it does to its instance and every later one.
    struct FutureChange {
        var recurrenceID: Int64
        /// Seconds from the original start to the new one (RFC 5545 §3.8.4.4: later instances shift by as much).
        var shift: Int64
        /// The changed timing (nil when cancelled).
        var timing: ComponentTiming?
        /// The changed properties, as a template of the reader's `ExpandedOccurrences` (nil: STATUS:CANCELLED,
        /// this and every later instance removed).
        var template: Int32?
    }

    // MARK: - Classification

    /// `uid`: the component's own UID unescaped (`Series` keeps it), or `NAME@line N` for a component without one.
    func template(_ kind: PublishedOccurrence.Kind, _ component: CalendarComponent, _ uid: String,
                  _ terms: SlotTerms, _ practitioner: RPPS?) -> PublishedOccurrence {
        return PublishedOccurrence(kind: kind, component: component.name, uid: uid, start: Instant(secondsSinceEpoch: 0),
                                   end: Instant(secondsSinceEpoch: 0),
                                   mode: terms.mode, visibility: terms.visibility,
                                   slotLengthSeconds: kind == .available ? terms.slotLengthSeconds : nil,
                                   practitioner: practitioner, place: component.place)
    }

    static func isCancelled(_ component: CalendarComponent, _ properties: PropertyIndex) -> Bool {
        properties.value(.status, in: component).map { isWord($0, "CANCELLED") } ?? false
    }

    /// TRANSP:TRANSPARENT and `SNP` (any case) among the items of any CATEGORIES property.
    static func isSNPWindow(_ component: CalendarComponent, _ properties: PropertyIndex) -> Bool {
        guard let transp = properties.value(.transp, in: component), isWord(transp, "TRANSPARENT") else { return false }
        guard properties.has(.categories) else { return false }
        for index in Int(properties[.categories]) ..< component.properties.count
        where RecurrenceBridge.isNamed(component.properties[index].name, "CATEGORIES") {
            if listContainsWord(component.properties[index].value, "SNP") { return true }
        }
        return false
    }

    /// `TextValue.splitList(list).contains { isWord($0, word) }`, read in place when `list` has no backslash (no
    /// escape to decode: the items are the bytes between commas) and every item is plain ASCII; anything else takes
    /// that general reading, which gives the same answer.
    static func listContainsWord(_ list: String, _ word: StaticString) -> Bool {
        var bytes = list
        let plain: Bool? = bytes.withUTF8 { p -> Bool? in
            if TextValue.hasBackslash(p) { return nil }
            var found = false
            var first = 0
            for i in 0 ... p.count where i == p.count || p[i] == 0x2C {
                guard let match = plainWord(p, first ..< i, word) else { return nil }
                if match { found = true }
                first = i + 1
            }
            return found
        }
        if let plain { return plain }
        for item in TextValue.splitList(list) where isWord(item, word) { return true }
        return false
    }

    /// `text.trimmingSpaces.uppercased() == word` (`word` in upper-case ASCII), without building two strings per
    /// component when `text` is plain ASCII; anything else (non-ASCII, a carriage return) takes that general reading.
    static func isWord(_ text: String, _ word: StaticString) -> Bool {
        var bytes = text
        let plain: Bool? = bytes.withUTF8 { plainWord($0, 0 ..< $0.count, word) }
        return plain ?? (text.trimmingSpaces.uppercased() == word.description)
    }

    /// `isWord` on the bytes `range` of `p`: nil when they are not plain ASCII (or hold a carriage return).
    /// (`word` a static string: its bytes read straight from the binary, no String iterator.)
    static func plainWord(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ word: StaticString) -> Bool? {
        var start = range.lowerBound, end = range.upperBound
        while start < end, p[start] == 0x20 || p[start] == 0x09 || p[start] == 0x0A { start += 1 }
        while end > start, p[end - 1] == 0x20 || p[end - 1] == 0x09 || p[end - 1] == 0x0A { end -= 1 }
        let letters = word.utf8Start, count = word.utf8CodeUnitCount
        var matches = end - start == count
        for i in start ..< end {
            let b = p[i]
            if b >= 0x80 || b == 0x0D { return nil }
            let upper = b >= 0x61 && b <= 0x7A ? b - 0x20 : b
            if matches && letters[i - start] != upper { matches = false }
        }
        return matches
    }

    /// `X-SLOT-DURATION` as exact seconds (days count 86 400 s: a slot is never stretched by a DST change).
    static func durationSeconds(_ property: CalendarProperty) throws(InputError) -> Int64 {
        let duration = try CalendarDuration.parse(property)
        return duration.nominalSeconds
    }
}
