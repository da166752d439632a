import SlotMatchCore

/// A recurrence rule compiled against its DTSTART: bit masks and sorted lists that the expansion
/// loop reads, with the RFC 5545 §3.3.10 defaults ("information not contained in the rule … is
/// taken from DTSTART") already filled in.
///
/// Day filters are applied by intersection, which is what the RFC's expand/limit table amounts to
/// once a period's candidate days are all the days of the period: BYMONTH, BYWEEKNO, BYYEARDAY,
/// BYMONTHDAY and BYDAY each keep the days they name (BYDAY ordinals count within the month, or
/// within the year for a YEARLY rule without BYMONTH).
///
/// A final class: a set, its expansions and their copies share one plan (one reference, not its lists).
final class RecurrencePlan: Sendable {
    let frequency: RecurrenceFrequency
    let interval: Int
    /// ISO number of WKST (Monday = 1).
    let weekStart: Int
    /// Bit m for month m; 0 when there is no BYMONTH.
    let months: UInt16
    let monthDaysFromStart: UInt32
    let monthDaysFromEnd: UInt32
    let hasMonthDays: Bool
    let yearDays: [Int]
    let weekNumbers: [Int]
    /// Bit w for an un-numbered BYDAY weekday w.
    let weekdays: UInt8
    let numberedWeekdays: [RecurrenceWeekday]
    let hasWeekdays: Bool
    /// BYDAY ordinals count within the year (YEARLY without BYMONTH) rather than the month.
    let ordinalsCountInYear: Bool
    /// Limits for periods finer than a day (nil: no limit).
    let hourMask: UInt32?
    let minuteMask: UInt64?
    let secondMask: UInt64?
    /// Offsets in seconds of the instances inside one matching day (DAILY and coarser), hour
    /// (HOURLY) or minute (MINUTELY); `0` alone for SECONDLY. Sorted, unique; read through `time(_:)`:
    /// this list holds them when there are several, and is empty when there is one (`firstTime`).
    let times: [Int]
    /// How many offsets: the first alone when there is just one (`times` is then empty: no array per plain rule).
    let timeCount: Int
    let firstTime: Int

    /// Offset `i` of the instances inside a matching day (hour, minute), `i < timeCount`.
    @inline(__always)
    func time(_ i: Int) -> Int { timeCount == 1 ? firstTime : times[i] }
    let setPositions: [Int]
    /// Whether a day filter needs more than the weekday (month, day of month or year, ordinals).
    let needsCivilDay: Bool
    /// Whether the expansion may hold a period's matching days as a bit mask instead of the `bases` array
    /// (`RecurrenceExpansion`'s day-mask path): DAILY, WEEKLY and MONTHLY rules, whose periods have at most
    /// 31 days, with a single time of day when BYSETPOS picks among the candidates; YEARLY rules whose days
    /// are those of their months (one month's mask after the other: no BYSETPOS, BYWEEKNO, BYYEARDAY, nor
    /// ordinals counted in the year), as VTIMEZONE's `FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU`.
    let allowsDayMasks: Bool
    /// The plain BYDAY weekdays as offsets from the first day of a week starting on WKST (bit k: the k-th
    /// day of the week matches); every day without BYDAY.
    let weekOffsets: UInt8
    /// The day-mask bits of every period, BYSETPOS applied, when they are the same for every period and not
    /// empty: WEEKLY with plain BYDAY (no day filter needing the calendar), DAILY without day filters. 0 for
    /// the other rules. The expansion then loads a period inline, as `fillNextDayMask` would.
    let constantPeriodBits: UInt32

    /// COUNT and UNTIL, so that an expansion needs the plan alone, not a copy of the rule and its arrays.
    let count: Int?
    let until: RecurrenceUntil?

    /// Compiles `rule` in one pass over its parts into masks: no filtered, de-duplicated or sorted copies of
    /// its lists (the same values the RFC 5545 §3.3.10 reading gives: out-of-range numbers never match, a
    /// leap second is ignored, times are sorted and unique).
    init(rule: RecurrenceRule, start: LocalDateTime) {
        frequency = rule.frequency
        interval = max(1, rule.interval)
        weekStart = rule.weekStart.rawValue
        count = rule.count
        until = rule.until
        var monthBits: UInt16 = 0
        // The lists are read by index: a `for … in` over each would retain and release it.
        for i in rule.byMonth.indices { let m = rule.byMonth[i]; if m >= 1 && m <= 12 { monthBits |= 1 << UInt16(m) } }
        var fromStart: UInt32 = 0, fromEnd: UInt32 = 0, anyMonthDay = false
        for i in rule.byMonthDay.indices {
            let d = rule.byMonthDay[i]
            guard d != 0 && d >= -31 && d <= 31 else { continue }
            anyMonthDay = true
            if d > 0 { fromStart |= 1 << UInt32(d) } else { fromEnd |= 1 << UInt32(-d) }
        }
        var plain: UInt8 = 0, anyDay = false
        var numbered: [RecurrenceWeekday] = []
        for i in rule.byDay.indices {
            let d = rule.byDay[i]
            guard d.ordinal >= -53 && d.ordinal <= 53 else { continue }
            anyDay = true
            if d.ordinal == 0 { plain |= 1 << UInt8(d.weekday.rawValue) } else { numbered.append(d) }
        }
        let byYearDay = rule.byYearDay.isEmpty ? [] : rule.byYearDay.filter { $0 != 0 && (-366 ... 366).contains($0) }
        let byWeekNumber = rule.frequency == .yearly && !rule.byWeekNumber.isEmpty
            ? rule.byWeekNumber.filter { $0 != 0 && (-53 ... 53).contains($0) } : []
        // RFC 5545 §3.3.10: what the rule leaves out is taken from DTSTART (the day-level defaults).
        if byWeekNumber.isEmpty && byYearDay.isEmpty && !anyMonthDay && !anyDay {
            switch rule.frequency {
            case .yearly:
                if monthBits == 0 { monthBits = 1 << UInt16(start.date.month) }
                fromStart |= 1 << UInt32(start.date.day); anyMonthDay = true
            case .monthly:
                fromStart |= 1 << UInt32(start.date.day); anyMonthDay = true
            case .weekly:
                plain |= 1 << UInt8(start.date.weekday.rawValue); anyDay = true
            default:
                break
            }
        }
        months = monthBits
        monthDaysFromStart = fromStart; monthDaysFromEnd = fromEnd; hasMonthDays = anyMonthDay
        yearDays = byYearDay
        weekNumbers = byWeekNumber
        weekdays = plain
        numberedWeekdays = numbered
        hasWeekdays = anyDay
        ordinalsCountInYear = rule.frequency == .yearly && monthBits == 0

        var hours: UInt32 = 0, minutes: UInt64 = 0, seconds: UInt64 = 0
        for i in rule.byHour.indices { let h = rule.byHour[i]; if h >= 0 && h <= 23 { hours |= 1 << UInt32(h) } }
        for i in rule.byMinute.indices { let m = rule.byMinute[i]; if m >= 0 && m <= 59 { minutes |= 1 << UInt64(m) } }
        // A leap second (60) is accepted by the grammar but never exists on a wall clock: ignored.
        for i in rule.bySecond.indices { let v = rule.bySecond[i]; if v >= 0 && v <= 59 { seconds |= 1 << UInt64(v) } }
        let hourSet = rule.byHour.isEmpty ? UInt64(1) << UInt64(start.hour) : UInt64(hours)
        let minuteSet = rule.byMinute.isEmpty ? UInt64(1) << UInt64(start.minute) : minutes
        let secondSet = rule.bySecond.isEmpty ? UInt64(1) << UInt64(start.second) : seconds
        let hourBits: UInt64, minuteBits: UInt64, secondBits: UInt64
        switch rule.frequency {
        case .secondly:
            hourMask = rule.byHour.isEmpty ? nil : hours
            minuteMask = rule.byMinute.isEmpty ? nil : minutes
            secondMask = rule.bySecond.isEmpty ? nil : seconds
            hourBits = 1; minuteBits = 1; secondBits = 1
        case .minutely:
            hourMask = rule.byHour.isEmpty ? nil : hours
            minuteMask = rule.byMinute.isEmpty ? nil : minutes
            secondMask = nil
            hourBits = 1; minuteBits = 1; secondBits = secondSet
        case .hourly:
            hourMask = rule.byHour.isEmpty ? nil : hours
            minuteMask = nil; secondMask = nil
            hourBits = 1; minuteBits = minuteSet; secondBits = secondSet
        default:
            hourMask = nil; minuteMask = nil; secondMask = nil
            hourBits = hourSet; minuteBits = minuteSet; secondBits = secondSet
        }
        let count = hourBits.nonzeroBitCount * minuteBits.nonzeroBitCount * secondBits.nonzeroBitCount
        timeCount = count
        firstTime = count == 0 ? 0
            : hourBits.trailingZeroBitCount * 3600 + minuteBits.trailingZeroBitCount * 60 + secondBits.trailingZeroBitCount
        times = count > 1 ? Self.offsets(hours: hourBits, minutes: minuteBits, seconds: secondBits) : []
        let positions = rule.bySetPosition.isEmpty ? [] : rule.bySetPosition.filter { $0 != 0 }
        setPositions = positions
        let civil = monthBits != 0 || anyMonthDay || !byYearDay.isEmpty || !byWeekNumber.isEmpty || !numbered.isEmpty
        needsCivilDay = civil
        let f = rule.frequency
        // YEARLY too when its days are those of its months: no BYSETPOS (it would count across the months),
        // BYWEEKNO or BYYEARDAY, and BYDAY ordinals (if any) counted within the month (BYMONTH given).
        let yearlyByMonths = f == .yearly && positions.isEmpty && byWeekNumber.isEmpty && byYearDay.isEmpty
            && (monthBits != 0 || numbered.isEmpty)
        let masks = ((f == .daily || f == .weekly || f == .monthly) && (positions.isEmpty || count == 1)) || yearlyByMonths
        allowsDayMasks = masks
        let offsets = anyDay ? RecurrencePlan.rotated(plain, toStartOn: rule.weekStart.rawValue) : 0x7F
        weekOffsets = offsets
        var constant: UInt32 = 0
        if masks && !civil {
            if f == .weekly { constant = UInt32(offsets) } else if f == .daily && !anyDay { constant = 1 }
            if constant != 0 && !positions.isEmpty { constant = RecurrenceExpansion.picking(positions, from: constant) }
        }
        constantPeriodBits = constant
    }

    /// `h·3600 + m·60 + s` for every set bit h, m, s of the masks, ascending, in one array.
    private static func offsets(hours: UInt64, minutes: UInt64, seconds: UInt64) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(hours.nonzeroBitCount * minutes.nonzeroBitCount * seconds.nonzeroBitCount)
        var h = hours
        while h != 0 {
            let hour = h.trailingZeroBitCount
            h &= h &- 1
            var m = minutes
            while m != 0 {
                let minute = m.trailingZeroBitCount
                m &= m &- 1
                var s = seconds
                while s != 0 {
                    out.append(hour * 3600 + minute * 60 + s.trailingZeroBitCount)
                    s &= s &- 1
                }
            }
        }
        return out
    }

    /// Weekday bits (bit w for ISO weekday w) → bits of day offsets from a day with weekday `first`
    /// (bit k: weekday `(first - 1 + k) % 7 + 1`).
    @inline(__always)
    static func rotated(_ weekdayBits: UInt8, toStartOn first: Int) -> UInt8 {
        let w = UInt16(weekdayBits >> 1) & 0x7F, s = UInt16(first - 1)
        return UInt8(((w >> s) | (w << (7 - s))) & 0x7F)
    }

    /// The week-numbering facts of one year for BYWEEKNO: where week 1 of the year before, of this
    /// year, and of the next two years begins (RFC 5545 §3.3.10: week 1 is the first week, starting
    /// on WKST, with at least four days in the year, i.e. the week holding January 4th).
    struct WeekYear {
        let firsts: (Int, Int, Int, Int)

        init(year: Int, weekStart: Int) {
            func first(_ y: Int) -> Int {
                let jan4 = CivilDate(year: y, month: 1, day: 4).daysSinceEpoch
                return jan4 - (IntervalArithmetic.weekday(ofDay: jan4) - weekStart + 7) % 7
            }
            firsts = (first(year - 1), first(year), first(year + 1), first(year + 2))
        }

        /// The week number of `day` (in the week-numbering year it belongs to) and that year's week count.
        func week(ofDay day: Int, weekday: Int, weekStart: Int) -> (number: Int, weeks: Int) {
            let weekBegin = day - (weekday - weekStart + 7) % 7
            if weekBegin >= firsts.2 { return ((weekBegin - firsts.2) / 7 + 1, (firsts.3 - firsts.2) / 7) }
            if weekBegin >= firsts.1 { return ((weekBegin - firsts.1) / 7 + 1, (firsts.2 - firsts.1) / 7) }
            return ((weekBegin - firsts.0) / 7 + 1, (firsts.1 - firsts.0) / 7)
        }
    }

    /// Whether a day passes every day-level BYxxx part.
    @inline(__always)
    func matches(day epochDay: Int, month: Int, dayOfMonth: Int, daysInMonth: Int, dayOfYear: Int, daysInYear: Int,
                 weekday: Int, weekYear: WeekYear?) -> Bool {
        if months != 0 && (months >> UInt16(month)) & 1 == 0 { return false }
        if hasMonthDays {
            let fromEnd = daysInMonth - dayOfMonth + 1
            if (monthDaysFromStart >> UInt32(dayOfMonth)) & 1 == 0 && (monthDaysFromEnd >> UInt32(fromEnd)) & 1 == 0 { return false }
        }
        if !yearDays.isEmpty {
            var hit = false
            for v in yearDays where (v > 0 ? v : daysInYear + v + 1) == dayOfYear { hit = true; break }
            if !hit { return false }
        }
        if let weekYear, !weekNumbers.isEmpty {
            let w = weekYear.week(ofDay: epochDay, weekday: weekday, weekStart: weekStart)
            var hit = false
            for v in weekNumbers where (v > 0 ? v : w.weeks + v + 1) == w.number { hit = true; break }
            if !hit { return false }
        }
        if hasWeekdays && (weekdays >> UInt8(weekday)) & 1 == 0 {
            let (index, count) = ordinalsCountInYear ? (dayOfYear, daysInYear) : (dayOfMonth, daysInMonth)
            let forward = (index - 1) / 7 + 1
            let backward = -((count - index) / 7 + 1)
            var hit = false
            for d in numberedWeekdays where d.weekday.rawValue == weekday && (d.ordinal == forward || d.ordinal == backward) {
                hit = true; break
            }
            if !hit { return false }
        }
        return true
    }

    /// `matches` for a day known by its count since 1970-01-01; `cursor` carries its calendar facts
    /// from one call to the next (BYWEEKNO, YEARLY only, is checked by the year walk instead).
    @inline(__always)
    func matches(day epochDay: Int, cursor: inout CivilCursor) -> Bool {
        let weekday = IntervalArithmetic.weekday(ofDay: epochDay)
        if !needsCivilDay { return !hasWeekdays || (weekdays >> UInt8(weekday)) & 1 != 0 }
        cursor.move(to: epochDay)
        return matches(day: epochDay, month: cursor.month, dayOfMonth: cursor.dayOfMonth, daysInMonth: cursor.daysInMonth,
                       dayOfYear: cursor.dayOfYear, daysInYear: cursor.daysInYear, weekday: weekday, weekYear: nil)
    }
}
