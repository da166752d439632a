import SlotMatchCore

/// Reads the compact literal notation the recurrence tests use for expected instances, close to the
/// way RFC 5545 §3.8.5.3 lists them ("September 2-30; October 1-25"):
/// `19970902` (that day at the default time), `19970902-30` (days 2 to 30), `19970902-30/2` (every
/// other day), `19970902T1200` (an explicit time), `19970902T0900-1640/20` (every 20 minutes).
enum ExpectedInstances {
    static func readings(_ tokens: [String], defaultTime: Int) -> [LocalDateTime] {
        var out: [LocalDateTime] = []
        for token in tokens {
            let b = Array(token.utf8)
            func n(_ from: Int, _ count: Int) -> Int { Int(String(decoding: b[from ..< from + count], as: UTF8.self))! }
            let year = n(0, 4), month = n(4, 2), day = n(6, 2)
            if b.count > 8 && b[8] == UInt8(ascii: "T") {
                let first = n(9, 2) * 3600 + n(11, 2) * 60
                var lastTime = first, step = 60
                if b.count > 13 {
                    lastTime = n(14, 2) * 3600 + n(16, 2) * 60
                    step = n(19, b.count - 19) * 60
                }
                for t in stride(from: first, through: lastTime, by: step) {
                    out.append(LocalDateTime(date: CivilDate(year: year, month: month, day: day), secondOfDay: t))
                }
            } else {
                var lastDay = day, step = 1
                if b.count > 8 {
                    lastDay = n(9, 2)
                    if b.count > 11 { step = n(12, b.count - 12) }
                }
                for d in stride(from: day, through: lastDay, by: step) {
                    out.append(LocalDateTime(date: CivilDate(year: year, month: month, day: d), secondOfDay: defaultTime))
                }
            }
        }
        return out
    }

    /// `19970902T090000` → a wall-clock reading.
    static func local(_ text: String) -> LocalDateTime {
        let b = Array(text.utf8)
        func n(_ from: Int, _ count: Int) -> Int { Int(String(decoding: b[from ..< from + count], as: UTF8.self))! }
        return LocalDateTime(year: n(0, 4), month: n(4, 2), day: n(6, 2), hour: n(9, 2), minute: n(11, 2), second: n(13, 2))
    }
}
