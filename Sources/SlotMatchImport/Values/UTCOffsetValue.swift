import SlotMatchCore

/// A UTC-OFFSET value (RFC 5545 §3.3.14): `+0100`, `-0500`, `-023000`, as in TZOFFSETFROM/TZOFFSETTO.
public struct UTCOffsetValue: Sendable, Hashable, CustomStringConvertible {
    /// Seconds east of UTC.
    public var seconds: Int32

    public init(seconds: Int32) { self.seconds = seconds }

    public var description: String {
        let a = abs(Int(seconds))
        var s = (seconds < 0 ? "-" : "+") + pad(a / 3600) + pad(a % 3600 / 60)
        if a % 60 != 0 { s += pad(a % 60) }
        return s
    }

    private func pad(_ v: Int) -> String { v < 10 ? "0" + String(v) : String(v) }

    public static func parse(_ property: CalendarProperty) throws(InputError) -> UTCOffsetValue {
        try parse(text: property.value, name: property.name, place: property.place)
    }

    /// utc-offset = time-numzone = ("+" / "-") time-hour time-minute [time-second]; "-0000" is not allowed (§3.3.14).
    public static func parse(text: String, name: String, place: SourcePlace) throws(InputError) -> UTCOffsetValue {
        let b = Array(text.utf8)
        guard b.count == 5 || b.count == 7, b[0] == 0x2B || b[0] == 0x2D,
              let h = ValueDigits.value(b, 1, 2), let m = ValueDigits.value(b, 3, 2), h < 24, m < 60 else {
            throw InputError(place, "\(name) has '\(text)', which is not a UTC offset",
                             remedy: "Write the offset as +HHMM or -HHMM (e.g. +0100 for Paris in winter, +0200 in summer), RFC 5545 §3.3.14.")
        }
        var s = 0
        if b.count == 7 {
            guard let sec = ValueDigits.value(b, 5, 2), sec < 60 else {
                throw InputError(place, "\(name) has '\(text)' whose seconds are not 00-59", remedy: "Write the offset as +HHMM or +HHMMSS.")
            }
            s = sec
        }
        let magnitude = h * 3600 + m * 60 + s
        if b[0] == 0x2D && magnitude == 0 {
            throw InputError(place, "\(name) has '\(text)', a negative zero offset, which RFC 5545 §3.3.14 forbids",
                             remedy: "Write +0000 for UTC.")
        }
        return UTCOffsetValue(seconds: Int32(b[0] == 0x2D ? -magnitude : magnitude))
    }
}
