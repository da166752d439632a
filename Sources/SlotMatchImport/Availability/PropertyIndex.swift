/// Where, in one component's properties, the first property of each name the availability reader asks for is,
/// found in one pass over them.
///
/// Why: the reader asks a VEVENT for about fifteen names (UID, RECURRENCE-ID, DTSTART, DTEND, STATUS, TRANSP, the
/// X-SLOTMATCH terms, RRULE…), and each `CalendarComponent.property(_:)` walks the properties again. Here the names
/// are sorted out once, by byte count then by comparison; `first(_:in:)` is then an array access. It gives what
/// `property(_:)` gives (the first property of that name), tested on random property lists.
struct PropertyIndex: Sendable {
    /// The names indexed, each with the position of its first property (-1: none).
    enum Name: Int, CaseIterable, Sendable {
        case uid, recurrenceID, dtstart, dtend, duration, status, transp, categories, rrule, rdate, exdate
        case mode, visibility, slotDuration

        /// The property name, as `CalendarProperty.name` holds it (upper case).
        var text: String {
            switch self {
            case .uid: return "UID"
            case .recurrenceID: return "RECURRENCE-ID"
            case .dtstart: return "DTSTART"
            case .dtend: return "DTEND"
            case .duration: return "DURATION"
            case .status: return "STATUS"
            case .transp: return "TRANSP"
            case .categories: return "CATEGORIES"
            case .rrule: return "RRULE"
            case .rdate: return "RDATE"
            case .exdate: return "EXDATE"
            case .mode: return "X-SLOTMATCH-MODE"
            case .visibility: return "X-SLOTMATCH-VISIBILITY"
            case .slotDuration: return "X-SLOT-DURATION"
            }
        }
    }

    private var positions: (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32)
        = (-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1)

    init(_ properties: [CalendarProperty]) {
        for position in properties.indices {
            let name = properties[position].name
            let found: Name?
            switch name.utf8.count {
            case 3: found = name == "UID" ? .uid : nil
            case 5: found = name == "DTEND" ? .dtend : name == "RRULE" ? .rrule : name == "RDATE" ? .rdate : nil
            case 6: found = name == "TRANSP" ? .transp : name == "EXDATE" ? .exdate : name == "STATUS" ? .status : nil
            case 7: found = name == "DTSTART" ? .dtstart : nil
            case 8: found = name == "DURATION" ? .duration : nil
            case 10: found = name == "CATEGORIES" ? .categories : nil
            case 13: found = name == "RECURRENCE-ID" ? .recurrenceID : nil
            case 15: found = name == "X-SLOT-DURATION" ? .slotDuration : nil
            case 16: found = name == "X-SLOTMATCH-MODE" ? .mode : nil
            case 22: found = name == "X-SLOTMATCH-VISIBILITY" ? .visibility : nil
            default: found = nil
            }
            if let found, self[found] < 0 { self[found] = Int32(position) }
        }
    }

    /// The position of the first property named `name`, -1 when there is none.
    subscript(_ name: Name) -> Int32 {
        get {
            withUnsafeBytes(of: positions) { $0.load(fromByteOffset: name.rawValue * 4, as: Int32.self) }
        }
        set {
            withUnsafeMutableBytes(of: &positions) { $0.storeBytes(of: newValue, toByteOffset: name.rawValue * 4, as: Int32.self) }
        }
    }

    /// `component.property(name)`, for the component this index was made from.
    @inline(__always)
    func first(_ name: Name, in component: CalendarComponent) -> CalendarProperty? {
        let position = self[name]
        return position < 0 ? nil : component.properties[Int(position)]
    }

    /// `component.property(name)?.value`, without copying the rest of the property.
    @inline(__always)
    func value(_ name: Name, in component: CalendarComponent) -> String? {
        let position = self[name]
        return position < 0 ? nil : component.properties[Int(position)].value
    }

    /// Whether the component has a property named `name`.
    @inline(__always)
    func has(_ name: Name) -> Bool { self[name] >= 0 }
}
