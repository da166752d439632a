import SlotMatchCore
import SlotMatchImport

/// A deliberately naive reading of RFC 5545 §3.3.10, to check the engine against: it walks every
/// day (hour, minute, second) of the horizon, tests each candidate against the definition of every
/// BYxxx part (counting weekdays one by one, finding week 1 by walking back from January 4th),
/// groups candidates by interval for BYSETPOS, then applies DTSTART, COUNT and a local UNTIL.
/// Slow on purpose; shares no code with the engine.
struct ReferenceRecurrence {
    let rule: RecurrenceRule
    let start: LocalDateTime
    private var weekdayCounts: [Int: [Int]] = [:]

    init(rule: RecurrenceRule, start: LocalDateTime) {
        self.rule = rule; self.start = start
    }

    /// Every instance whose reading is at or before `horizon`.
    mutating func instances(through horizon: LocalDateTime) -> [LocalDateTime] {
        var byMonth = rule.byMonth, byMonthDay = rule.byMonthDay, byDay = rule.byDay
        if rule.byWeekNumber.isEmpty && rule.byYearDay.isEmpty && byMonthDay.isEmpty && byDay.isEmpty {
            switch rule.frequency {
            case .yearly:
                if byMonth.isEmpty { byMonth = [start.date.month] }
                byMonthDay = [start.date.day]
            case .monthly: byMonthDay = [start.date.day]
            case .weekly: byDay = [RecurrenceWeekday(start.date.weekday)]
            default: break
            }
        }
        let seconds = rule.bySecond.isEmpty ? [start.second] : rule.bySecond.filter { $0 < 60 }.sorted()
        let minutes = rule.byMinute.isEmpty ? [start.minute] : rule.byMinute.sorted()
        let hours = rule.byHour.isEmpty ? [start.hour] : rule.byHour.sorted()
        let f = rule.frequency

        // The first day to look at: the beginning of DTSTART's interval.
        var day = start.date
        switch f {
        case .yearly: day = CivilDate(year: day.year, month: 1, day: 1)
        case .monthly: day = CivilDate(year: day.year, month: day.month, day: 1)
        case .weekly: while day.weekday != rule.weekStart { day = day.adding(days: -1) }
        default: break
        }
        // Whole intervals only, so that BYSETPOS sees all of the last one.
        var lastDay = horizon.date
        switch f {
        case .yearly: lastDay = CivilDate(year: lastDay.year, month: 12, day: 31)
        case .monthly: lastDay = CivilDate(year: lastDay.year, month: lastDay.month, day: CivilDate.daysIn(month: lastDay.month, year: lastDay.year))
        case .weekly: while lastDay.adding(days: 1).weekday != rule.weekStart { lastDay = lastDay.adding(days: 1) }
        default: break
        }
        let firstWall = f >= .daily ? Int64.min : Int64(start.date.daysSinceEpoch) * 86_400 + Int64(start.hour) * 3600
        var groups: [(key: Int, readings: [LocalDateTime])] = []
        while day <= lastDay {
            if dayMatches(day, byMonth: byMonth, byMonthDay: byMonthDay, byDay: byDay) {
                var times: [Int] = []
                switch f {
                case .secondly:
                    // Only the hours between DTSTART's and the horizon: every second of a day is too many.
                    for h in 0 ..< 24 where rule.byHour.isEmpty || rule.byHour.contains(h) {
                        let hourWall = Int64(day.daysSinceEpoch) * 86_400 + Int64(h) * 3600
                        if hourWall < firstWall || hourWall > horizon.wallSeconds { continue }
                        for m in 0 ..< 60 where rule.byMinute.isEmpty || rule.byMinute.contains(m) {
                            for s in 0 ..< 60 where rule.bySecond.isEmpty || rule.bySecond.contains(s) { times.append(h * 3600 + m * 60 + s) }
                        }
                    }
                case .minutely:
                    for h in 0 ..< 24 where rule.byHour.isEmpty || rule.byHour.contains(h) {
                        for m in 0 ..< 60 where rule.byMinute.isEmpty || rule.byMinute.contains(m) {
                            for s in seconds { times.append(h * 3600 + m * 60 + s) }
                        }
                    }
                case .hourly:
                    for h in 0 ..< 24 where rule.byHour.isEmpty || rule.byHour.contains(h) {
                        for m in minutes { for s in seconds { times.append(h * 3600 + m * 60 + s) } }
                    }
                default:
                    for h in hours { for m in minutes { for s in seconds { times.append(h * 3600 + m * 60 + s) } } }
                }
                for t in Set(times).sorted() {
                    let reading = LocalDateTime(date: day, secondOfDay: t)
                    let index = intervalIndex(of: reading)
                    guard index >= 0, index % max(1, rule.interval) == 0 else { continue }
                    if groups.last?.key == index { groups[groups.count - 1].readings.append(reading) } else { groups.append((index, [reading])) }
                }
            }
            day = day.adding(days: 1)
        }
        var all: [LocalDateTime] = []
        for group in groups {
            if rule.bySetPosition.isEmpty { all += group.readings; continue }
            var picked: [LocalDateTime] = []
            for p in rule.bySetPosition {
                let i = p > 0 ? p - 1 : group.readings.count + p
                if i >= 0 && i < group.readings.count && !picked.contains(group.readings[i]) { picked.append(group.readings[i]) }
            }
            all += picked.sorted()
        }
        var out = [start]
        for r in all where r > start && r <= horizon {
            if let count = rule.count, out.count >= count { break }
            if case .local(let until) = rule.until, r > until { break }
            out.append(r)
        }
        return out
    }

    /// How many intervals of the rule's frequency lie between DTSTART's and this reading's.
    private func intervalIndex(of r: LocalDateTime) -> Int {
        switch rule.frequency {
        case .yearly: return r.date.year - start.date.year
        case .monthly: return (r.date.year - start.date.year) * 12 + r.date.month - start.date.month
        case .weekly:
            var a = start.date, b = r.date
            while a.weekday != rule.weekStart { a = a.adding(days: -1) }
            while b.weekday != rule.weekStart { b = b.adding(days: -1) }
            return (b.daysSinceEpoch - a.daysSinceEpoch) / 7
        case .daily: return r.date.daysSinceEpoch - start.date.daysSinceEpoch
        case .hourly: return Int(hourIndex(r) - hourIndex(start))
        case .minutely: return Int(minuteIndex(r) - minuteIndex(start))
        case .secondly: return Int(r.wallSeconds - start.wallSeconds)
        }
    }
    private func hourIndex(_ r: LocalDateTime) -> Int64 { Int64(r.date.daysSinceEpoch) * 24 + Int64(r.hour) }
    private func minuteIndex(_ r: LocalDateTime) -> Int64 { hourIndex(r) * 60 + Int64(r.minute) }

    private mutating func dayMatches(_ d: CivilDate, byMonth: [Int], byMonthDay: [Int], byDay: [RecurrenceWeekday]) -> Bool {
        let daysInMonth = CivilDate.daysIn(month: d.month, year: d.year)
        let daysInYear = CivilDate.daysIn(year: d.year)
        if !byMonth.isEmpty && !byMonth.contains(d.month) { return false }
        if !byMonthDay.isEmpty && !byMonthDay.contains(where: { $0 > 0 ? $0 == d.day : daysInMonth + $0 + 1 == d.day }) { return false }
        if !rule.byYearDay.isEmpty && !rule.byYearDay.contains(where: { $0 > 0 ? $0 == d.dayOfYear : daysInYear + $0 + 1 == d.dayOfYear }) {
            return false
        }
        if rule.frequency == .yearly && !rule.byWeekNumber.isEmpty {
            let (number, weeks) = week(of: d)
            if !rule.byWeekNumber.contains(where: { $0 > 0 ? $0 == number : weeks + $0 + 1 == number }) { return false }
        }
        if !byDay.isEmpty {
            let inYear = rule.frequency == .yearly && byMonth.isEmpty
            var hit = false
            for entry in byDay where entry.weekday == d.weekday {
                if entry.ordinal == 0 { hit = true; break }
                let sameWeekdays = weekdaysInScope(d, inYear: inYear)
                let position = sameWeekdays.firstIndex(of: d.daysSinceEpoch)! + 1
                if entry.ordinal == position || entry.ordinal == position - sameWeekdays.count - 1 { hit = true; break }
            }
            if !hit { return false }
        }
        return true
    }

    /// The days of the month (or year) that fall on the same weekday as `d`, counted one by one.
    private mutating func weekdaysInScope(_ d: CivilDate, inYear: Bool) -> [Int] {
        let key = (d.year * 13 + (inYear ? 0 : d.month)) * 8 + d.weekday.rawValue
        if let cached = weekdayCounts[key] { return cached }
        var days: [Int] = []
        var c = inYear ? CivilDate(year: d.year, month: 1, day: 1) : CivilDate(year: d.year, month: d.month, day: 1)
        while c.year == d.year && (inYear || c.month == d.month) {
            if c.weekday == d.weekday { days.append(c.daysSinceEpoch) }
            c = c.adding(days: 1)
        }
        weekdayCounts[key] = days
        return days
    }

    /// The week number of `d` and the number of weeks of its week-numbering year.
    private func week(of d: CivilDate) -> (Int, Int) {
        func firstWeekStart(_ year: Int) -> CivilDate {
            var c = CivilDate(year: year, month: 1, day: 4)
            while c.weekday != rule.weekStart { c = c.adding(days: -1) }
            return c
        }
        for year in [d.year + 1, d.year, d.year - 1] {
            let first = firstWeekStart(year)
            if d >= first {
                let weeks = (firstWeekStart(year + 1).daysSinceEpoch - first.daysSinceEpoch) / 7
                return ((d.daysSinceEpoch - first.daysSinceEpoch) / 7 + 1, weeks)
            }
        }
        return (0, 0)
    }
}
