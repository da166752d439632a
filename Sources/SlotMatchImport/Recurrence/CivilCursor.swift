import SlotMatchCore

/// The calendar facts of a day (year, month, day of month, day of year) kept up to date as the
/// expansion walks forward one day at a time, so that a day costs an increment, not a conversion.
struct CivilCursor: Sendable {
    private(set) var day = Int.min
    private(set) var month = 0
    private(set) var dayOfMonth = 0
    private(set) var daysInMonth = 0
    private(set) var jan1 = 0
    private(set) var daysInYear = 0

    @inline(__always)
    mutating func move(to d: Int) {
        if d == day &+ 1 && dayOfMonth < daysInMonth {
            day = d; dayOfMonth += 1
            return
        }
        let c = CivilDate(daysSinceEpoch: d)
        day = d; month = c.month; dayOfMonth = c.day
        daysInMonth = CivilDate.daysIn(month: c.month, year: c.year)
        jan1 = d - c.dayOfYear + 1
        daysInYear = CivilDate.daysIn(year: c.year)
    }

    var dayOfYear: Int { day - jan1 + 1 }
}
