import SlotMatchCore

/// The arguments of `slotmatch-bench expand`, with the benchmark's defaults (the year 2027, Europe/Paris).
struct ExpandOptions {
    var path = ""
    var from = Instant(secondsSinceEpoch: 1_798_761_600)   // 2027-01-01T00:00:00Z
    var to = Instant(secondsSinceEpoch: 1_830_297_600)     // 2028-01-01T00:00:00Z
    /// The territory's zone: floating times and all-day dates are read in it.
    var zone = "Europe/Paris"
    var dump: String?
    /// `file` (the product's rule, RFC 5545 §3.6.5: a TZID names the file's own VTIMEZONE first) or `system`
    /// (TZIDs read from /usr/share/zoneinfo, VTIMEZONE blocks ignored): shows what the VTIMEZONE reading costs.
    var zones = "file"
    var parseOnly = false
    var runs = 3
    /// Files read at once (`ConcurrentFileWork`, as `slotmatch import --jobs`); 1 (the default) is one core.
    var jobs = 1

    /// nil when an option is unknown, lacks its value or has a bad one.
    init?(_ args: [String]) {
        var i = 0
        var positional: [String] = []
        while i < args.count {
            let arg = args[i]
            func value() -> String? {
                i += 1
                return i < args.count ? args[i] : nil
            }
            switch arg {
            case "--from": guard let v = value(), let t = Instant.parseISO8601(v) else { return nil }; from = t
            case "--to": guard let v = value(), let t = Instant.parseISO8601(v) else { return nil }; to = t
            case "--zone": guard let v = value() else { return nil }; zone = v
            case "--dump": guard let v = value() else { return nil }; dump = v
            case "--zones": guard let v = value(), v == "file" || v == "system" else { return nil }; zones = v
            case "--runs": guard let v = value(), let n = Int(v), n > 0 else { return nil }; runs = n
            case "--jobs": guard let v = value(), let n = Int(v), n > 0 else { return nil }; jobs = n
            case "--parse-only": parseOnly = true
            default:
                if arg.hasPrefix("--") { return nil }
                positional.append(arg)
            }
            i += 1
        }
        guard positional.count == 1, from < to else { return nil }
        path = positional[0]
    }
}
