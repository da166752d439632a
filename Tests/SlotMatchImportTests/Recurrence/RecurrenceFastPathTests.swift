import SlotMatchCore
@testable import SlotMatchImport
import Testing

/// The engine's fast paths against its general paths, which `RecurrenceReferenceTests` checks against the
/// brute-force reference: the day masks of DAILY/WEEKLY/MONTHLY rules (`RecurrenceExpansion.usesDayMasks`)
/// and the single-stream merge of `RecurrenceSet` (`usesFastPaths`). Both must give the same instances, in the
/// same order, on the benchmark corpus's shapes and on random rules: DST weeks in Europe/Paris, UNTIL in UTC
/// against a TZID start, COUNT with EXDATE, windows that begin in the middle of a series.
@Suite struct RecurrenceFastPathTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let rule: String
        let start: LocalDateTime
        let horizon: LocalDateTime
        var testDescription: String { "DTSTART \(start) RRULE \(rule)" }
    }

    static let paris = TestZones.paris
    static let spring = TestZones.utc(TestZones.last(.sunday, month: 3, year: 2027), hour: 1)
    static let autumn = TestZones.utc(TestZones.last(.sunday, month: 10, year: 2027), hour: 1)

    /// The rules of the benchmark corpus and their neighbours, started in and around the DST weeks.
    static let table: [Case] = {
        let rules = [
            "FREQ=WEEKLY;BYDAY=MO", "FREQ=WEEKLY;BYDAY=SU", "FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20271028T225959Z",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,FR", "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA,SU;WKST=SU", "FREQ=WEEKLY;BYDAY=TH;COUNT=12",
            "FREQ=WEEKLY;BYDAY=WE;UNTIL=20270331T070000Z", "FREQ=WEEKLY;UNTIL=20271031T013000Z", "FREQ=WEEKLY;INTERVAL=3",
            "FREQ=WEEKLY;BYDAY=MO,SU;BYMONTH=3,10", "FREQ=WEEKLY;BYDAY=TU,TH;BYSETPOS=-1", "FREQ=WEEKLY;BYDAY=MO;BYHOUR=2,9",
            "FREQ=MONTHLY;BYDAY=-1SA", "FREQ=MONTHLY;BYDAY=-1SU", "FREQ=MONTHLY;BYDAY=1MO,-2FR,3WE", "FREQ=MONTHLY;BYDAY=5TH",
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
            "FREQ=MONTHLY;BYDAY=SA,SU;BYSETPOS=2,-1,-9", "FREQ=MONTHLY;BYMONTHDAY=31", "FREQ=MONTHLY;BYMONTHDAY=-1,15,-31",
            "FREQ=MONTHLY;BYMONTHDAY=1,2,3;BYDAY=MO", "FREQ=MONTHLY;INTERVAL=2;BYDAY=FR;BYMONTH=2,3,10", "FREQ=MONTHLY;COUNT=7",
            "FREQ=MONTHLY;BYDAY=SU;BYHOUR=1,2,3", "FREQ=DAILY;COUNT=20", "FREQ=DAILY", "FREQ=DAILY;INTERVAL=3;UNTIL=20271101",
            "FREQ=DAILY;BYDAY=SA,SU", "FREQ=DAILY;BYMONTH=3;BYMONTHDAY=-1,-2,-3", "FREQ=DAILY;BYHOUR=2,3;BYMINUTE=0,30",
            // VTIMEZONE's rules and other YEARLY shapes (day masks month by month, or the general path).
            "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "FREQ=YEARLY", "FREQ=YEARLY;BYMONTHDAY=1,-1",
            "FREQ=YEARLY;BYDAY=MO;BYMONTH=2,3", "FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29", "FREQ=YEARLY;BYDAY=20MO,-1SU",
            "FREQ=YEARLY;BYMONTH=1,7;BYDAY=1MO,-1FR;BYHOUR=8,20", "FREQ=YEARLY;COUNT=5;BYMONTH=4;BYMONTHDAY=31",
            "FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1SU;UNTIL=20300101T000000Z", "FREQ=YEARLY;BYDAY=SU;BYMONTH=10;BYSETPOS=-1",
        ]
        let starts = ["20270322T023000", "20270325T170000", "20270101T093000", "20261019T090000", "20271024T023000",
                      "20270331T000000", "20270328T020000"]
        var cases: [Case] = []
        for rule in rules {
            for start in starts {
                let s = ExpectedInstances.local(start)
                let days = rule.hasPrefix("FREQ=YEARLY") ? 12 * 366 : 800
                cases.append(Case(rule: rule, start: s, horizon: LocalDateTime(date: s.date.adding(days: days), secondOfDay: 86_399)))
            }
        }
        return cases
    }()

    /// Random DAILY, WEEKLY and MONTHLY rules (the shapes with day masks), biased to the night hours of the
    /// DST changes, UTC and local UNTILs, and COUNT; and the reference tests' rules of every frequency.
    static func randomCase(seed: UInt64) -> Case {
        var g = SeededRandom(seed: seed &+ 7_777)
        func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0 ..< values.count, using: &g)] }
        func chance(_ p: Double) -> Bool { Double.random(in: 0 ..< 1, using: &g) < p }
        func some(_ range: ClosedRange<Int>, upTo n: Int, signed: Bool = false) -> [Int] {
            var values: [Int] = []
            for _ in 0 ..< Int.random(in: 1 ... n, using: &g) {
                var v = Int.random(in: range, using: &g)
                if signed && chance(0.4) { v = -v }
                if !values.contains(v) { values.append(v) }
            }
            return values
        }
        let frequency = pick([RecurrenceFrequency.daily, .weekly, .weekly, .weekly, .monthly, .monthly, .yearly])
        let year = Int.random(in: 2026 ... 2028, using: &g), month = pick([1, 3, 3, 6, 10, 10, 12])
        let day = Int.random(in: 1 ... CivilDate.daysIn(month: month, year: year), using: &g)
        let start = LocalDateTime(year: year, month: month, day: day, hour: pick([0, 1, 2, 2, 3, 9, 17, 23]), minute: pick([0, 30, 59]))
        var rule = RecurrenceRule(frequency: frequency)
        rule.interval = chance(0.6) ? 1 : Int.random(in: 2 ... 4, using: &g)
        if chance(0.3) { rule.weekStart = pick(Weekday.allCases) }
        if chance(frequency == .yearly ? 0.7 : 0.2) { rule.byMonth = some(1 ... 12, upTo: 4) }
        if frequency != .weekly && chance(0.25) { rule.byMonthDay = some(1 ... 31, upTo: 3, signed: true) }
        if chance(0.7) {
            var days: [RecurrenceWeekday] = []
            for _ in 0 ..< Int.random(in: 1 ... 5, using: &g) {
                let numbered = frequency == .monthly || frequency == .yearly
                let ordinal = numbered && chance(0.5) ? Int.random(in: 1 ... 5, using: &g) * (chance(0.5) ? -1 : 1) : 0
                let d = RecurrenceWeekday(pick(Weekday.allCases), ordinal: ordinal)
                if !days.contains(d) { days.append(d) }
            }
            rule.byDay = days
        }
        if chance(0.15) { rule.byHour = some(0 ... 23, upTo: 3) }
        if chance(0.1) { rule.byMinute = some(0 ... 59, upTo: 2) }
        let hasBy = !(rule.byMonth.isEmpty && rule.byMonthDay.isEmpty && rule.byDay.isEmpty && rule.byHour.isEmpty && rule.byMinute.isEmpty)
        if hasBy && chance(0.3) { rule.bySetPosition = some(1 ... 6, upTo: 3, signed: true) }
        let horizon = LocalDateTime(date: start.date.adding(days: frequency == .yearly ? 8 * 366 : 500), secondOfDay: 86_399)
        if chance(0.25) {
            rule.count = Int.random(in: 1 ... 60, using: &g)
        } else if chance(0.3) {
            let end = start.wallSeconds + Int64.random(in: 0 ... horizon.wallSeconds - start.wallSeconds, using: &g)
            rule.until = chance(0.5) ? .utc(Instant(secondsSinceEpoch: end)) : .local(LocalDateTime(wallSeconds: end))
        } else if chance(0.2) {
            rule.until = .date(start.date.adding(days: Int.random(in: 0 ... 400, using: &g)))
        }
        return Case(rule: rule.icalText, start: start, horizon: horizon)
    }

    static let random: [Case] = (1 ... 400).map { randomCase(seed: UInt64($0)) }
        + (1 ... 150).map {
            let c = RecurrenceReferenceTests.randomCase(seed: UInt64(1_000 + $0))
            return Case(rule: c.rule, start: c.start, horizon: c.horizon)
        }

    /// Every (wall, instant) of an expansion up to `horizon` (a bounded number, for the sub-daily rules).
    static func walk(_ rule: RecurrenceRule, _ c: Case, zone: ZoneRules, dayMasks: Bool, keepsGaps: Bool = false) -> [Int64] {
        var e = RecurrenceExpansion(rule: rule, start: c.start, zone: zone, includesStart: true, keepsNonexistentTimes: keepsGaps,
                                    allowsDayMasks: dayMasks)
        e.limit(through: c.horizon)
        var out: [Int64] = []
        while out.count < 4_000, let (wall, instant) = e.nextWallAndInstant() {
            if wall > c.horizon.wallSeconds { break }
            out.append(wall); out.append(instant)
        }
        return out
    }

    /// The set's occurrences in a few windows (from DTSTART, mid-series, a DST week), with some of the
    /// rule's own instances as EXDATEs, fast and general.
    static func compareSets(_ rule: RecurrenceRule, _ c: Case) {
        let reach = Instant(secondsSinceEpoch: c.horizon.wallSeconds)
        let base = RecurrenceSet(start: .zoned(c.start, paris), rules: [rule])
        var general = base
        general.usesFastPaths = false
        let all = general.occurrences(from: Instant(secondsSinceEpoch: 0), to: reach, limit: 3_000)
        #expect(base.occurrences(from: Instant(secondsSinceEpoch: 0), to: reach, limit: 3_000) == all)
        // Every third instance excluded, by instant, as TZID and UTC EXDATEs; an RDATE that is not an instance.
        var exclusions: [RecurrenceStart] = []
        for (i, instant) in all.prefix(300).enumerated() where i % 3 == 1 {
            exclusions.append(i % 2 == 0 ? .utc(instant) : .zoned(paris.localTime(of: instant), paris))
        }
        let addition = RecurrenceStart.zoned(LocalDateTime(wallSeconds: c.start.wallSeconds + 3_600 * 37 + 60), paris)
        let fast = RecurrenceSet(start: .zoned(c.start, paris), rules: [rule], additions: [addition], exclusions: exclusions)
        var slow = fast
        slow.usesFastPaths = false
        let span = c.horizon.wallSeconds - c.start.wallSeconds
        let windows: [(Int64, Int64)] = [
            (0, c.horizon.wallSeconds), (c.start.wallSeconds + span / 3, c.start.wallSeconds + span / 3 + 40 * 86_400),
            (c.start.wallSeconds + span / 2, c.horizon.wallSeconds),
            // The weeks around the spring and autumn changes of 2027 in Paris (28 March, 31 October).
            (Self.spring - 7 * 86_400, Self.spring + 7 * 86_400), (Self.autumn - 7 * 86_400, Self.autumn + 7 * 86_400),
        ]
        for (low, high) in windows where low < high {
            let from = Instant(secondsSinceEpoch: low), to = Instant(secondsSinceEpoch: high)
            #expect(fast.occurrences(from: from, to: to, limit: 2_000) == slow.occurrences(from: from, to: to, limit: 2_000),
                    "window \(from) – \(to)")
        }
    }

    @Test(arguments: table)
    func tableRulesAgreeWithTheGeneralPath(_ c: Case) throws {
        let rule = try RecurrenceRule(parsing: c.rule)
        for zone in [Self.paris, .utc] {
            #expect(Self.walk(rule, c, zone: zone, dayMasks: true) == Self.walk(rule, c, zone: zone, dayMasks: false))
        }
        #expect(Self.walk(rule, c, zone: Self.paris, dayMasks: true, keepsGaps: true)
                == Self.walk(rule, c, zone: Self.paris, dayMasks: false, keepsGaps: true))
        Self.compareSets(rule, c)
    }

    @Test(arguments: random)
    func randomRulesAgreeWithTheGeneralPath(_ c: Case) throws {
        let rule = try RecurrenceRule(parsing: c.rule)
        #expect(Self.walk(rule, c, zone: Self.paris, dayMasks: true) == Self.walk(rule, c, zone: Self.paris, dayMasks: false))
        Self.compareSets(rule, c)
    }

    /// Skipping to a window (no COUNT) must land on the same interval with either path.
    @Test(arguments: random.prefix(200))
    func skippingAheadAgrees(_ c: Case) throws {
        let rule = try RecurrenceRule(parsing: c.rule)
        let target = LocalDateTime(wallSeconds: c.start.wallSeconds + (c.horizon.wallSeconds - c.start.wallSeconds) / 2)
        func walk(_ dayMasks: Bool) -> [Int64] {
            var e = RecurrenceExpansion(rule: rule, start: c.start, zone: Self.paris, includesStart: false, keepsNonexistentTimes: false,
                                        allowsDayMasks: dayMasks)
            e.skip(to: target)
            e.limit(through: c.horizon)
            var out: [Int64] = []
            while out.count < 2_000, let (wall, instant) = e.nextWallAndInstant(), wall <= c.horizon.wallSeconds {
                out.append(wall); out.append(instant)
            }
            return out
        }
        #expect(walk(true) == walk(false))
    }

    @Test func theTableAndTheRandomRulesTakeTheDayMaskPath() throws {
        // The comparison above would be empty if the fast path were never taken.
        let shapes = try Self.table.map { try RecurrencePlan(rule: RecurrenceRule(parsing: $0.rule), start: $0.start).allowsDayMasks }
        #expect(shapes.filter { $0 }.count >= Self.table.count - 7 * 2)
        let random = try Self.random.prefix(400).map { try RecurrencePlan(rule: RecurrenceRule(parsing: $0.rule), start: $0.start).allowsDayMasks }
        #expect(random.filter { $0 }.count > 300)
        let yearly = try Self.random.prefix(400).filter { $0.rule.hasPrefix("FREQ=YEARLY") }
            .map { try RecurrencePlan(rule: RecurrenceRule(parsing: $0.rule), start: $0.start).allowsDayMasks }
        #expect(yearly.filter { $0 }.count > 20)
    }

    /// The byte-level reading of plain RRULE texts against the general reading (which lower-case text takes).
    @Test func theQuickReadingGivesTheGeneralReadingsRule() throws {
        var texts = Self.table.map(\.rule) + Self.random.map(\.rule)
        texts += ["FREQ=DAILY;UNTIL=20261231", "FREQ=DAILY;UNTIL=20261231T235960", "FREQ=DAILY;UNTIL=20240229T000000Z",
                  "FREQ=YEARLY;BYDAY=+1MO,-53SU,20TH;BYWEEKNO=;WKST=SA", "FREQ=MONTHLY;BYMONTHDAY=+3,-31;;BYSETPOS=-366,+366"]
        for text in texts {
            let quick = try? RecurrenceRule(parsing: text)
            let general = try? RecurrenceRule(parsing: text.lowercased())
            #expect(quick == general, "\(text)")
        }
        #expect(try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=20261231T235960").until
                == .local(LocalDateTime(year: 2026, month: 12, day: 31, hour: 23, minute: 59, second: 59)))
    }

    @Test func theLastPeriodsAreThoseOfTheLastSecondOfYear9999() {
        let endWall = Int64(CivilDate(year: 10_000, month: 1, day: 1).daysSinceEpoch) * 86_400
        #expect(RecurrenceExpansion.endWall == endWall)
        for f in RecurrenceFrequency.allCases {
            for w in 1 ... 7 {
                #expect(RecurrenceExpansion.lastPeriod(f, w) == RecurrenceExpansion.period(ofWall: endWall - 1, f, w))
            }
        }
    }

    /// `WallClockResolver` (carried from one reading to the next, as in an expansion) against `ZoneRules.resolve`
    /// on readings in and around the DST changes of Paris and New York, and far from them.
    @Test func theResolverGivesZoneRulesResolution() {
        var g = SeededRandom(seed: 42)
        for zone in [Self.paris, TestZones.newYork] {
            var carried = WallClockResolver(zone: zone)
            var gaps = 0, overlaps = 0
            // Every quarter hour from three hours before to three hours after each change of 2026-2030.
            for (i, t) in zone.transitionInstants.enumerated() where t > 1_767_000_000 && t < 1_925_000_000 {
                let before = Int64(i == 0 ? zone.initialOffset : zone.offsetsAfter[i - 1])
                for step in Int64(-12) ... 12 {
                    let wall = t + before + step * 900
                    let expected = zone.resolve(LocalDateTime(wallSeconds: wall))
                    if case .skipped = expected { gaps += 1 }
                    if case .repeated = expected { overlaps += 1 }
                    let r = carried.resolve(wall)
                    #expect(r.instant == expected.instant.secondsSinceEpoch)
                    if case .skipped = expected { #expect(r.inGap) } else { #expect(!r.inGap) }
                }
            }
            #expect(gaps > 10 && overlaps > 10)
            var wall = Int64(LocalDateTime(year: 2026, month: 1, day: 1).wallSeconds)
            for _ in 0 ..< 5_000 {
                // Steps of minutes to weeks, so that some readings land in gaps and overlaps and others jump segments.
                wall += Int64.random(in: 1 ... 20, using: &g) * [60, 900, 3_600, 86_400, 7 * 86_400][Int.random(in: 0 ..< 5, using: &g)]
                let expected = zone.resolve(LocalDateTime(wallSeconds: wall))
                var fresh = WallClockResolver(zone: zone)
                for r in [carried.resolve(wall), fresh.resolve(wall)] {
                    #expect(r.instant == expected.instant.secondsSinceEpoch)
                    if case .skipped = expected { #expect(r.inGap) } else { #expect(!r.inGap) }
                }
            }
        }
    }
}
