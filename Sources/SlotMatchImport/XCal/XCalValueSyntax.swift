import SlotMatchCore

/// RFC 6321 typed values rewritten in the iCalendar (RFC 5545) text form, so that xCal and iCalendar
/// files land in one component model and share one value parser and one recurrence engine.
///
/// Each function takes the text of one value element and returns nil when it does not match the
/// xCal syntax of its type; the caller turns nil into an `InputError` with the element's line.
enum XCalValueSyntax {
    /// RFC 6321 §3.6.4 / RFC 5545 §3.3.4: `2026-12-25` → `20261225`.
    static func date(_ text: String) -> String? {
        let b = Array(text.trimmingSpaces.utf8)
        guard b.count == 10, b[4] == dash, b[7] == dash, digits(b, [0, 1, 2, 3, 5, 6, 8, 9]) else { return nil }
        guard CivilDate.parse(String(decoding: b, as: UTF8.self)) != nil else { return nil }
        return String(decoding: b[0 ..< 4] + b[5 ..< 7] + b[8 ..< 10], as: UTF8.self)
    }

    /// RFC 6321 §3.6.5 / RFC 5545 §3.3.5: `2026-12-07T09:00:00` → `20261207T090000`, a trailing `Z` kept.
    static func dateTime(_ text: String) -> String? {
        let trimmed = text.trimmingSpaces
        let b = Array(trimmed.utf8)
        guard b.count == 19 || (b.count == 20 && (b[19] == zulu || b[19] == zulu | 0x20)),
              b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t"),
              let datePart = date(String(decoding: b[0 ..< 10], as: UTF8.self)),
              let timePart = time(String(decoding: b[11...], as: UTF8.self))
        else { return nil }
        return datePart + "T" + timePart
    }

    /// RFC 6321 §3.6.12 / RFC 5545 §3.3.12: `09:00:00` → `090000`, a trailing `Z` kept.
    static func time(_ text: String) -> String? {
        let b = Array(text.trimmingSpaces.utf8)
        guard b.count == 8 || (b.count == 9 && (b[8] == zulu || b[8] == zulu | 0x20)),
              b[2] == colon, b[5] == colon, digits(b, [0, 1, 3, 4, 6, 7]),
              value(b, 0) < 24, value(b, 3) < 60, value(b, 6) <= 60
        else { return nil }
        return String(decoding: b[0 ..< 2] + b[3 ..< 5] + b[6 ..< 8], as: UTF8.self) + (b.count == 9 ? "Z" : "")
    }

    /// RFC 6321 §3.6.14 / RFC 5545 §3.3.14: `+01:00` → `+0100`, `-04:30:15` → `-043015`.
    static func utcOffset(_ text: String) -> String? {
        let b = Array(text.trimmingSpaces.utf8)
        guard b.count == 6 || b.count == 9, b[0] == UInt8(ascii: "+") || b[0] == dash, b[3] == colon,
              digits(b, [1, 2, 4, 5]), value(b, 1) < 24, value(b, 4) < 60
        else { return nil }
        var out = b[0 ..< 3] + b[4 ..< 6]
        if b.count == 9 {
            guard b[6] == colon, digits(b, [7, 8]), value(b, 7) < 60 else { return nil }
            out += b[7 ..< 9]
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// RFC 6321 §3.6.6 / RFC 5545 §3.3.6: xCal writes durations exactly as iCalendar does (`PT1H30M`, `-P1D`, `P2W`).
    static func duration(_ text: String) -> String? {
        let t = text.trimmingSpaces
        var b = Array(t.utf8)
        if b.first == UInt8(ascii: "+") || b.first == dash { b.removeFirst() }
        guard b.count >= 3, b[0] == UInt8(ascii: "P") else { return nil }
        let allowed = Set("0123456789PTWDHMS".utf8)
        guard b.allSatisfy({ allowed.contains($0) }), b.contains(where: { $0 >= 48 && $0 <= 57 }) else { return nil }
        return t
    }

    /// RFC 6321 §3.6.10: `<until>` holds a date or a date-time.
    static func dateOrDateTime(_ text: String) -> String? {
        text.contains("T") || text.contains("t") ? dateTime(text) : date(text)
    }

    /// RFC 6321 §4 / RFC 5545 §3.3.11: TEXT escapes backslash, semicolon, comma and line ends.
    static func escapeText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previousCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            default: out.unicodeScalars.append(scalar)
            }
            previousCR = scalar == "\r"
        }
        return out
    }

    /// RFC 5545 §3.3.2: BOOLEAN is `TRUE` or `FALSE`.
    static func boolean(_ text: String) -> String? {
        switch text.trimmingSpaces.lowercased() {
        case "true", "1": return "TRUE"
        case "false", "0": return "FALSE"
        default: return nil
        }
    }

    /// RFC 5545 §3.3.8: INTEGER, a signed decimal.
    static func integer(_ text: String) -> String? {
        let t = text.trimmingSpaces
        var b = Array(t.utf8)
        if b.first == UInt8(ascii: "+") || b.first == dash { b.removeFirst() }
        return !b.isEmpty && b.allSatisfy({ $0 >= 48 && $0 <= 57 }) ? t : nil
    }

    /// RFC 5545 §3.3.7: FLOAT, a signed decimal with an optional fraction.
    static func float(_ text: String) -> String? {
        let t = text.trimmingSpaces
        var b = Array(t.utf8)
        if b.first == UInt8(ascii: "+") || b.first == dash { b.removeFirst() }
        let dots = b.filter { $0 == UInt8(ascii: ".") }.count
        return !b.isEmpty && dots <= 1 && b.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") }) ? t : nil
    }

    private static let dash = UInt8(ascii: "-")
    private static let colon = UInt8(ascii: ":")
    private static let zulu = UInt8(ascii: "Z")

    private static func digits(_ b: [UInt8], _ at: [Int]) -> Bool { at.allSatisfy { b[$0] >= 48 && b[$0] <= 57 } }
    private static func value(_ b: [UInt8], _ i: Int) -> Int { Int(b[i] - 48) * 10 + Int(b[i + 1] - 48) }
}
