import SlotMatchCore
import SlotMatchImport
import Testing

/// The engine against `ReferenceRecurrence` on many random rules (as swift-nio checks its line
/// splitter against `split`): from DTSTART, in windows far after it (the fast path that jumps over
/// intervals), and through a zone with DST (jumping ahead must agree with walking from DTSTART).
@Suite struct RecurrenceReferenceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let rule: String
        let start: LocalDateTime
        let horizon: LocalDateTime
        var testDescription: String { "DTSTART \(start) RRULE \(rule)" }
    }

    static func randomCase(seed: UInt64) -> Case {
        var g = SeededRandom(seed: seed)
        func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0 ..< values.count, using: &g)] }
        func chance(_ p: Double) -> Bool { Double.random(in: 0 ..< 1, using: &g) < p }
        func some(_ range: ClosedRange<Int>, upTo n: Int, signed: Bool = false) -> [Int] {
            let k = Int.random(in: 1 ... n, using: &g)
            var values: [Int] = []
            for _ in 0 ..< k {
                var v = Int.random(in: range, using: &g)
                if signed && chance(0.4) { v = -v }
                if !values.contains(v) { values.append(v) }
            }
            return values
        }
        let frequency = pick(RecurrenceFrequency.allCases)
        let year = Int.random(in: 2020 ... 2030, using: &g), month = Int.random(in: 1 ... 12, using: &g)
        let day = Int.random(in: 1 ... CivilDate.daysIn(month: month, year: year), using: &g)
        let start = LocalDateTime(year: year, month: month, day: day, hour: Int.random(in: 0 ... 23, using: &g),
                                  minute: pick([0, 0, 15, 30, 45, 7]), second: frequency <= .minutely ? pick([0, 0, 10, 33]) : 0)
        var rule = RecurrenceRule(frequency: frequency)
        rule.interval = chance(0.5) ? 1 : Int.random(in: 2 ... 5, using: &g)
        rule.weekStart = pick(Weekday.allCases)
        if chance(0.3) { rule.byMonth = some(1 ... 12, upTo: 4) }
        if frequency != .weekly && chance(0.3) { rule.byMonthDay = some(1 ... 31, upTo: 3, signed: true) }
        if [.yearly, .hourly, .minutely, .secondly].contains(frequency) && chance(0.15) {
            rule.byYearDay = some(1 ... 366, upTo: 3, signed: true)
        }
        if frequency == .yearly && chance(0.3) { rule.byWeekNumber = some(1 ... 53, upTo: 2, signed: true) }
        if chance(0.5) {
            let numbered = (frequency == .monthly || (frequency == .yearly && rule.byWeekNumber.isEmpty)) && chance(0.5)
            let k = Int.random(in: 1 ... 3, using: &g)
            var days: [RecurrenceWeekday] = []
            for _ in 0 ..< k {
                let limit = frequency == .yearly && rule.byMonth.isEmpty ? 53 : 5
                let ordinal = numbered ? Int.random(in: 1 ... (chance(0.7) ? 5 : limit), using: &g) * (chance(0.4) ? -1 : 1) : 0
                let d = RecurrenceWeekday(pick(Weekday.allCases), ordinal: ordinal)
                if !days.contains(d) { days.append(d) }
            }
            rule.byDay = days
        }
        if chance(frequency >= .daily ? 0.3 : 0.4) { rule.byHour = some(0 ... 23, upTo: 3) }
        if chance(frequency >= .daily ? 0.2 : 0.4) { rule.byMinute = some(0 ... 59, upTo: 2) }
        if frequency <= .minutely && chance(0.4) { rule.bySecond = some(0 ... 59, upTo: 2) }
        let hasBy = !(rule.byMonth.isEmpty && rule.byMonthDay.isEmpty && rule.byYearDay.isEmpty && rule.byWeekNumber.isEmpty
                      && rule.byDay.isEmpty && rule.byHour.isEmpty && rule.byMinute.isEmpty && rule.bySecond.isEmpty)
        if hasBy && chance(0.25) { rule.bySetPosition = some(1 ... 4, upTo: 2, signed: true) }
        let horizonDays: Int
        switch frequency {
        case .yearly: horizonDays = 8 * 366
        case .monthly: horizonDays = 3 * 366
        case .weekly: horizonDays = 2 * 366
        case .daily: horizonDays = 366
        case .hourly: horizonDays = 12
        case .minutely: horizonDays = 2
        case .secondly: horizonDays = 0
        }
        let horizon = frequency == .secondly
            ? LocalDateTime(wallSeconds: start.wallSeconds + 3 * 3600)
            : LocalDateTime(date: start.date.adding(days: horizonDays), secondOfDay: 86_399)
        if chance(0.2) {
            rule.count = Int.random(in: 1 ... 40, using: &g)
        } else if chance(0.2) {
            rule.until = .local(LocalDateTime(wallSeconds: start.wallSeconds + Int64.random(in: 0 ... horizon.wallSeconds - start.wallSeconds, using: &g)))
        }
        return Case(rule: rule.icalText, start: start, horizon: horizon)
    }

    static let cases: [Case] = (1 ... 300).map { randomCase(seed: UInt64($0)) }

    @Test(arguments: cases)
    func agreesWithTheReference(_ c: Case) throws {
        let rule = try RecurrenceRule(parsing: c.rule)
        var reference = ReferenceRecurrence(rule: rule, start: c.start)
        let expected = reference.instances(through: c.horizon)

        // From DTSTART, through the raw iterator.
        var got: [LocalDateTime] = []
        var expansion = rule.expand(from: c.start)
        expansion.limit(through: c.horizon)
        for reading in expansion {
            if reading > c.horizon { break }
            got.append(reading)
        }
        #expect(got == expected)

        // A window in the second half of the horizon: skipping ahead (no COUNT) or counting (COUNT).
        let span = c.horizon.wallSeconds - c.start.wallSeconds
        let from = Instant(secondsSinceEpoch: c.start.wallSeconds + span / 2)
        let to = Instant(secondsSinceEpoch: c.horizon.wallSeconds + 1)
        let set = RecurrenceSet(start: .floating(c.start, .utc), rules: [rule])
        let window = set.occurrences(from: from, to: to)
        #expect(window == expected.map { Instant(secondsSinceEpoch: $0.wallSeconds) }.filter { $0 >= from && $0 < to })
    }

    @Test(arguments: cases)
    func windowsInAZoneWithDSTAgreeWithWalkingFromDtstart(_ c: Case) throws {
        let rule = try RecurrenceRule(parsing: c.rule)
        let zone = TestZones.paris
        let span = c.horizon.wallSeconds - c.start.wallSeconds
        let from = zone.instant(of: LocalDateTime(wallSeconds: c.start.wallSeconds + span / 3))
        let to = zone.instant(of: c.horizon).adding(seconds: 1)
        var walked: [Instant] = []
        var expansion = rule.expand(from: c.start, zone: zone)
        expansion.limit(through: LocalDateTime(wallSeconds: c.horizon.wallSeconds + 2 * 86_400))
        while let (_, instant) = expansion.nextInstance(), instant < to {
            if instant >= from { walked.append(instant) }
        }
        let set = RecurrenceSet(start: .zoned(c.start, zone), rules: [rule])
        #expect(set.occurrences(from: from, to: to) == walked)
    }
}
