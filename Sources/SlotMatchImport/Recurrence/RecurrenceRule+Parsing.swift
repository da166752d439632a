import SlotMatchCore

extension RecurrenceRule {
    /// Parses an RRULE (or EXRULE) value, RFC 5545 §3.3.10; part names and values are case-insensitive.
    ///
    /// Throws `InputError` at `place` for an unknown part, a part given twice, a bad or out-of-range
    /// value, a missing FREQ, COUNT together with UNTIL, and any BYxxx part the RFC's table forbids for
    /// the frequency (BYWEEKNO outside YEARLY, ordinal BYDAY outside MONTHLY/YEARLY or with BYWEEKNO,
    /// BYMONTHDAY in WEEKLY, BYYEARDAY in DAILY/WEEKLY/MONTHLY, BYSETPOS without another BYxxx part).
    public init(parsing text: String, at place: SourcePlace = SourcePlace()) throws {
        // Plain rules (upper-case ASCII, no spaces, every value well-formed) are read byte by byte; anything
        // else, errors included, takes the general reading below, which gives the same rule or says what is wrong.
        // A text read before gives the same rule (RecurrenceRuleMemo keeps only texts read without error).
        if let known = RecurrenceRuleMemo.shared.rule(for: text) {
            self = known
            return
        }
        if let quick = Self.quickRule(text) {
            try quick.checkTable(place, text)
            RecurrenceRuleMemo.shared.remember(quick, for: text)
            self = quick
            return
        }
        let example = "for example FREQ=WEEKLY;BYDAY=MO,TH"
        var frequency: RecurrenceFrequency?
        var rule = RecurrenceRule(frequency: .daily)
        var seen: [String] = []
        for rawPart in text.split(separator: ";", omittingEmptySubsequences: true) {
            let part = rawPart.trimmingSpaces
            if part.isEmpty { continue }
            guard let equals = part.firstIndex(of: "=") else {
                throw InputError(place, "the recurrence rule part '\(part)' has no '=' (in RRULE '\(text)')",
                                 remedy: "Write every part of the rule as NAME=VALUE, \(example).")
            }
            let name = part[..<equals].trimmingSpaces.uppercased()
            let value = String(part[part.index(after: equals)...].trimmingSpaces)
            guard !seen.contains(name) else {
                throw InputError(place, "the recurrence rule gives \(name) twice (in RRULE '\(text)')",
                                 remedy: "Keep a single \(name)=… part, listing several values with commas.")
            }
            seen.append(name)
            guard !value.isEmpty else {
                throw InputError(place, "the recurrence rule part \(name) has no value (in RRULE '\(text)')",
                                 remedy: "Give a value after '\(name)=', or remove the part.")
            }
            switch name {
            case "FREQ":
                guard let f = RecurrenceFrequency(icalName: value) else {
                    throw InputError(place, "FREQ=\(value) is not a recurrence frequency",
                                     remedy: "Use one of SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY.")
                }
                frequency = f
            case "INTERVAL":
                rule.interval = try Self.number(value, name, 1 ... Int.max, allowsNegative: false, place, meaning: "a whole number of periods, 1 or more")
            case "COUNT":
                rule.count = try Self.number(value, name, 1 ... Int.max, allowsNegative: false, place, meaning: "a number of occurrences, 1 or more")
            case "UNTIL":
                rule.until = try Self.until(value, place)
            case "BYSECOND":
                rule.bySecond = try Self.numbers(value, name, 0 ... 60, allowsNegative: false, place, meaning: "a second, 0 to 60")
            case "BYMINUTE":
                rule.byMinute = try Self.numbers(value, name, 0 ... 59, allowsNegative: false, place, meaning: "a minute, 0 to 59")
            case "BYHOUR":
                rule.byHour = try Self.numbers(value, name, 0 ... 23, allowsNegative: false, place, meaning: "an hour, 0 to 23")
            case "BYDAY":
                rule.byDay = try Self.weekdays(value, place)
            case "BYMONTHDAY":
                rule.byMonthDay = try Self.numbers(value, name, 1 ... 31, allowsNegative: true, place, meaning: "a day of the month, 1 to 31 or -1 to -31 counting from the end")
            case "BYYEARDAY":
                rule.byYearDay = try Self.numbers(value, name, 1 ... 366, allowsNegative: true, place, meaning: "a day of the year, 1 to 366 or -1 to -366 counting from the end")
            case "BYWEEKNO":
                rule.byWeekNumber = try Self.numbers(value, name, 1 ... 53, allowsNegative: true, place, meaning: "a week number, 1 to 53 or -1 to -53 counting from the end")
            case "BYMONTH":
                rule.byMonth = try Self.numbers(value, name, 1 ... 12, allowsNegative: false, place, meaning: "a month, 1 to 12")
            case "BYSETPOS":
                rule.bySetPosition = try Self.numbers(value, name, 1 ... 366, allowsNegative: true, place, meaning: "a position in the period, 1 to 366 or -1 to -366 counting from the end")
            case "WKST":
                guard let w = Weekday(icalCode: value) else {
                    throw InputError(place, "WKST=\(value) is not a day of the week", remedy: "Use one of MO, TU, WE, TH, FR, SA, SU.")
                }
                rule.weekStart = w
            default:
                throw InputError(place, "'\(name)' is not a part of a recurrence rule (in RRULE '\(text)')",
                                 remedy: "Use only FREQ, INTERVAL, COUNT, UNTIL, BYSECOND, BYMINUTE, BYHOUR, BYDAY, BYMONTHDAY, BYYEARDAY, BYWEEKNO, BYMONTH, BYSETPOS and WKST (RFC 5545 §3.3.10).")
            }
        }
        guard let frequency else {
            throw InputError(place, "the recurrence rule '\(text)' has no FREQ part",
                             remedy: "Say how often it repeats, \(example).")
        }
        rule.frequency = frequency
        try rule.checkTable(place, text)
        self = rule
    }

    /// The rule of a plain RRULE text read over its bytes, or nil when the text is not plain (then the general
    /// reading decides). Gives exactly what the general reading gives, before the table check.
    private static func quickRule(_ text: String) -> RecurrenceRule? {
        text.utf8.withContiguousStorageIfAvailable { quickRule($0) } ?? nil
    }

    private static func quickRule(_ b: UnsafeBufferPointer<UInt8>) -> RecurrenceRule? {
        var rule = RecurrenceRule(frequency: .daily)
        var frequency: RecurrenceFrequency?
        var seen: UInt32 = 0
        var i = 0
        while i < b.count {
            var end = i
            while end < b.count && b[end] != UInt8(ascii: ";") { end += 1 }
            defer { i = end + 1 }
            if end == i { continue }   // an empty part, as ";;"
            var equals = i
            while equals < end && b[equals] != UInt8(ascii: "=") {
                guard b[equals] >= UInt8(ascii: "A") && b[equals] <= UInt8(ascii: "Z") else { return nil }
                equals += 1
            }
            guard equals < end, equals > i, equals + 1 < end else { return nil }
            let value = UnsafeBufferPointer(rebasing: b[(equals + 1) ..< end])
            guard let part = quickPartKeys.firstIndex(of: quickKey(UnsafeBufferPointer(rebasing: b[i ..< equals]))) else { return nil }
            guard seen & (1 << part) == 0 else { return nil }
            seen |= 1 << part
            switch part {
            case 0: guard let f = quickFrequency(value) else { return nil }; frequency = f
            case 1: guard let n = quickNumber(value[...], 1 ... Int.max, allowsNegative: false) else { return nil }; rule.interval = n
            case 2: guard let n = quickNumber(value[...], 1 ... Int.max, allowsNegative: false) else { return nil }; rule.count = n
            case 3: guard let until = quickUntil(value) else { return nil }; rule.until = until
            case 4: guard let v = quickNumbers(value, 0 ... 60, allowsNegative: false) else { return nil }; rule.bySecond = v
            case 5: guard let v = quickNumbers(value, 0 ... 59, allowsNegative: false) else { return nil }; rule.byMinute = v
            case 6: guard let v = quickNumbers(value, 0 ... 23, allowsNegative: false) else { return nil }; rule.byHour = v
            case 7: guard let v = quickWeekdays(value) else { return nil }; rule.byDay = v
            case 8: guard let v = quickNumbers(value, 1 ... 31, allowsNegative: true) else { return nil }; rule.byMonthDay = v
            case 9: guard let v = quickNumbers(value, 1 ... 366, allowsNegative: true) else { return nil }; rule.byYearDay = v
            case 10: guard let v = quickNumbers(value, 1 ... 53, allowsNegative: true) else { return nil }; rule.byWeekNumber = v
            case 11: guard let v = quickNumbers(value, 1 ... 12, allowsNegative: false) else { return nil }; rule.byMonth = v
            case 12: guard let v = quickNumbers(value, 1 ... 366, allowsNegative: true) else { return nil }; rule.bySetPosition = v
            default: guard value.count == 2, let w = quickWeekday(value[...]) else { return nil }; rule.weekStart = w
            }
        }
        guard let frequency else { return nil }
        rule.frequency = frequency
        return rule
    }

    /// An upper-case ASCII word of up to 12 letters as one integer (5 bits a letter, the first letter highest),
    /// so that part names and frequencies compare as integers; 0 (no word) for anything else.
    private static func quickKey(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard word.count <= 12 else { return 0 }
        var key: UInt64 = 0
        for byte in word {
            guard byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") else { return 0 }
            key = key << 5 | UInt64(byte - 64)
        }
        return key
    }

    private static func quickKey(_ word: String) -> UInt64 {
        var bytes = Array(word.utf8)
        return bytes.withUnsafeMutableBufferPointer { quickKey(UnsafeBufferPointer($0)) }
    }

    /// The part names in the order of `quickRule`'s cases, as `quickKey`s.
    private static let quickPartKeys: [UInt64] = [
        "FREQ", "INTERVAL", "COUNT", "UNTIL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY",
        "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST",
    ].map(quickKey)

    /// `RecurrenceFrequency.allCases` as `quickKey`s of their names.
    private static let quickFrequencyKeys: [UInt64] = RecurrenceFrequency.allCases.map { quickKey($0.icalName) }

    private static func quickFrequency(_ value: UnsafeBufferPointer<UInt8>) -> RecurrenceFrequency? {
        let key = quickKey(value)
        guard key != 0, let i = quickFrequencyKeys.firstIndex(of: key) else { return nil }
        return RecurrenceFrequency.allCases[i]
    }

    /// An upper-case two-letter weekday code.
    private static func quickWeekday(_ code: Slice<UnsafeBufferPointer<UInt8>>) -> Weekday? {
        guard code.count == 2 else { return nil }
        let a = code[code.startIndex], b = code[code.startIndex + 1]
        switch (a, b) {
        case (UInt8(ascii: "M"), UInt8(ascii: "O")): return .monday
        case (UInt8(ascii: "T"), UInt8(ascii: "U")): return .tuesday
        case (UInt8(ascii: "W"), UInt8(ascii: "E")): return .wednesday
        case (UInt8(ascii: "T"), UInt8(ascii: "H")): return .thursday
        case (UInt8(ascii: "F"), UInt8(ascii: "R")): return .friday
        case (UInt8(ascii: "S"), UInt8(ascii: "A")): return .saturday
        case (UInt8(ascii: "S"), UInt8(ascii: "U")): return .sunday
        default: return nil
        }
    }

    /// As `number`: an optional sign, then 1 to 18 digits, in `range` by magnitude; nil for anything else.
    private static func quickNumber(_ text: Slice<UnsafeBufferPointer<UInt8>>, _ range: ClosedRange<Int>, allowsNegative: Bool) -> Int? {
        var digits = text
        var sign = 1
        if let first = digits.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            sign = first == UInt8(ascii: "-") ? -1 : 1
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var magnitude = 0
        for byte in digits {
            guard byte >= 48 && byte <= 57 else { return nil }
            magnitude = magnitude * 10 + Int(byte - 48)
        }
        guard range.contains(magnitude), sign == 1 || allowsNegative else { return nil }
        return sign * magnitude
    }

    /// The comma-separated items of `text` (empty ones included, as `split(omittingEmptySubsequences: false)`),
    /// without an array of slices.
    @inline(__always)
    private static func forEachItem(_ text: UnsafeBufferPointer<UInt8>, _ body: (Slice<UnsafeBufferPointer<UInt8>>) -> Bool) -> Bool {
        var start = 0
        while true {
            var end = start
            while end < text.count && text[end] != UInt8(ascii: ",") { end += 1 }
            guard body(text[start ..< end]) else { return false }
            if end == text.count { return true }
            start = end + 1
        }
    }

    private static func quickNumbers(_ text: UnsafeBufferPointer<UInt8>, _ range: ClosedRange<Int>, allowsNegative: Bool) -> [Int]? {
        var values: [Int] = []
        let ok = forEachItem(text) { item in
            guard let v = quickNumber(item, range, allowsNegative: allowsNegative) else { return false }
            if !values.contains(v) { values.append(v) }
            return true
        }
        return ok ? values : nil
    }

    private static func quickWeekdays(_ text: UnsafeBufferPointer<UInt8>) -> [RecurrenceWeekday]? {
        var values: [RecurrenceWeekday] = []
        let ok = forEachItem(text) { item in
            guard item.count >= 2, let weekday = quickWeekday(item.suffix(2)) else { return false }
            var ordinal = 0
            let prefix = item.dropLast(2)
            if !prefix.isEmpty {
                guard let n = quickNumber(prefix, 1 ... 53, allowsNegative: true) else { return false }
                ordinal = n
            }
            let entry = RecurrenceWeekday(weekday, ordinal: ordinal)
            if !values.contains(entry) { values.append(entry) }
            return true
        }
        return ok ? values : nil
    }

    /// As `until`, over the bytes, for a well-formed value; nil for anything else (the general reading says what).
    private static func quickUntil(_ b: UnsafeBufferPointer<UInt8>) -> RecurrenceUntil? {
        func digits(_ start: Int, _ count: Int) -> Int? { ValueDigits.value(b, start, count) }
        guard b.count >= 8, let y = digits(0, 4), let m = digits(4, 2), let d = digits(6, 2) else { return nil }
        let date = CivilDate(year: y, month: m, day: d)
        guard date.isValid else { return nil }
        if b.count == 8 { return .date(date) }
        guard b.count == 15 || (b.count == 16 && (b[15] == UInt8(ascii: "Z") || b[15] == UInt8(ascii: "z"))),
              b[8] == UInt8(ascii: "T") || b[8] == UInt8(ascii: "t"),
              let hh = digits(9, 2), let mm = digits(11, 2), let ss = digits(13, 2), hh < 24, mm < 60, ss <= 60 else { return nil }
        let local = LocalDateTime(date: date, secondOfDay: hh * 3600 + mm * 60 + min(ss, 59))
        return b.count == 16 ? .utc(Instant(secondsSinceEpoch: local.wallSeconds)) : .local(local)
    }

    /// RFC 5545 §3.3.10: the combinations the grammar allows but the rule-part table forbids.
    private func checkTable(_ place: SourcePlace, _ text: String) throws {
        let f = frequency.icalName
        if count != nil && until != nil {
            throw InputError(place, "the recurrence rule '\(text)' has both COUNT and UNTIL",
                             remedy: "Keep one: COUNT for a number of occurrences, or UNTIL for an end date.")
        }
        if !byWeekNumber.isEmpty && frequency != .yearly {
            throw InputError(place, "BYWEEKNO is only allowed in a YEARLY rule, not with FREQ=\(f)",
                             remedy: "Use FREQ=YEARLY with BYWEEKNO, or remove BYWEEKNO.")
        }
        if let ordinal = byDay.first(where: { $0.ordinal != 0 }) {
            if frequency != .monthly && frequency != .yearly {
                throw InputError(place, "BYDAY=\(ordinal) numbers a weekday, which is only allowed with FREQ=MONTHLY or YEARLY, not \(f)",
                                 remedy: "Write the weekday without a number (BYDAY=\(ordinal.weekday.icalCode)), or use FREQ=MONTHLY.")
            }
            if frequency == .yearly && !byWeekNumber.isEmpty {
                throw InputError(place, "BYDAY=\(ordinal) numbers a weekday together with BYWEEKNO, which RFC 5545 forbids",
                                 remedy: "Write the weekday without a number (BYDAY=\(ordinal.weekday.icalCode)).")
            }
        }
        if !byMonthDay.isEmpty && frequency == .weekly {
            throw InputError(place, "BYMONTHDAY is not allowed with FREQ=WEEKLY",
                             remedy: "Use FREQ=MONTHLY with BYMONTHDAY, or BYDAY for weekly rules.")
        }
        if !byYearDay.isEmpty && (frequency == .daily || frequency == .weekly || frequency == .monthly) {
            throw InputError(place, "BYYEARDAY is not allowed with FREQ=\(f)",
                             remedy: "Use FREQ=YEARLY with BYYEARDAY, or BYMONTHDAY/BYDAY instead.")
        }
        if !bySetPosition.isEmpty && bySecond.isEmpty && byMinute.isEmpty && byHour.isEmpty && byDay.isEmpty
            && byMonthDay.isEmpty && byYearDay.isEmpty && byWeekNumber.isEmpty && byMonth.isEmpty {
            throw InputError(place, "BYSETPOS needs another BYxxx part to pick from (in RRULE '\(text)')",
                             remedy: "Add the set to choose from, for example BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 for the last weekday.")
        }
    }

    private static func number(_ text: String, _ name: String, _ range: ClosedRange<Int>, allowsNegative: Bool,
                               _ place: SourcePlace, meaning: String) throws -> Int {
        var digits = Substring(text)
        var sign = 1
        if let first = digits.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw InputError(place, "\(name)=\(text) is not a number", remedy: "Give \(meaning).")
        }
        guard let magnitude = Int(digits), range.contains(magnitude), sign == 1 || allowsNegative else {
            throw InputError(place, "\(name)=\(text) is out of range", remedy: "Give \(meaning).")
        }
        return sign * magnitude
    }

    private static func numbers(_ text: String, _ name: String, _ range: ClosedRange<Int>, allowsNegative: Bool,
                                _ place: SourcePlace, meaning: String) throws -> [Int] {
        var values: [Int] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let v = try number(String(item.trimmingSpaces), name, range, allowsNegative: allowsNegative, place, meaning: meaning)
            if !values.contains(v) { values.append(v) }
        }
        return values
    }

    private static func weekdays(_ text: String, _ place: SourcePlace) throws -> [RecurrenceWeekday] {
        var values: [RecurrenceWeekday] = []
        for rawItem in text.split(separator: ",", omittingEmptySubsequences: false) {
            let item = rawItem.trimmingSpaces
            guard item.count >= 2, let weekday = Weekday(icalCode: String(item.suffix(2))) else {
                throw InputError(place, "BYDAY=\(text): '\(item)' is not a day of the week",
                                 remedy: "Use MO, TU, WE, TH, FR, SA, SU, optionally numbered (1FR first Friday, -1SU last Sunday).")
            }
            var ordinal = 0
            let prefix = item.dropLast(2)
            if !prefix.isEmpty {
                ordinal = try number(String(prefix), "BYDAY", 1 ... 53, allowsNegative: true, place,
                                     meaning: "a weekday number 1 to 53 or -1 to -53 before the day, as in 1FR or -1SU")
            }
            let entry = RecurrenceWeekday(weekday, ordinal: ordinal)
            if !values.contains(entry) { values.append(entry) }
        }
        return values
    }

    /// `UNTIL`: a DATE (`20261231`), a local DATE-TIME (`20261231T170000`) or a UTC one (`…Z`).
    private static func until(_ text: String, _ place: SourcePlace) throws -> RecurrenceUntil {
        let b = Array(text.utf8)
        let bad = InputError(place, "UNTIL=\(text) is not a date or a date-time",
                             remedy: "Write UNTIL=YYYYMMDD for a date, or UNTIL=YYYYMMDDTHHMMSSZ for a UTC time, e.g. UNTIL=20281231T225959Z.")
        func digits(_ start: Int, _ count: Int) -> Int? { ValueDigits.value(b, start, count) }
        guard b.count >= 8, let y = digits(0, 4), let m = digits(4, 2), let d = digits(6, 2) else { throw bad }
        let date = CivilDate(year: y, month: m, day: d)
        guard date.isValid else {
            throw InputError(place, "UNTIL=\(text) names a day that does not exist", remedy: "Check the month and the day.")
        }
        if b.count == 8 { return .date(date) }
        guard b.count == 15 || (b.count == 16 && (b[15] == UInt8(ascii: "Z") || b[15] == UInt8(ascii: "z"))),
              b[8] == UInt8(ascii: "T") || b[8] == UInt8(ascii: "t"),
              let hh = digits(9, 2), let mm = digits(11, 2), let ss = digits(13, 2) else { throw bad }
        guard hh < 24, mm < 60, ss <= 60 else {
            throw InputError(place, "UNTIL=\(text) has a time of day that does not exist", remedy: "Use hours 00-23, minutes and seconds 00-59.")
        }
        let local = LocalDateTime(date: date, secondOfDay: hh * 3600 + mm * 60 + min(ss, 59))
        return b.count == 16 ? .utc(Instant(secondsSinceEpoch: local.wallSeconds)) : .local(local)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: SubSequence {
        var s = self[...]
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }
}
