import Testing
import SlotMatchCore
import SlotMatchConfig
import SlotMatchImport

@Suite struct TZIDResolverTests {
    static let resolver = TZIDResolver()
    static let july = Instant.parseISO8601("2026-07-01T12:00:00Z")!
    static let january = Instant.parseISO8601("2026-01-15T12:00:00Z")!

    @Test(arguments: [
        ("Romance Standard Time", "Europe/Paris"),
        ("W. Europe Standard Time", "Europe/Berlin"),
        ("GMT Standard Time", "Europe/London"),
        ("Central Europe Standard Time", "Europe/Budapest"),
        ("Central European Standard Time", "Europe/Warsaw"),
        ("E. Europe Standard Time", "Europe/Chisinau"),
        ("FLE Standard Time", "Europe/Kyiv"),
        ("GTB Standard Time", "Europe/Bucharest"),
        ("Eastern Standard Time", "America/New_York"),
        ("Pacific Standard Time", "America/Los_Angeles"),
        ("UTC", "Etc/UTC"),
        ("romance standard time", "Europe/Paris"),
        ("(UTC+01:00) Brussels, Copenhagen, Madrid, Paris", "Europe/Paris"),
    ])
    func windowsNames(windows: String, iana: String) throws {
        #expect(WindowsZoneNames.ianaIdentifier(for: windows) == iana)
        let rules = try #require(Self.resolver.rules(for: windows))
        let reference = try #require(ZoneInfoDatabase.system.rules(for: iana))
        #expect(rules.offset(at: Self.july) == reference.offset(at: Self.july))
        #expect(rules.offset(at: Self.january) == reference.offset(at: Self.january))
    }

    @Test func everyWindowsMappingNamesAZoneOfTheSystemDatabase() {
        for (windows, iana) in WindowsZoneNames.mapping + WindowsZoneNames.displayNames.map({ ($0.display, $0.iana) }) {
            #expect(ZoneInfoDatabase.system.rules(for: iana) != nil, "\(windows) → \(iana)")
        }
        // Every European zone of the IANA database whose offsets Windows covers has a Windows name mapped to it or to a zone with its rules.
        let europeanWindowsTargets = Set(WindowsZoneNames.mapping.map(\.iana).filter { $0.hasPrefix("Europe/") })
        #expect(europeanWindowsTargets.isSuperset(of: ["Europe/Paris", "Europe/Berlin", "Europe/London", "Europe/Warsaw", "Europe/Budapest",
                                                       "Europe/Bucharest", "Europe/Kyiv", "Europe/Chisinau", "Europe/Moscow", "Europe/Istanbul",
                                                       "Europe/Minsk", "Europe/Kaliningrad", "Europe/Samara"]))
    }

    @Test(arguments: [
        ("Europe/Paris", 7200), ("\"Europe/Paris\"", 7200), (" Europe/Paris ", 7200),
        ("/mozilla.org/20070129_1/Europe/Paris", 7200), ("/mozilla.org/20050126_1/America/New_York", -14400),
        ("/softwarestudio.org/Olson_20011030_5/America/Argentina/Buenos_Aires", -10800),
        ("/freeassociation.sourceforge.net/Tzfile/Europe/London", 3600), ("/Europe/Paris", 7200),
        ("europe/paris", 7200), ("Asia/Kolkata", 19800), ("UTC", 0), ("Etc/GMT-1", 3600),
    ])
    func ianaAndPrefixedNames(tzid: String, julyOffset: Int32) throws {
        let rules = try #require(Self.resolver.rules(for: tzid))
        #expect(rules.offset(at: Self.july) == julyOffset)
    }

    @Test func theCalendarsOwnVTimeZoneWins() throws {
        // RFC 5545 §3.2.19: the TZID refers to the VTIMEZONE of the same calendar, even when it looks like an IANA name.
        let own = ZoneRules.fixed(identifier: "Europe/Paris", offsetSeconds: 5 * 3600)
        let resolver = TZIDResolver(calendarZones: ["Europe/Paris": own, "Custom Zone": own])
        #expect(resolver.rules(for: "Europe/Paris")?.offset(at: Self.july) == Int32(18_000))
        #expect(resolver.rules(for: "Custom Zone") == own)
        #expect(TZIDResolver().rules(for: "Custom Zone") == nil)
    }

    @Test(arguments: [
        ("Paris", "Europe/Paris"), ("Europe/Pariss", nil), ("Heure de Paris", "Europe/Paris"), ("New York", "America/New_York"),
        ("../../etc/passwd", nil), ("Mars/Olympus_Mons", nil),
    ] as [(String, String?)])
    func unknownZonesAreErrorsWithASuggestion(tzid: String, suggestion: String?) {
        let place = SourcePlace(file: "gp.ics", line: 12)
        do {
            _ = try Self.resolver.rules(for: tzid, place: place)
            Issue.record("resolved \(tzid)")
        } catch {
            #expect(error.place == place)
            #expect(error.problem.contains(tzid))
            #expect(error.remedy.contains("Europe/Paris"))
            if let suggestion { #expect(error.remedy.contains("did you mean \(suggestion)?")) }
        }
    }

    @Test func propertiesWithoutTZIDHaveNoZone() throws {
        #expect(try Self.resolver.rules(for: CalendarProperty(name: "DTSTART", value: "20261207T090000")) == nil)
        let p = CalendarProperty(name: "DTSTART", parameters: [CalendarParameter(name: "TZID", values: ["Romance Standard Time"])], value: "x")
        #expect(try Self.resolver.rules(for: p)?.offset(at: Self.july) == 7200)
    }

    @Test func readsValuesInTheirZones() throws {
        let place = SourcePlace(file: "gp.ics", line: 3)
        let paris = try #require(ZoneInfoDatabase.system.rules(for: "Europe/Paris"))
        let zoned = DateTimeValue.zoned(LocalDateTime(year: 2026, month: 7, day: 1, hour: 9), tzid: "Romance Standard Time")
        #expect(try Self.resolver.instant(of: zoned, floatingZone: .utc, place: place) == Instant.parseISO8601("2026-07-01T07:00:00Z"))
        let floating = DateTimeValue.floating(LocalDateTime(year: 2026, month: 1, day: 5, hour: 9))
        #expect(try Self.resolver.instant(of: floating, floatingZone: paris, place: place) == Instant.parseISO8601("2026-01-05T08:00:00Z"))
        // RFC 5545 §3.3.5: 02:30 on 2026-03-29 does not exist in Paris; it is read with the offset before the gap (+01:00).
        let gap = DateTimeValue.zoned(LocalDateTime(year: 2026, month: 3, day: 29, hour: 2, minute: 30), tzid: "Europe/Paris")
        #expect(try Self.resolver.instant(of: gap, floatingZone: .utc, place: place) == Instant.parseISO8601("2026-03-29T01:30:00Z"))
        // 02:30 on 2026-10-25 happens twice; the first is meant.
        let repeated = DateTimeValue.zoned(LocalDateTime(year: 2026, month: 10, day: 25, hour: 2, minute: 30), tzid: "Europe/Paris")
        #expect(try Self.resolver.instant(of: repeated, floatingZone: .utc, place: place) == Instant.parseISO8601("2026-10-25T00:30:00Z"))
        let unknown = DateTimeValue.zoned(LocalDateTime(year: 2026, month: 1, day: 1), tzid: "Nowhere/Land")
        #expect(throws: InputError.self) { try Self.resolver.instant(of: unknown, floatingZone: paris, place: place) }
    }
}
