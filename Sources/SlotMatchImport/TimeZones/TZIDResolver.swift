import SlotMatchCore
import SlotMatchConfig

/// Turns the TZID parameter of a property into `ZoneRules`.
///
/// Order (RFC 5545 §3.2.19, §3.6.5: a TZID names the file's own VTIMEZONE when it defines one):
/// 1. a zone defined by the calendar's VTIMEZONE with exactly that TZID;
/// 2. an IANA name (`Europe/Paris`);
/// 3. a Windows name or Outlook display name (`Romance Standard Time`);
/// 4. a prefixed name (`/mozilla.org/20070129_1/Europe/Paris`, `/softwarestudio.org/…/America/New_York`):
///    the trailing `Area/Location` (or `Area/Sub/Location`);
/// 5. an IANA name with the wrong letter case (`europe/paris`).
/// Anything else is an `InputError` that suggests the IANA name to write.
public struct TZIDResolver: Sendable {
    public let database: ZoneInfoDatabase
    /// Zones defined by the calendar's own VTIMEZONE components, by TZID.
    public let calendarZones: [String: ZoneRules]

    public init(database: ZoneInfoDatabase = .system, calendarZones: [String: ZoneRules] = [:]) {
        self.database = database
        self.calendarZones = calendarZones
    }

    /// The zone `tzid` names, or nil when none of the rules above finds it.
    public func rules(for tzid: String) -> ZoneRules? {
        let name = Self.cleaned(tzid)
        guard !name.isEmpty else { return nil }
        if let own = calendarZones[name] ?? calendarZones[tzid] { return own }
        if let iana = database.rules(for: name) { return iana }
        if let windows = WindowsZoneNames.ianaIdentifier(for: name), let rules = database.rules(for: windows) { return rules }
        let parts = name.split(separator: "/", omittingEmptySubsequences: true)
        if name.hasPrefix("/") || parts.count > 3 {
            for count in stride(from: min(3, parts.count), through: 1, by: -1) {
                let tail = parts.suffix(count).joined(separator: "/")
                if let own = calendarZones[tail] { return own }
                if let rules = database.rules(for: tail) { return rules }
            }
        }
        if let match = database.identifier(matchingCaseInsensitively: name) { return database.rules(for: match) }
        return nil
    }

    /// The zone `tzid` names, or an error at `place` saying which IANA name to use instead.
    public func rules(for tzid: String, place: SourcePlace) throws(InputError) -> ZoneRules {
        if let rules = rules(for: tzid) { return rules }
        let hint = suggestion(for: tzid).map { "did you mean \($0)? " } ?? ""
        throw InputError(place, "the time zone '\(tzid)' is not known (no VTIMEZONE in the file defines it, and it is not an IANA or Windows zone name)",
                         remedy: "Write an IANA zone name in TZID, \(hint)e.g. TZID=Europe/Paris, or include the VTIMEZONE the export left out.")
    }

    /// The zone of a property's TZID parameter, nil when it has none.
    public func rules(for property: CalendarProperty) throws(InputError) -> ZoneRules? {
        guard let tzid = property.parameter("TZID") else { return nil }
        return try rules(for: tzid, place: property.place)
    }

    /// An IANA name whose last part matches the last word of `tzid` (`Paris` → `Europe/Paris`).
    public func suggestion(for tzid: String) -> String? {
        let cleaned = Self.cleaned(tzid)
        guard let last = cleaned.split(whereSeparator: { $0 == "/" || $0 == "," || $0 == " " || $0 == ")" }).last else { return nil }
        let city = last.lowercased().replacingSpaces()
        guard city.count >= 3 else { return nil }
        let names = database.identifiers()
        return names.first { $0.split(separator: "/").last.map { $0.lowercased() == city } ?? false && !$0.hasPrefix("posix/") && !$0.hasPrefix("right/") }
            ?? names.first { $0.lowercased().contains(city) && $0.contains("/") }
    }

    /// Quotes and surrounding spaces removed (the parser already unquotes; xCal and hand-made values may not).
    static func cleaned(_ tzid: String) -> String {
        var s = Substring(tzid)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        if s.count >= 2, s.first == "\"", s.last == "\"" { s = s.dropFirst().dropLast() }
        return String(s)
    }
}

extension String {
    fileprivate func replacingSpaces() -> String { String(map { $0 == " " ? "_" : $0 }) }
}

extension TZIDResolver {
    /// A resolver that knows the VTIMEZONEs defined in `calendar` (RFC 5545 §3.6.5), then the system zones.
    public init(calendar: CalendarComponent, database: ZoneInfoDatabase = .system,
                horizonYear: Int = VTimeZoneRules.defaultHorizonYear) throws(InputError) {
        self.init(database: database, calendarZones: try VTimeZoneRules.zones(in: calendar, horizonYear: horizonYear))
    }
}

extension TZIDResolver {
    /// The zone a value is read in: its TZID's zone, `floatingZone` (the territory's) for floating times and
    /// dates, UTC for UTC times.
    public func zone(for value: DateTimeValue, floatingZone: ZoneRules, place: SourcePlace) throws(InputError) -> ZoneRules {
        switch value {
        case .utc: return .utc
        case .date, .floating: return floatingZone
        case .zoned(_, let tzid): return try rules(for: tzid, place: place)
        }
    }

    /// The instant of a value (RFC 5545 §3.3.5: a gap time takes the offset before the gap, a repeated time its first occurrence).
    public func instant(of value: DateTimeValue, floatingZone: ZoneRules, place: SourcePlace) throws(InputError) -> Instant {
        value.instant(in: try zone(for: value, floatingZone: floatingZone, place: place))
    }
}
