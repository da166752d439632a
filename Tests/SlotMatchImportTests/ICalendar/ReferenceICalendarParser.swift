import SlotMatchCore
@testable import SlotMatchImport

/// A property as plain values: what `CalendarProperty` must answer, whatever its storage.
struct ReferenceProperty: Equatable, CustomStringConvertible {
    var name: String
    var parameters: [CalendarParameter]
    var value: String
    var place: SourcePlace
    var description: String { "\(name)\(parameters.map { ";\($0.name)=\($0.values)" }.joined()):\(value) @\(place)" }

    init(name: String, parameters: [CalendarParameter], value: String, place: SourcePlace) {
        self.name = name; self.parameters = parameters; self.value = value; self.place = place
    }

    /// What the model says through its general (String) API.
    init(_ p: CalendarProperty) { self.init(name: p.name, parameters: p.parameters, value: p.value, place: p.place) }
}

/// A component as plain values.
struct ReferenceComponent: Equatable {
    var name: String
    var place: SourcePlace
    var properties: [ReferenceProperty] = []
    var components: [ReferenceComponent] = []

    init(name: String, place: SourcePlace) { self.name = name; self.place = place }

    init(_ c: CalendarComponent) {
        name = c.name; place = c.place
        properties = c.properties.map(ReferenceProperty.init)
        components = c.components.map(ReferenceComponent.init)
    }
}

/// The parser as it was written before the shared-storage model (one pass, a `String` per name and value,
/// `ContentLine.parse` per line), kept as the reference the real parser must agree with, results and errors.
enum ReferenceICalendarParser {
    /// ASCII-only upper-casing, as iCalendar names are compared.
    static func asciiUpper(_ s: String) -> String {
        String(decoding: s.utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
    }

    static func parse(_ bytes: [UInt8], file: String) -> Result<[ReferenceComponent], InputError> {
        let text = ContentLineUnfolder.unfold(bytes)
        if let bad = UTF8Validator.firstInvalidOffset(in: text.bytes) {
            let index = text.lineIndex(containing: bad) ?? 0
            let position = text.lines.isEmpty ? (line: 1, column: 1) : text.position(lineIndex: index, offset: bad)
            return .failure(InputError(SourcePlace(file: file, line: position.line, column: position.column),
                                       "the file is not valid UTF-8 here (byte 0x\(String(text.bytes[bad], radix: 16, uppercase: true)); it may be saved as Latin-1 or Windows-1252)",
                                       remedy: "Export or save the calendar as UTF-8 (RFC 5545 §3.1.4), then import it again."))
        }
        func place(_ index: Int, _ offset: Int) -> SourcePlace {
            let position = text.position(lineIndex: index, offset: offset)
            return SourcePlace(file: file, line: position.line, column: position.column)
        }
        var results: [ReferenceComponent] = []
        var stack: [ReferenceComponent] = []
        for (index, line) in text.lines.enumerated() {
            let bytes = Array(text.bytes[line.start ..< line.end])
            let content: ContentLine
            do { content = try ContentLine.parse(bytes) } catch {
                return .failure(InputError(place(index, line.start + error.offset), error.problem, remedy: error.remedy))
            }
            let valueText = content.value
            if content.name == "BEGIN" {
                guard !valueText.isEmpty, valueText.utf8.allSatisfy(ContentLine.isNameByte) else {
                    return .failure(InputError(place(index, line.start + content.valueOffset), "BEGIN is not followed by a component name",
                                               remedy: "Write BEGIN:VEVENT, BEGIN:VCALENDAR, … with the name right after the colon."))
                }
                guard stack.count < ICalendarParser.maximumNesting else {
                    return .failure(InputError(place(index, line.start), "components are nested more than \(ICalendarParser.maximumNesting) levels deep",
                                               remedy: "Check that every BEGIN has its END; real calendars nest only a few levels."))
                }
                stack.append(ReferenceComponent(name: asciiUpper(valueText), place: place(index, line.start)))
                continue
            }
            if content.name == "END" {
                guard let closed = stack.popLast() else {
                    return .failure(InputError(place(index, line.start), "END:\(valueText) has no matching BEGIN",
                                               remedy: "Remove this END line or add the BEGIN line it closes."))
                }
                guard asciiUpper(valueText) == closed.name else {
                    return .failure(InputError(place(index, line.start + content.valueOffset),
                                               "END:\(valueText) closes \(closed.name) opened at line \(closed.place.line ?? 0)",
                                               remedy: "Close \(closed.name) with END:\(closed.name) first (BEGIN and END must pair up, RFC 5545 §3.6)."))
                }
                if stack.isEmpty { results.append(closed) } else { stack[stack.count - 1].components.append(closed) }
                continue
            }
            guard !stack.isEmpty else {
                let rawName = String(decoding: bytes.prefix(content.name.utf8.count), as: UTF8.self)
                return .failure(InputError(place(index, line.start), "the property \(rawName) is outside any component",
                                           remedy: "An iCalendar file starts with BEGIN:VCALENDAR and ends with END:VCALENDAR; put every property inside."))
            }
            stack[stack.count - 1].properties.append(ReferenceProperty(name: content.name, parameters: content.parameters, value: valueText,
                                                                       place: SourcePlace(file: file, line: line.physicalLine)))
        }
        if let open = stack.last {
            return .failure(InputError(open.place, "BEGIN:\(open.name) is never closed",
                                       remedy: "Add END:\(open.name) at the end of the component (the file may be cut short; export it again)."))
        }
        guard !results.isEmpty else {
            return .failure(InputError(SourcePlace(file: file, line: 1, column: 1), "the file contains no calendar (no BEGIN:VCALENDAR)",
                                       remedy: "Check that this is an iCalendar (.ics) export of the agenda."))
        }
        return .success(results)
    }
}
