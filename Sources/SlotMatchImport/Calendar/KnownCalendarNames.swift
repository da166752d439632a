/// The component, property and parameter names agendas write all the time (RFC 5545 §3.2, §3.6–3.8, RFC 7953,
/// RFC 7986, the usual X- names), each as one shared `String`.
///
/// The parser looks a name up here by its packed form (`CalendarName`) instead of making a new `String` for
/// every line: the text is the same, only the building is saved. Names not listed are built as before. The
/// parser takes `shared` once per file (a global's lazy initialisation is checked at every access).
struct KnownCalendarNames: Sendable {
    static let names: [String] = [
        "VCALENDAR", "VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", "VTIMEZONE", "STANDARD", "DAYLIGHT", "VALARM",
        "VAVAILABILITY", "AVAILABLE",
        "VERSION", "PRODID", "CALSCALE", "METHOD", "NAME", "COLOR", "REFRESH-INTERVAL", "SOURCE",
        "UID", "DTSTAMP", "DTSTART", "DTEND", "DURATION", "DUE", "RRULE", "RDATE", "EXDATE", "EXRULE", "RECURRENCE-ID",
        "SUMMARY", "DESCRIPTION", "LOCATION", "CATEGORIES", "CLASS", "STATUS", "TRANSP", "SEQUENCE", "PRIORITY",
        "CREATED", "LAST-MODIFIED", "ORGANIZER", "ATTENDEE", "CONTACT", "URL", "GEO", "COMMENT", "RESOURCES",
        "RELATED-TO", "ATTACH", "BUSYTYPE", "FREEBUSY", "TRIGGER", "ACTION", "REPEAT",
        "TZID", "TZNAME", "TZOFFSETFROM", "TZOFFSETTO", "TZURL",
        "X-WR-CALNAME", "X-WR-TIMEZONE", "X-WR-CALDESC", "X-LIC-LOCATION", "X-PUBLISHED-TTL",
        "X-SLOTMATCH-RPPS", "X-SLOTMATCH-MODE", "X-SLOT-DURATION",
        // Parameters (RFC 5545 §3.2).
        "VALUE", "RANGE", "CN", "ROLE", "PARTSTAT", "RSVP", "CUTYPE", "ENCODING", "FMTTYPE", "LANGUAGE", "ALTREP",
        "RELATED", "RELTYPE", "FBTYPE", "MEMBER", "DIR", "SENT-BY", "DELEGATED-TO", "DELEGATED-FROM", "X-RPPS",
    ]

    static let shared = KnownCalendarNames()

    static let slotCount = 256
    /// Only names of at most 16 bytes: their packed form is the whole name.
    let packed: [CalendarName]
    /// Open addressing on the packed form: slot -> index in `packed` + 1 (0: empty).
    let slots: [UInt8]

    init() {
        let packed = Self.names.map(CalendarName.init).filter { $0.count <= 16 }
        var slots = [UInt8](repeating: 0, count: Self.slotCount)
        for (index, name) in packed.enumerated() {
            var slot = Self.slot(head: name.head, tail: name.tail, count: name.count)
            while slots[slot] != 0 { slot = (slot + 1) & (Self.slotCount - 1) }
            slots[slot] = UInt8(index + 1)
        }
        self.packed = packed; self.slots = slots
    }

    @inline(__always)
    static func slot(head: UInt64, tail: UInt64, count: Int) -> Int {
        Int(truncatingIfNeeded: ((head &* 0x9E37_79B9_7F4A_7C15) ^ (tail &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(bitPattern: Int64(count))) >> 56)
    }

    /// The shared `String` of the known ASCII name packed as (`head`, `tail`, `count`), or nil.
    @inline(__always)
    func text(head: UInt64, tail: UInt64, count: Int) -> String? {
        guard count <= 16 else { return nil }
        var slot = Self.slot(head: head, tail: tail, count: count)
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            let candidate = packed[entry - 1]
            if candidate.head == head && candidate.tail == tail && candidate.count == count { return candidate.text }
            slot = (slot + 1) & (Self.slotCount - 1)
        }
    }
}
