import SlotMatchCore
@testable import SlotMatchImport

/// Random VCALENDARs for comparing the availability reader's fast paths with its general ones: recurring and single
/// VEVENTs in every time form (TZID, UTC, floating, all-day), EXDATE and RDATE (periods too), RECURRENCE-ID
/// overrides (moved, without DTSTART, cancelled, RANGE=THISANDFUTURE) placed before or after their master, next to
/// it or interleaved with other series, shared and missing UIDs, equal times across series (the sort's ties).
/// Some are invalid on purpose (two masters with one UID, a RANGE without master): both paths must then fail alike.
struct RandomCalendar {
    /// SplitMix64: a seeded, repeatable sequence.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    enum Form: CaseIterable { case zoned, utc, floating, date }

    var generator: Generator
    /// The window the calendar is read over.
    var from: Instant = CalendarTestSupport.paris(1, 0)
    var to: Instant = CalendarTestSupport.paris(31, 0)

    init(seed: UInt64) { generator = Generator(state: seed) }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// `name` with the value of December `day` 2026 at `hour:minute` (Paris for zoned and floating) in `form`.
    static func time(_ name: String, _ form: Form, day: Int, hour: Int, minute: Int = 0) -> String {
        let d = "202612" + two(day)
        switch form {
        case .zoned: return "\(name);TZID=Europe/Paris:\(d)T\(two(hour))\(two(minute))00"
        case .utc: return "\(name):\(d)T\(two(hour - 1))\(two(minute))00Z"   // the same Paris time in December (CET)
        case .floating: return "\(name):\(d)T\(two(hour))\(two(minute))00"
        case .date: return "\(name);VALUE=DATE:\(d)"
        }
    }

    /// One VEVENT's lines.
    static func event(_ lines: [String]) -> [String] { ["BEGIN:VEVENT", "DTSTAMP:20261201T000000Z"] + lines + ["END:VEVENT"] }

    /// A calendar body (between the VCALENDAR lines) and a window.
    mutating func body() -> String {
        var g = generator
        defer { generator = g }
        let uids = ["a@x", "b@x", "c@x", "d@x", "e\\,f@x", "g@x"]
        var components: [[String]] = []   // each VEVENT's lines
        var groups: [[Int]] = []          // component indices per series, master first
        let seriesCount = 1 + g.below(6)
        for s in 0 ..< seriesCount {
            var group: [Int] = []
            let uid: String? = g.chance(8) ? nil : (g.chance(10) && s > 0 ? uids[g.below(s)] : uids[s])
            let form = g.chance(70) ? Form.zoned : g.pick(Form.allCases)
            // Few distinct days and hours, so that equal times across series are common.
            let day = 1 + g.below(10), hour = 8 + g.below(4) * 2
            let minute = g.chance(20) ? 30 : 0
            var master = uid.map { ["UID:\($0)"] } ?? []
            master.append(Self.time("DTSTART", form, day: day, hour: hour, minute: minute))
            switch g.below(5) {
            case 0: break
            case 1: master.append("DURATION:" + (form == .date ? "P1D" : g.pick(["PT1H", "PT30M", "P1D", "PT0S"])))
            default:
                master.append(form == .date ? Self.time("DTEND", .date, day: day + 1, hour: 0)
                                            : Self.time("DTEND", form, day: day, hour: hour + g.below(3), minute: minute))
            }
            let step = g.pick([1, 2, 7])
            let recurring = g.chance(75)
            if recurring {
                let rule = step == 7 ? "FREQ=WEEKLY" : (step == 2 ? "FREQ=DAILY;INTERVAL=2" : "FREQ=DAILY")
                master.append("RRULE:" + rule + (g.chance(50) ? ";COUNT=\(3 + g.below(20))" : ""))
            }
            if recurring && g.chance(50) {
                for _ in 0 ..< 1 + g.below(2) {
                    let exday = day + step * g.below(4)
                    let exform = g.chance(15) ? Form.date : (g.chance(20) ? Form.utc : form)
                    if exday <= 28 { master.append(Self.time("EXDATE", exform, day: exday, hour: hour, minute: minute)) }
                }
            }
            if g.chance(15) {
                let rday = day + 1 + g.below(5)
                if g.chance(50) || form == .date {
                    master.append(Self.time("RDATE", form, day: rday, hour: hour + 1))
                } else {
                    master.append("RDATE;VALUE=PERIOD:202612\(Self.two(rday))T\(Self.two(hour))0000Z/PT45M")
                }
            }
            if g.chance(50) { master += ["TRANSP:TRANSPARENT", "CATEGORIES:" + g.pick(["SNP", "snp", "Consultation,SNP", "Other"])] }
            if g.chance(8) { master.append("STATUS:CANCELLED") }
            if g.chance(10) { master.append("X-SLOT-DURATION:PT20M") }
            if g.chance(85) {
                group.append(components.count)
                components.append(Self.event(master))
            }
            // Overrides of this UID: moved, kept in place, cancelled, this-and-future.
            if uid != nil {
                for _ in 0 ..< g.below(4) {
                    let k = g.below(5)
                    let rdayInstance = day + (recurring ? step * k : 0)
                    guard rdayInstance <= 28 else { continue }
                    var ridLine = Self.time("RECURRENCE-ID", form, day: rdayInstance, hour: hour, minute: minute)
                    if g.chance(25) {
                        ridLine = "RECURRENCE-ID;RANGE=THISANDFUTURE" + ridLine.dropFirst("RECURRENCE-ID".count)
                    }
                    var lines = ["UID:\(uid!)", ridLine]
                    switch g.below(4) {
                    case 0: lines.append("STATUS:CANCELLED")
                    case 1: break   // no DTSTART: keeps the instance's time
                    default:
                        let moved = form == .date ? Form.zoned : form
                        lines.append(Self.time("DTSTART", moved, day: rdayInstance, hour: hour + g.below(2), minute: 30))
                        lines.append(Self.time("DTEND", moved, day: rdayInstance, hour: hour + 2, minute: 30))
                    }
                    if g.chance(40) { lines += ["TRANSP:TRANSPARENT", "CATEGORIES:SNP"] }
                    group.append(components.count)
                    components.append(Self.event(lines))
                }
            }
            groups.append(group)
        }
        // Placement: series one after the other (masters first or last), or every component shuffled.
        var order: [Int] = []
        switch g.below(3) {
        case 0: order = groups.flatMap { $0 }
        case 1: order = groups.flatMap { $0.count > 1 ? Array($0.dropFirst()) + [$0[0]] : $0 }
        default:
            order = groups.flatMap { $0 }
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, g.below(i + 1)) }
        }
        let fromDay = 1 + g.below(8), toDay = fromDay + 3 + g.below(20)
        from = CalendarTestSupport.paris(fromDay, g.chance(50) ? 0 : 10)
        to = CalendarTestSupport.paris(min(toDay, 31), 0)
        return order.flatMap { components[$0] }.joined(separator: "\n")
    }
}
