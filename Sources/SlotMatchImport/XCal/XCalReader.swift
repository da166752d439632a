import SlotMatchCore

/// Reads xCal (RFC 6321, the XML form of iCalendar) into the same `CalendarComponent` tree as the
/// iCalendar parser, so both formats share the time-zone, recurrence and availability code.
///
/// It walks libxml2's stream (`XMLStreamReader`, no DOM): `<icalendar>` → `<vcalendar>` →
/// `<properties>` / `<components>`. Typed values are rewritten in iCalendar text form
/// (`XCalValueSyntax`), a `VALUE` parameter is added where the type is not the property's default
/// (RFC 6321 §3.5.1), parameters keep their decoded values. Unknown xCal properties and components
/// (`x-…`) are kept. Elements of other namespaces are skipped: RFC 6321 §4.1 says they SHOULD be kept
/// in an `XML` property, but nothing downstream reads one.
public struct XCalReader {
    /// RFC 6321 §2, §7.1: the xCal namespace.
    public static let namespace = "urn:ietf:params:xml:ns:icalendar-2.0"

    /// The `VCALENDAR` components of an xCal document, in document order.
    public static func parse(bytes: [UInt8], file: String, limits: XMLReadLimits = XMLReadLimits()) throws(InputError) -> [CalendarComponent] {
        let reader = XCalReader(stream: try XMLStreamReader(bytes: bytes, file: file, limits: limits))
        return try reader.document()
    }

    private let stream: XMLStreamReader

    private init(stream: XMLStreamReader) { self.stream = stream }

    private var file: String { stream.file }

    private func place(_ line: Int) -> SourcePlace { SourcePlace(file: file, line: line) }

    private func isXCal(_ tag: XMLStartTag) -> Bool { tag.namespaceURI == XCalReader.namespace }

    /// The next start tag among the children of the current element, or nil at its end; text between
    /// elements is ignored.
    private func nextChild() throws(InputError) -> XMLStartTag? {
        var ignored = ""
        return try nextChild(collecting: &ignored)
    }

    /// The same, keeping the text met on the way.
    private func nextChild(collecting text: inout String) throws(InputError) -> XMLStartTag? {
        while let event = try stream.next() {
            switch event {
            case .start(let tag): return tag
            case .end: return nil
            case .text(let t, _): text += t
            }
        }
        return nil
    }

    private func document() throws(InputError) -> [CalendarComponent] {
        var root: XMLStartTag?
        while let event = try stream.next() {
            if case .start(let tag) = event { root = tag; break }
        }
        guard let root else {
            throw InputError(place(1), "the file has no root element", remedy: "Export the agenda again as xCal.")
        }
        guard isXCal(root), root.localName == "icalendar" || root.localName == "vcalendar" else {
            let shown = root.namespaceURI.isEmpty ? "<\(root.localName)> (no namespace)" : "<\(root.localName)> in namespace \(root.namespaceURI)"
            throw InputError(place(root.line), "this is not an xCal file: its root element is \(shown)",
                             remedy: "xCal files start with <icalendar xmlns=\"\(XCalReader.namespace)\">; export the agenda as xCal (RFC 6321) or as iCalendar (.ics).")
        }
        if root.localName == "vcalendar" { return [try component(root)] }
        var calendars: [CalendarComponent] = []
        while let child = try nextChild() {
            guard isXCal(child) else { try stream.skipElement(); continue }
            guard child.localName == "vcalendar" else {
                throw InputError(place(child.line), "<icalendar> holds <\(child.localName)>, where only <vcalendar> may stand",
                                 remedy: "Put every component inside <vcalendar><components>…</components></vcalendar>.")
            }
            calendars.append(try component(child))
        }
        return calendars
    }

    /// RFC 6321 §3.2–3.3: a component element holds `<properties>` and `<components>`.
    private func component(_ tag: XMLStartTag) throws(InputError) -> CalendarComponent {
        var result = CalendarComponent(name: tag.localName.uppercased(), place: place(tag.line))
        while let child = try nextChild() {
            guard isXCal(child) else { try stream.skipElement(); continue }
            switch child.localName {
            case "properties":
                while let property = try nextChild() {
                    guard isXCal(property) else { try stream.skipElement(); continue }
                    result.properties.append(try self.property(property))
                }
            case "components":
                while let sub = try nextChild() {
                    guard isXCal(sub) else { try stream.skipElement(); continue }
                    result.components.append(try component(sub))
                }
            default:
                throw InputError(place(child.line), "<\(tag.localName)> holds <\(child.localName)>, where only <properties> and <components> may stand",
                                 remedy: "Move <\(child.localName)> inside <properties> (if it is a property) or <components> (if it is a component).")
            }
        }
        return result
    }

    /// RFC 6321 §3.4: a property element holds optional `<parameters>` then one or more typed values.
    private func property(_ tag: XMLStartTag) throws(InputError) -> CalendarProperty {
        let name = tag.localName.uppercased()
        var parameters: [CalendarParameter] = []
        var values: [String] = []
        var valueType: String?
        var structured: [String] = []  // GEO and REQUEST-STATUS parts (RFC 6321 §3.4.1.2, §3.4.1.3)
        var directText = ""
        while let child = try nextChild(collecting: &directText) {
            guard isXCal(child) else { try stream.skipElement(); continue }
            let type = child.localName
            if type == "parameters" {
                parameters += try self.parameters()
                continue
            }
            switch type {
            case "latitude", "longitude":
                structured.append(try plain(child, XCalValueSyntax.float, "a decimal number like 48.6435"))
                continue
            case "code":
                structured.append(try stream.readText(of: child).trimmingSpaces)
                continue
            case "description", "data":
                structured.append(XCalValueSyntax.escapeText(try stream.readText(of: child)))
                continue
            default: break
            }
            let converted = try value(child)
            if let valueType, valueType != type {
                throw InputError(place(child.line), "the property <\(tag.localName)> mixes <\(valueType)> and <\(type)> values",
                                 remedy: "Split it into one <\(tag.localName)> per value type.")
            }
            valueType = type
            values.append(converted)
        }
        if !structured.isEmpty {
            return CalendarProperty(name: name, parameters: parameters, value: structured.joined(separator: ";"), place: place(tag.line))
        }
        if valueType == nil, !directText.trimmingSpaces.isEmpty {
            // Text without a type element (as in RFC 6321's own example B.2, `<tzid>US/Eastern</tzid>`):
            // read as the property's default type.
            let text = directText.trimmingSpaces
            let value = XCalReader.defaultValueType(of: name) == "TEXT" ? XCalValueSyntax.escapeText(text) : text
            return CalendarProperty(name: name, parameters: parameters, value: value, place: place(tag.line))
        }
        guard let valueType else {
            throw InputError(place(tag.line), "the property <\(tag.localName)> has no value",
                             remedy: "Give it a typed value, for example <\(tag.localName)><text>…</text></\(tag.localName)>.")
        }
        // RFC 6321 §3.5.1 / RFC 5545 §3.2.20: the value type is a VALUE parameter when not the default.
        let icalType = valueType.uppercased()
        if valueType != "unknown", icalType != XCalReader.defaultValueType(of: name),
           !parameters.contains(where: { $0.name == "VALUE" }) {
            parameters.append(CalendarParameter(name: "VALUE", values: [icalType]))
        }
        return CalendarProperty(name: name, parameters: parameters, value: values.joined(separator: ","), place: place(tag.line))
    }

    /// RFC 6321 §3.5: `<parameters><tzid><text>Europe/Paris</text></tzid></parameters>`; values stay decoded.
    private func parameters() throws(InputError) -> [CalendarParameter] {
        var result: [CalendarParameter] = []
        while let parameter = try nextChild() {
            guard isXCal(parameter) else { try stream.skipElement(); continue }
            var values: [String] = []
            var directText = ""
            while let valueTag = try nextChild(collecting: &directText) {
                let text = try stream.readText(of: valueTag)
                values.append(valueTag.localName == "boolean" ? (XCalValueSyntax.boolean(text) ?? text) : text)
            }
            if values.isEmpty, !directText.trimmingSpaces.isEmpty { values = [directText.trimmingSpaces] }
            guard !values.isEmpty else {
                throw InputError(place(parameter.line), "the parameter <\(parameter.localName)> has no value",
                                 remedy: "Write its value inside a type element, for example <\(parameter.localName)><text>…</text></\(parameter.localName)>.")
            }
            result.append(CalendarParameter(name: parameter.localName.uppercased(), values: values))
        }
        return result
    }

    /// One typed value element (RFC 6321 §3.6) in iCalendar text form.
    private func value(_ tag: XMLStartTag) throws(InputError) -> String {
        switch tag.localName {
        case "text": return XCalValueSyntax.escapeText(try stream.readText(of: tag))
        case "date": return try plain(tag, XCalValueSyntax.date, "a date like 2026-12-25")
        case "date-time": return try plain(tag, XCalValueSyntax.dateTime, "a date-time like 2026-12-07T09:00:00 (or …Z for UTC)")
        case "time": return try plain(tag, XCalValueSyntax.time, "a time like 09:00:00")
        case "utc-offset": return try plain(tag, XCalValueSyntax.utcOffset, "an offset like +01:00")
        case "duration": return try plain(tag, XCalValueSyntax.duration, "a duration like PT1H30M")
        case "boolean": return try plain(tag, XCalValueSyntax.boolean, "true or false")
        case "integer": return try plain(tag, XCalValueSyntax.integer, "a whole number")
        case "float": return try plain(tag, XCalValueSyntax.float, "a decimal number")
        case "period": return try period(tag)
        case "recur": return try recur(tag)
        case "binary":
            // RFC 6321 §3.6.1: base64 may be wrapped with whitespace, removed when converting back.
            return String(try stream.readText(of: tag).unicodeScalars.filter { $0 != " " && $0 != "\n" && $0 != "\r" && $0 != "\t" })
        default:
            // cal-address, uri, unknown (RFC 6321 §5) and future types: the text as written.
            return try stream.readText(of: tag).trimmingSpaces
        }
    }

    private func plain(_ tag: XMLStartTag, _ convert: (String) -> String?, _ expected: String) throws(InputError) -> String {
        let text = try stream.readText(of: tag)
        guard let converted = convert(text) else {
            throw InputError(place(tag.line), "<\(tag.localName)> holds \"\(text.trimmingSpaces)\", which is not \(expected)",
                             remedy: "Write it as \(expected): the xCal form of RFC 6321 §3.6.")
        }
        return converted
    }

    /// RFC 6321 §3.6.9: `<period><start/><end/></period>` or `<start/><duration/>` → `start/end`, `start/duration`.
    private func period(_ tag: XMLStartTag) throws(InputError) -> String {
        var start: String?
        var tail: String?
        while let child = try nextChild() {
            guard isXCal(child) else { try stream.skipElement(); continue }
            switch child.localName {
            case "start": start = try plain(child, XCalValueSyntax.dateTime, "a date-time like 2026-12-07T09:00:00")
            case "end": tail = try plain(child, XCalValueSyntax.dateTime, "a date-time like 2026-12-07T10:00:00")
            case "duration": tail = try plain(child, XCalValueSyntax.duration, "a duration like PT1H")
            default:
                throw InputError(place(child.line), "<period> holds <\(child.localName)>", remedy: "A period holds <start> and either <end> or <duration>.")
            }
        }
        guard let start, let tail else {
            throw InputError(place(tag.line), "the <period> lacks its \(start == nil ? "<start>" : "<end> or <duration>")",
                             remedy: "A period holds <start> and either <end> or <duration>.")
        }
        return start + "/" + tail
    }

    /// RFC 6321 §3.6.10: one element per rule part, repeated parts joined by commas, FREQ first.
    private func recur(_ tag: XMLStartTag) throws(InputError) -> String {
        var parts: [(name: String, values: [String])] = []
        while let child = try nextChild() {
            guard isXCal(child) else { try stream.skipElement(); continue }
            let name = child.localName.uppercased()
            let value: String
            if name == "UNTIL" {
                value = try plain(child, XCalValueSyntax.dateOrDateTime, "a date or date-time like 2027-06-30T23:59:59Z")
            } else {
                value = try stream.readText(of: child).trimmingSpaces
            }
            if let i = parts.firstIndex(where: { $0.name == name }) { parts[i].values.append(value) } else { parts.append((name, [value])) }
        }
        guard let freq = parts.firstIndex(where: { $0.name == "FREQ" }) else {
            throw InputError(place(tag.line), "the <recur> rule has no <freq>",
                             remedy: "Every recurrence rule needs a frequency, for example <freq>WEEKLY</freq> (RFC 5545 §3.3.10).")
        }
        parts.insert(parts.remove(at: freq), at: 0)
        return parts.map { $0.name + "=" + $0.values.joined(separator: ",") }.joined(separator: ";")
    }

    /// RFC 5545 §3.7–3.8: each property's default value type; anything else needs a VALUE parameter.
    static func defaultValueType(of property: String) -> String {
        switch property {
        case "DTSTART", "DTEND", "DUE", "RECURRENCE-ID", "EXDATE", "RDATE", "DTSTAMP", "CREATED",
             "LAST-MODIFIED", "COMPLETED", "ACKNOWLEDGED":
            return "DATE-TIME"
        case "DURATION", "TRIGGER", "REFRESH-INTERVAL": return "DURATION"
        case "FREEBUSY": return "PERIOD"
        case "TZOFFSETFROM", "TZOFFSETTO": return "UTC-OFFSET"
        case "RRULE", "EXRULE": return "RECUR"
        case "ATTENDEE", "ORGANIZER": return "CAL-ADDRESS"
        case "URL", "TZURL", "ATTACH", "SOURCE": return "URI"
        case "GEO": return "FLOAT"
        case "PRIORITY", "SEQUENCE", "PERCENT-COMPLETE", "REPEAT": return "INTEGER"
        default: return "TEXT"
        }
    }
}
