import SlotMatchCore

/// The instances of one recurrence rule from its DTSTART, generated lazily and in order
/// (RFC 5545 §3.3.10), as wall-clock readings with their instants.
///
/// Each step fills one period of the rule's frequency (a year, a month, a week, a day, an hour …)
/// with its candidate readings (sorted integers: seconds on the wall clock since 1970), applies
/// BYSETPOS to that set, then hands them out. Invalid dates never appear (days are enumerated, not
/// computed), nonexistent local times are dropped and not counted, COUNT counts what is emitted.
/// A rule that finds nothing in a long run of periods stops (`emptyPeriodLimit`): no input hangs it.
public struct RecurrenceExpansion: Sequence, IteratorProtocol, Sendable {
    let plan: RecurrencePlan
    let startWall: Int64
    let until: RecurrenceUntil?
    let count: Int?
    let includesStart: Bool
    let keepsNonexistentTimes: Bool
    var resolver: WallClockResolver
    var startPending: Bool
    let startPeriod: Int
    var nextPeriod: Int
    /// The current period's candidates, never materialised: `bases` (the wall time of each matching
    /// day, or of the sub-daily period) × `plan.times`, both sorted, read in order; so a YEARLY rule
    /// with every BYHOUR, BYMINUTE and BYSECOND costs 366 integers, not 31 million.
    var bases: [Int64] = []
    var baseIndex = 0
    var timeIndex = 0
    /// The BYSETPOS choice for the current period, when the rule has BYSETPOS.
    var picked: [Int64] = []
    var pickedIndex = 0
    var emitted = 0
    var finished = false
    var cachedDay = Int.min
    var cachedDayMatches = false
    var cursor = CivilCursor()
    /// The last period that can hold a reading before year 10000 (iCalendar's last year is 9999).
    let lastPeriod: Int
    /// Wall-clock reading past which UNTIL cannot hold any more instance.
    let untilWallLimit: Int64
    /// Wall-clock reading past which no instance is wanted (`limit(through:)`).
    var horizonWall: Int64 = .max
    /// The day-mask path (DAILY, WEEKLY, MONTHLY, some YEARLY, see `RecurrencePlan.allowsDayMasks`): the current period's
    /// matching days not yet handed out, as bits of day offsets from `dayBase` (an epoch day), BYSETPOS
    /// already applied. The same candidates in the same order as `bases` × `plan.times`, without the array.
    let usesDayMasks: Bool
    var dayBits: UInt32 = 0
    var dayBase = 0
    /// YEARLY on the day-mask path: the year of the current period and the month whose days `dayBits` holds
    /// (13 when no month of the period is left), so that a year's months are handed out one after the other.
    var maskYear = 0
    var maskMonth = 13

    init(rule: RecurrenceRule, start: LocalDateTime, zone: ZoneRules, includesStart: Bool, keepsNonexistentTimes: Bool,
         compiled: RecurrencePlan? = nil, allowsDayMasks: Bool = true) {
        self.init(plan: compiled ?? RecurrencePlan(rule: rule, start: start), start: start, zone: zone, includesStart: includesStart,
                  keepsNonexistentTimes: keepsNonexistentTimes, allowsDayMasks: allowsDayMasks)
    }

    /// The expansion of a rule already compiled against `start` (its COUNT and UNTIL come with the plan).
    init(plan: RecurrencePlan, start: LocalDateTime, zone: ZoneRules, includesStart: Bool, keepsNonexistentTimes: Bool,
         allowsDayMasks: Bool = true) {
        self.init(plan: plan, start: start, resolver: WallClockResolver(zone: zone), includesStart: includesStart,
                  keepsNonexistentTimes: keepsNonexistentTimes, allowsDayMasks: allowsDayMasks)
    }

    /// As `init(plan:start:zone:…)`, readings placed by `resolver` (for that zone; a resolver that has already
    /// placed readings gives the same answers as a new one). `allowsDayMasks: false` forces the general path
    /// (`bases`), for the tests that compare both.
    init(plan: RecurrencePlan, start: LocalDateTime, resolver: WallClockResolver, includesStart: Bool, keepsNonexistentTimes: Bool,
         allowsDayMasks: Bool = true) {
        self.plan = plan
        usesDayMasks = allowsDayMasks && plan.allowsDayMasks
        startWall = start.wallSeconds
        until = plan.until
        count = plan.count
        self.includesStart = includesStart
        self.keepsNonexistentTimes = keepsNonexistentTimes
        self.resolver = resolver
        startPending = includesStart
        lastPeriod = RecurrenceExpansion.lastPeriod(plan.frequency, plan.weekStart)
        startPeriod = RecurrenceExpansion.period(ofWall: startWall, plan.frequency, plan.weekStart)
        nextPeriod = startPeriod
        switch plan.until {
        case nil: untilWallLimit = .max
        case .local(let l): untilWallLimit = l.wallSeconds
        case .date(let d): untilWallLimit = Int64(d.daysSinceEpoch) * 86_400 + 86_399
        case .utc(let i): untilWallLimit = i.secondsSinceEpoch + 2 * 86_400
        }
        if plan.timeCount == 0 || (count ?? 1) <= 0 { finished = true }
    }

    /// Consecutive periods without an instance after which the rule is taken to be exhausted. The
    /// calendar repeats every 400 years (146,097 days, exactly 20,871 weeks), so a day-level rule that
    /// matches nothing in one cycle never will. Finer rules skip a non-matching day, hour or minute in
    /// one step, so a real rule needs a few hundred steps between instances (BYHOUR on an INTERVAL=7
    /// MINUTELY rule: about 230); 200,000 steps is centuries of skipped days.
    var emptyPeriodLimit: Int {
        switch plan.frequency {
        case .yearly: return 400
        case .monthly: return 4_800
        case .weekly: return 20_872
        case .daily: return 146_098
        case .hourly, .minutely, .secondly: return 200_000
        }
    }

    public mutating func next() -> LocalDateTime? {
        guard let (wall, _) = nextWallAndInstant() else { return nil }
        return LocalDateTime(wallSeconds: wall)
    }

    /// The next instance as a wall-clock reading and its instant.
    public mutating func nextInstance() -> (local: LocalDateTime, instant: Instant)? {
        guard let (wall, instant) = nextWallAndInstant() else { return nil }
        return (LocalDateTime(wallSeconds: wall), Instant(secondsSinceEpoch: instant))
    }

    /// Jumps over whole intervals that end before `local` without generating them, when the rule has
    /// no COUNT (with COUNT every earlier instance must be counted, so nothing is skipped). Instances
    /// before `local` may still come out; instances at or after it are all kept.
    public mutating func skip(to local: LocalDateTime) {
        guard count == nil, !finished else { return }
        let target = RecurrenceExpansion.period(ofWall: local.wallSeconds, plan.frequency, plan.weekStart)
        guard target > nextPeriod else { return }
        let p = startPeriod + IntervalArithmetic.floorDivide(target - startPeriod, plan.interval) * plan.interval
        if p > nextPeriod {
            nextPeriod = p
            clearPeriod()
        }
    }

    private mutating func clearPeriod() {
        // Emptied only when not empty: `picked` is used by BYSETPOS rules alone, and `removeAll` is not free.
        if !bases.isEmpty { bases.removeAll(keepingCapacity: true) }
        if !picked.isEmpty { picked.removeAll(keepingCapacity: true) }
        baseIndex = 0; timeIndex = 0; pickedIndex = 0; dayBits = 0; maskMonth = 13
    }

    /// The next candidate of the current period, or nil when it is used up.
    @inline(__always)
    private mutating func nextCandidate() -> Int64? {
        if !plan.setPositions.isEmpty {
            guard pickedIndex < picked.count else { return nil }
            pickedIndex += 1
            return picked[pickedIndex - 1]
        }
        guard baseIndex < bases.count else { return nil }
        let wall = bases[baseIndex] + Int64(plan.time(timeIndex))
        timeIndex += 1
        if timeIndex == plan.timeCount { timeIndex = 0; baseIndex += 1 }
        return wall
    }

    /// Promises that no reading after `local` will be asked for: the expansion ends at the first
    /// interval that begins after it instead of searching on for a next instance. Window queries use
    /// it so that a sparse rule costs no more than the window; a VTIMEZONE reader can pass the last
    /// day of its horizon year.
    public mutating func limit(through local: LocalDateTime) {
        horizonWall = Swift.min(horizonWall, local.wallSeconds)
    }

    @inline(__always)
    mutating func nextWallAndInstant() -> (Int64, Int64)? {
        if startPending {
            startPending = false
            emitted += 1
            // RFC 5545 §3.3.5: DTSTART in a gap is read with the offset before the gap, never dropped.
            return (startWall, resolver.resolve(startWall).instant)
        }
        while !finished {
            if let count, emitted >= count { finished = true; return nil }
            let wall: Int64
            if usesDayMasks {
                if dayBits == 0 {
                    // A period whose days are known in advance (`RecurrencePlan.constantPeriodBits`): the checks and
                    // steps of `fillNextDayMask`, inline; any other period, or the end, through it.
                    let p = nextPeriod
                    guard plan.constantPeriodBits != 0, p <= lastPeriod else { fillNextDayMask(); continue }
                    let first = plan.frequency == .weekly ? RecurrenceExpansion.firstDay(ofWeek: p, plan.weekStart) : p
                    guard Int64(first) * 86_400 <= Swift.min(untilWallLimit, horizonWall) else { fillNextDayMask(); continue }
                    let (following, overflow) = p.addingReportingOverflow(plan.interval)
                    nextPeriod = overflow ? Int.max : following
                    dayBase = first; dayBits = plan.constantPeriodBits; timeIndex = 0
                }
                wall = Int64(dayBase &+ dayBits.trailingZeroBitCount) &* 86_400 &+ Int64(plan.time(timeIndex))
                timeIndex += 1
                if timeIndex == plan.timeCount { timeIndex = 0; dayBits &= dayBits &- 1 }
            } else {
                guard let candidate = nextCandidate() else { fillNextPeriod(); continue }
                wall = candidate
            }
            if includesStart ? wall <= startWall : wall < startWall { continue }
            let (instant, inGap) = resolver.resolve(wall)
            // RFC 5545 §3.3.10: a generated local time that does not exist is ignored and not counted.
            if inGap && !keepsNonexistentTimes { continue }
            if let until {
                let over: Bool
                switch until {
                case .utc(let i): over = instant > i.secondsSinceEpoch
                case .local, .date: over = wall > untilWallLimit
                }
                if over { finished = true; return nil }
            }
            emitted += 1
            return (wall, instant)
        }
        return nil
    }

    /// Loads the next period that has instances, or sets `finished`.
    mutating func fillNextPeriod() {
        clearPeriod()
        var emptyRun = 0
        while !finished {
            let p = nextPeriod
            guard p <= lastPeriod,
                  RecurrenceExpansion.wall(ofPeriod: p, plan.frequency, plan.weekStart) <= Swift.min(untilWallLimit, horizonWall) else {
                finished = true; return
            }
            let (following, overflow) = p.addingReportingOverflow(plan.interval)
            nextPeriod = overflow ? Int.max : following
            switch plan.frequency {
            case .yearly: fillYear(p)
            case .monthly: fillMonth(p)
            case .weekly: fillWeek(p)
            case .daily: if plan.matches(day: p, cursor: &cursor) { appendTimes(ofDay: p) }
            case .hourly, .minutely, .secondly: fillSubDaily(p)
            }
            if !bases.isEmpty {
                if plan.setPositions.isEmpty { return }
                applySetPositions()
                if !picked.isEmpty { return }
                bases.removeAll(keepingCapacity: true)
            }
            emptyRun += 1
            if emptyRun >= emptyPeriodLimit || overflow { finished = true }
        }
    }

    /// `fillNextPeriod` for the day-mask path: the same periods, the same end conditions and the same count
    /// of empty periods, with the period's days as bits (`dayBits`) instead of `bases`.
    mutating func fillNextDayMask() {
        timeIndex = 0
        // The rest of the current year, month by month, before the next period.
        if maskMonth < 12, let (month, bits) = nextMonthBits(year: maskYear, after: maskMonth) {
            maskMonth = month; dayBits = bits
            return
        }
        var emptyRun = 0
        while !finished {
            let p = nextPeriod
            guard p <= lastPeriod,
                  RecurrenceExpansion.wall(ofPeriod: p, plan.frequency, plan.weekStart) <= Swift.min(untilWallLimit, horizonWall) else {
                finished = true; return
            }
            let (following, overflow) = p.addingReportingOverflow(plan.interval)
            nextPeriod = overflow ? Int.max : following
            var bits: UInt32
            switch plan.frequency {
            case .daily:
                dayBase = p
                bits = plan.matches(day: p, cursor: &cursor) ? 1 : 0
            case .weekly:
                dayBase = RecurrenceExpansion.firstDay(ofWeek: p, plan.weekStart)
                if plan.needsCivilDay {
                    bits = 0
                    for k in 0 ..< 7 where plan.matches(day: dayBase + k, cursor: &cursor) { bits |= 1 << UInt32(k) }
                } else {
                    bits = UInt32(plan.weekOffsets)
                }
            case .monthly:
                bits = monthBits(p)
            default:
                // YEARLY: the first month of the year with matching days (the later ones come after its days).
                maskYear = p
                if let (month, monthBits) = nextMonthBits(year: p, after: 0) { maskMonth = month; bits = monthBits } else { maskMonth = 13; bits = 0 }
            }
            if bits != 0 && !plan.setPositions.isEmpty { bits = RecurrenceExpansion.picking(plan.setPositions, from: bits) }
            if bits != 0 { dayBits = bits; return }
            emptyRun += 1
            if emptyRun >= emptyPeriodLimit || overflow { finished = true }
        }
    }

    /// The days of month period `p` that pass the plan's day filters (bit i: day i + 1), and sets `dayBase`
    /// to the month's first day. BYMONTHDAY and BYDAY are intersected as bit masks; BYYEARDAY (which the
    /// RFC forbids in MONTHLY rules, but a rule built field by field may carry) is checked day by day.
    private mutating func monthBits(_ p: Int) -> UInt32 {
        let year = IntervalArithmetic.floorDivide(p, 12)
        let month = p - year * 12 + 1
        let first = CivilDate(year: year, month: month, day: 1).daysSinceEpoch
        dayBase = first
        if plan.months != 0 && (plan.months >> UInt16(month)) & 1 == 0 { return 0 }
        let daysInMonth = CivilDate.daysIn(month: month, year: year)
        let all = UInt32.max >> UInt32(32 - daysInMonth)
        if !plan.yearDays.isEmpty {
            let jan1 = CivilDate(year: year, month: 1, day: 1).daysSinceEpoch
            let daysInYear = CivilDate.daysIn(year: year)
            var weekday = IntervalArithmetic.weekday(ofDay: first)
            var bits: UInt32 = 0
            for dayOfMonth in 1 ... daysInMonth {
                let day = first + dayOfMonth - 1
                if plan.matches(day: day, month: month, dayOfMonth: dayOfMonth, daysInMonth: daysInMonth,
                                dayOfYear: day - jan1 + 1, daysInYear: daysInYear, weekday: weekday, weekYear: nil) {
                    bits |= 1 << UInt32(dayOfMonth - 1)
                }
                weekday = weekday == 7 ? 1 : weekday + 1
            }
            return bits
        }
        var bits = all
        if plan.hasMonthDays {
            // Bit d of `monthDaysFromStart` is day d; bit e of `monthDaysFromEnd` is day daysInMonth - e + 1.
            var days = (plan.monthDaysFromStart >> 1) & all
            var fromEnd = plan.monthDaysFromEnd
            while fromEnd != 0 {
                let e = fromEnd.trailingZeroBitCount
                fromEnd &= fromEnd &- 1
                if e >= 1 && e <= daysInMonth { days |= 1 << UInt32(daysInMonth - e) }
            }
            bits &= days
        }
        if plan.hasWeekdays {
            // Plain weekdays repeat every 7 days from the month's first weekday; RFC 5545 §3.3.10: an ordinal
            // BYDAY (1FR, -1SA) is the nth such weekday of the month, counted from the end when negative.
            let firstWeekday = IntervalArithmetic.weekday(ofDay: first)
            let week = UInt64(RecurrencePlan.rotated(plan.weekdays, toStartOn: firstWeekday))
            var days = UInt32(truncatingIfNeeded: week | week << 7 | week << 14 | week << 21 | week << 28) & all
            for d in plan.numberedWeekdays {
                let offset = (d.weekday.rawValue - firstWeekday + 7) % 7
                let count = (daysInMonth - 1 - offset) / 7 + 1
                let index = d.ordinal > 0 ? d.ordinal - 1 : count + d.ordinal
                if index >= 0 && index < count { days |= 1 << UInt32(offset + 7 * index) }
            }
            bits &= days
        }
        return bits
    }

    /// The first month after `month` in `year` with matching days, and those days (`monthBits`, which also sets
    /// `dayBase`); nil when no later month of the year has any.
    private mutating func nextMonthBits(year: Int, after month: Int) -> (Int, UInt32)? {
        var m = month + 1
        while m <= 12 {
            if plan.months == 0 || (plan.months >> UInt16(m)) & 1 != 0 {
                let bits = monthBits(year * 12 + m - 1)
                if bits != 0 { return (m, bits) }
            }
            m += 1
        }
        return nil
    }

    /// RFC 5545 §3.3.10 BYSETPOS on a period whose candidates are the set bits of `bits`, one each: the
    /// positions' bits, which are sorted and unique by construction.
    static func picking(_ positions: [Int], from bits: UInt32) -> UInt32 {
        let n = bits.nonzeroBitCount
        var picked: UInt32 = 0
        for position in positions {
            var i = position > 0 ? position - 1 : n + position
            guard i >= 0 && i < n else { continue }
            var rest = bits
            while i > 0 { rest &= rest &- 1; i -= 1 }
            picked |= rest & (0 &- rest)
        }
        return picked
    }

    @inline(__always)
    private mutating func appendTimes(ofDay day: Int) {
        bases.append(Int64(day) * 86_400)
    }

    private mutating func fillYear(_ year: Int) {
        let jan1 = CivilDate(year: year, month: 1, day: 1).daysSinceEpoch
        let daysInYear = CivilDate.daysIn(year: year)
        let weekYear = plan.weekNumbers.isEmpty ? nil : RecurrencePlan.WeekYear(year: year, weekStart: plan.weekStart)
        var monthFirst = jan1
        for month in 1 ... 12 {
            let daysInMonth = CivilDate.daysIn(month: month, year: year)
            defer { monthFirst += daysInMonth }
            if plan.months != 0 && (plan.months >> UInt16(month)) & 1 == 0 { continue }
            appendDays(monthFirst: monthFirst, month: month, daysInMonth: daysInMonth, jan1: jan1, daysInYear: daysInYear, weekYear: weekYear)
        }
    }

    private mutating func fillMonth(_ p: Int) {
        let year = IntervalArithmetic.floorDivide(p, 12)
        let month = p - year * 12 + 1
        if plan.months != 0 && (plan.months >> UInt16(month)) & 1 == 0 { return }
        let first = CivilDate(year: year, month: month, day: 1).daysSinceEpoch
        let jan1 = CivilDate(year: year, month: 1, day: 1).daysSinceEpoch
        appendDays(monthFirst: first, month: month, daysInMonth: CivilDate.daysIn(month: month, year: year),
                   jan1: jan1, daysInYear: CivilDate.daysIn(year: year), weekYear: nil)
    }

    @inline(__always)
    private mutating func appendDays(monthFirst: Int, month: Int, daysInMonth: Int, jan1: Int, daysInYear: Int,
                                     weekYear: RecurrencePlan.WeekYear?) {
        var weekday = IntervalArithmetic.weekday(ofDay: monthFirst)
        for dayOfMonth in 1 ... daysInMonth {
            let day = monthFirst + dayOfMonth - 1
            if plan.matches(day: day, month: month, dayOfMonth: dayOfMonth, daysInMonth: daysInMonth,
                            dayOfYear: day - jan1 + 1, daysInYear: daysInYear, weekday: weekday, weekYear: weekYear) {
                appendTimes(ofDay: day)
            }
            weekday = weekday == 7 ? 1 : weekday + 1
        }
    }

    private mutating func fillWeek(_ p: Int) {
        let first = RecurrenceExpansion.firstDay(ofWeek: p, plan.weekStart)
        for day in first ..< first + 7 where plan.matches(day: day, cursor: &cursor) { appendTimes(ofDay: day) }
    }

    /// HOURLY, MINUTELY, SECONDLY: the period's day, hour and minute are limits; a failing day (or
    /// hour, minute) jumps straight to the first period of the next one.
    private mutating func fillSubDaily(_ p: Int) {
        let unit: Int64 = plan.frequency == .hourly ? 3600 : plan.frequency == .minutely ? 60 : 1
        let wall = Int64(p) * unit
        let day = Int(IntervalArithmetic.floorDivide(wall, 86_400))
        if day != cachedDay {
            cachedDay = day
            cachedDayMatches = plan.matches(day: day, cursor: &cursor)
        }
        let secondOfDay = wall - Int64(day) * 86_400
        func jump(toWall boundary: Int64) {
            let targetPeriod = Int(boundary / unit)
            nextPeriod = IntervalArithmetic.firstPeriod(from: p, interval: plan.interval, atLeast: targetPeriod) ?? Int.max
        }
        if !cachedDayMatches { jump(toWall: Int64(day + 1) * 86_400); return }
        if let hours = plan.hourMask, (hours >> UInt32(secondOfDay / 3600)) & 1 == 0 {
            if unit < 3600 { jump(toWall: wall - secondOfDay % 3600 + 3600) }
            return
        }
        if let minutes = plan.minuteMask, (minutes >> UInt64(secondOfDay / 60 % 60)) & 1 == 0 {
            if unit < 60 { jump(toWall: wall - secondOfDay % 60 + 60) }
            return
        }
        if let seconds = plan.secondMask, (seconds >> UInt64(secondOfDay % 60)) & 1 == 0 { return }
        bases.append(wall)
    }

    /// RFC 5545 §3.3.10: BYSETPOS picks, by position, among the instances of one interval.
    private mutating func applySetPositions() {
        guard !plan.setPositions.isEmpty else { return }
        let perBase = plan.timeCount
        let n = bases.count * perBase
        for position in plan.setPositions {
            let i = position > 0 ? position - 1 : n + position
            if i >= 0 && i < n { picked.append(bases[i / perBase] + Int64(plan.time(i % perBase))) }
        }
        picked.sort()
        var unique = 0
        for v in picked where unique == 0 || picked[unique - 1] != v {
            picked[unique] = v
            unique += 1
        }
        picked.removeLast(picked.count - unique)
    }

    // MARK: Period numbering: years, months since year 0, weeks (starting on WKST), days, hours, minutes, seconds.

    /// A day with weekday `weekStart`, as days since 1970-01-01 (1970-01-05 was a Monday).
    static func firstDay(ofWeek p: Int, _ weekStart: Int) -> Int { 4 + (weekStart - 1) + 7 * p }

    /// 10000-01-01T00:00 as wall seconds (2,932,897 days after 1970-01-01): iCalendar has no later year.
    static let endWall: Int64 = 2_932_897 * 86_400

    /// The period that holds the last second of year 9999, without a calendar conversion for years and months.
    static func lastPeriod(_ frequency: RecurrenceFrequency, _ weekStart: Int) -> Int {
        switch frequency {
        case .yearly: return 9_999
        case .monthly: return 9_999 * 12 + 11
        default: return period(ofWall: endWall - 1, frequency, weekStart)
        }
    }

    static func period(ofWall wall: Int64, _ frequency: RecurrenceFrequency, _ weekStart: Int) -> Int {
        let day = Int(IntervalArithmetic.floorDivide(wall, 86_400))
        switch frequency {
        case .yearly: return CivilDate(daysSinceEpoch: day).year
        case .monthly:
            let c = CivilDate(daysSinceEpoch: day)
            return c.year * 12 + c.month - 1
        case .weekly: return IntervalArithmetic.floorDivide(day - 4 - (weekStart - 1), 7)
        case .daily: return day
        case .hourly: return Int(IntervalArithmetic.floorDivide(wall, 3600))
        case .minutely: return Int(IntervalArithmetic.floorDivide(wall, 60))
        case .secondly: return Int(wall)
        }
    }

    static func wall(ofPeriod p: Int, _ frequency: RecurrenceFrequency, _ weekStart: Int) -> Int64 {
        switch frequency {
        case .yearly: return Int64(CivilDate(year: p, month: 1, day: 1).daysSinceEpoch) * 86_400
        case .monthly:
            let y = IntervalArithmetic.floorDivide(p, 12)
            return Int64(CivilDate(year: y, month: p - y * 12 + 1, day: 1).daysSinceEpoch) * 86_400
        case .weekly: return Int64(firstDay(ofWeek: p, weekStart)) * 86_400
        case .daily: return Int64(p) * 86_400
        case .hourly: return Int64(p) * 3600
        case .minutely: return Int64(p) * 60
        case .secondly: return Int64(p)
        }
    }
}
