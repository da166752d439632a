import Testing
import SlotMatchCore
import SlotMatchConfig

/// Writes small TZif files, so that v1, v2 and footer handling are tested on bytes we control.
enum TZifWriter {
    static func u32(_ v: Int) -> [UInt8] { let u = UInt32(truncatingIfNeeded: v); return [UInt8(u >> 24), UInt8(u >> 16 & 0xFF), UInt8(u >> 8 & 0xFF), UInt8(u & 0xFF)] }
    static func i64(_ v: Int64) -> [UInt8] { (0 ..< 8).reversed().map { UInt8(truncatingIfNeeded: UInt64(bitPattern: v) >> (8 * UInt64($0))) } }

    /// One data block; `offsets[0]` is type 0.
    static func block(version: UInt8, times: [Int64], types: [UInt8], offsets: [Int32], wide: Bool) -> [UInt8] {
        let chars: [UInt8] = Array("AAA\0".utf8)
        var b: [UInt8] = Array("TZif".utf8) + [version] + [UInt8](repeating: 0, count: 15)
        b += u32(0) + u32(0) + u32(0) + u32(times.count) + u32(offsets.count) + u32(chars.count)
        for t in times { b += wide ? i64(t) : u32(Int(t)) }
        b += types
        for o in offsets { b += u32(Int(o)) + [0, 0] }
        return b + chars
    }

    static func file(version: UInt8, times: [Int64], types: [UInt8], offsets: [Int32], footer: String?) -> [UInt8] {
        var b = block(version: version, times: times, types: types, offsets: offsets, wide: false)
        if version != 0 {
            b += block(version: version, times: times, types: types, offsets: offsets, wide: true)
            b += [0x0A] + Array((footer ?? "").utf8) + [0x0A]
        }
        return b
    }
}

@Suite struct TZifReaderTests {
    static let database = ZoneInfoDatabase()

    struct Known: Sendable, CustomStringConvertible {
        var zone: String
        var at: String
        var offset: Int32
        var description: String { "\(zone) \(at)" }
    }

    /// Offsets from the IANA database (cross-checked with Python's zoneinfo), including years after 2037 where only the footer rule speaks.
    @Test(arguments: [
        Known(zone: "Europe/Paris", at: "2026-01-15T12:00:00Z", offset: 3600),
        Known(zone: "Europe/Paris", at: "2026-03-29T00:59:59Z", offset: 3600),
        Known(zone: "Europe/Paris", at: "2026-03-29T01:00:00Z", offset: 7200),
        Known(zone: "Europe/Paris", at: "2026-10-25T00:59:59Z", offset: 7200),
        Known(zone: "Europe/Paris", at: "2026-10-25T01:00:00Z", offset: 3600),
        Known(zone: "Europe/Paris", at: "1940-07-01T00:00:00Z", offset: 7200),
        Known(zone: "Europe/Paris", at: "1850-06-01T00:00:00Z", offset: 561),
        Known(zone: "Europe/Paris", at: "2045-03-26T00:59:59Z", offset: 3600),
        Known(zone: "Europe/Paris", at: "2045-03-26T01:00:00Z", offset: 7200),
        Known(zone: "Europe/Paris", at: "2045-10-29T01:00:00Z", offset: 3600),
        Known(zone: "Europe/Paris", at: "2099-03-29T01:00:00Z", offset: 7200),
        Known(zone: "Europe/Paris", at: "2099-10-25T00:59:59Z", offset: 7200),
        Known(zone: "America/New_York", at: "2026-03-08T06:59:59Z", offset: -18000),
        Known(zone: "America/New_York", at: "2026-03-08T07:00:00Z", offset: -14400),
        Known(zone: "America/New_York", at: "2026-11-01T06:00:00Z", offset: -18000),
        Known(zone: "America/New_York", at: "2040-03-11T07:00:00Z", offset: -14400),
        Known(zone: "America/New_York", at: "2040-11-04T05:59:59Z", offset: -14400),
        Known(zone: "America/New_York", at: "2040-11-04T06:00:00Z", offset: -18000),
        Known(zone: "America/New_York", at: "1900-01-01T00:00:00Z", offset: -18000),
        Known(zone: "UTC", at: "2026-07-01T00:00:00Z", offset: 0),
        Known(zone: "UTC", at: "2090-07-01T00:00:00Z", offset: 0),
        Known(zone: "Asia/Kolkata", at: "1943-06-01T00:00:00Z", offset: 23400),
        Known(zone: "Asia/Kolkata", at: "2026-06-01T00:00:00Z", offset: 19800),
        Known(zone: "Asia/Kolkata", at: "2080-06-01T00:00:00Z", offset: 19800),
        Known(zone: "Australia/Sydney", at: "2060-04-03T15:59:59Z", offset: 39600),
        Known(zone: "Australia/Sydney", at: "2060-04-03T16:00:00Z", offset: 36000),
        Known(zone: "Australia/Sydney", at: "2060-10-02T16:00:00Z", offset: 39600),
        Known(zone: "America/Nuuk", at: "2050-03-27T01:00:00Z", offset: -3600),
        Known(zone: "America/Nuuk", at: "2050-10-30T00:59:59Z", offset: -3600),
        Known(zone: "America/Nuuk", at: "2050-10-30T01:00:00Z", offset: -7200),
    ])
    func systemZones(_ k: Known) throws {
        let rules = try #require(Self.database.rules(for: k.zone))
        #expect(rules.identifier == k.zone)
        #expect(rules.offset(at: try #require(Instant.parseISO8601(k.at))) == k.offset)
    }

    @Test func parisHasTwoTransitionsEveryYearUpTo2100() throws {
        let rules = try #require(Self.database.rules(for: "Europe/Paris"))
        for year in 1996 ... 2100 {
            let start = Int64(CivilDate(year: year, month: 1, day: 1).daysSinceEpoch) * 86_400
            let end = Int64(CivilDate(year: year + 1, month: 1, day: 1).daysSinceEpoch) * 86_400
            let inYear = rules.transitionInstants.filter { $0 >= start && $0 < end }
            #expect(inYear.count == 2, "year \(year)")
            // RFC 8536 footer: the change happens at 01:00 UTC on a Sunday.
            for t in inYear {
                #expect(t % 86_400 == 3600)
                #expect(CivilDate(daysSinceEpoch: Int(t / 86_400)).weekday == .sunday)
            }
        }
    }

    @Test func readsVersion1Files() throws {
        let bytes = TZifWriter.file(version: 0, times: [100, 200], types: [1, 0], offsets: [3600, 7200], footer: nil)
        let rules = try TZifReader.parse(bytes: bytes, identifier: "Test/V1")
        #expect(rules.offset(at: Instant(secondsSinceEpoch: 99)) == 3600)
        #expect(rules.offset(at: Instant(secondsSinceEpoch: 150)) == 7200)
        #expect(rules.offset(at: Instant(secondsSinceEpoch: 250)) == 3600)
    }

    @Test func usesThe64BitBlockAndExpandsTheFooterOfASlimFile() throws {
        // A "slim" file: one transition in 1996, then only the footer rule.
        let t1996 = Int64(CivilDate(year: 1996, month: 1, day: 1).daysSinceEpoch) * 86_400
        let bytes = TZifWriter.file(version: UInt8(ascii: "3"), times: [-5_000_000_000, t1996], types: [1, 1],
                                    offsets: [561, 3600], footer: "CET-1CEST,M3.5.0,M10.5.0/3")
        let rules = try TZifReader.parse(bytes: bytes, identifier: "Test/Slim")
        #expect(rules.offset(at: Instant(secondsSinceEpoch: -6_000_000_000)) == 561)
        #expect(rules.offset(at: Instant.parseISO8601("2031-07-01T00:00:00Z")!) == 7200)
        #expect(rules.offset(at: Instant.parseISO8601("2031-03-30T00:59:59Z")!) == 3600)
        #expect(rules.offset(at: Instant.parseISO8601("2031-03-30T01:00:00Z")!) == 7200)
        #expect(rules.offset(at: Instant.parseISO8601("2100-12-01T00:00:00Z")!) == 3600)
    }

    @Test(arguments: [
        [UInt8](), Array("TZiX".utf8) + [UInt8](repeating: 0, count: 60),
        Array(TZifWriter.file(version: UInt8(ascii: "2"), times: [1], types: [0], offsets: [0], footer: "UTC0").dropLast(20)),
        TZifWriter.file(version: 0, times: [1], types: [5], offsets: [0], footer: nil),
        TZifWriter.file(version: UInt8(ascii: "2"), times: [1], types: [0], offsets: [0], footer: "not a rule"),
        TZifWriter.file(version: 0, times: [], types: [], offsets: [], footer: nil),
    ])
    func rejectsDamagedFiles(bytes: [UInt8]) {
        #expect(throws: InputError.self) { try TZifReader.parse(bytes: bytes, identifier: "Bad/Zone") }
    }

    @Test(arguments: [
        ("CET-1CEST,M3.5.0,M10.5.0/3", 3600, 7200),
        ("EST5EDT,M3.2.0,M11.1.0", -18000, -14400),
        ("IST-5:30", 19800, nil),
        ("<+0545>-5:45", 20700, nil),
        ("<-02>2<-01>,M3.5.0/-1,M10.5.0/0", -7200, -3600),
        ("AEST-10AEDT,M10.1.0,M4.1.0/3", 36000, 39600),
        ("EST5EDT,0/0,J365/25", -18000, -14400),
    ] as [(String, Int32, Int32?)])
    func posixRules(text: String, standard: Int32, daylight: Int32?) throws {
        let rule = try #require(POSIXZoneRule(text))
        #expect(rule.standardOffset == standard)
        #expect(rule.daylight?.offset == daylight)
    }

    @Test func permanentDaylightTimeIsOneChange() throws {
        let rule = try #require(POSIXZoneRule("EST5EDT,0/0,J365/25"))
        let transitions = rule.transitions(fromYear: 2030, throughYear: 2032)
        let rules = ZoneRules(identifier: "X", initialOffset: -18000, transitions: transitions)
        #expect(rules.offset(at: Instant.parseISO8601("2031-12-31T12:00:00Z")!) == -14400)
        #expect(rules.offset(at: Instant.parseISO8601("2032-06-30T12:00:00Z")!) == -14400)
    }

    @Test(arguments: ["XY1", "CET", "CET-1CEST,M3.5.0", "CET-1CEST,M13.5.0,M10.5.0", "CET-1CEST,M3.6.0,M10.5.0", "CET-25"])
    func badPOSIXRules(text: String) {
        #expect(POSIXZoneRule(text) == nil || text == "CET")
    }
}
