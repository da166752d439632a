import SlotMatchConfig
import SlotMatchCore

/// Reads an iCalendar stream (RFC 5545) into the shared component model, over bytes.
///
/// Steps: size limit, unfolding (`ContentLineUnfolder`), one UTF-8 check of the whole unfolded text
/// (RFC 5545 §3.1.4: the default charset is UTF-8), then one pass over the logical lines matching
/// BEGIN/END. Property values stay in iCalendar text form; the value parsers (`Values/`) decode them.
/// Every failure is an `InputError` naming `file:line:column`.
public enum ICalendarParser {
    /// 64 MiB: far above any real agenda export, low enough that a hostile file cannot exhaust memory.
    public static let defaultSizeLimit = FileInput.maximumBytes
    /// Components nest a few levels deep in practice (VCALENDAR > VTIMEZONE > STANDARD); deeper is hostile.
    public static let maximumNesting = 32

    /// Parses the top-level components of `bytes` (usually one VCALENDAR).
    public static func parse(bytes: [UInt8], file: String, sizeLimit: Int = defaultSizeLimit) throws(InputError) -> [CalendarComponent] {
        guard bytes.count <= sizeLimit else {
            throw InputError(SourcePlace(file: file), "the file is \(megabytes(bytes.count)) MiB, over the \(megabytes(sizeLimit)) MiB limit",
                             remedy: "Export a shorter period of the agenda, or raise the limit with --max-file-size.")
        }
        let text = ContentLineUnfolder.unfold(bytes)
        if let bad = text.bytes.withUnsafeBufferPointer({ UTF8Validator.firstInvalidOffset(in: $0) }) {
            let index = text.lineIndex(containing: bad) ?? 0
            let position = text.lines.isEmpty ? (line: 1, column: 1) : text.position(lineIndex: index, offset: bad)
            throw InputError(SourcePlace(file: file, line: position.line, column: position.column),
                             "the file is not valid UTF-8 here (byte 0x\(String(text.bytes[bad], radix: 16, uppercase: true)); it may be saved as Latin-1 or Windows-1252)",
                             remedy: "Export or save the calendar as UTF-8 (RFC 5545 §3.1.4), then import it again.")
        }
        let result: Result<[CalendarComponent], InputError> = text.bytes.withUnsafeBufferPointer { buffer in
            do throws(InputError) { return .success(try parseLines(buffer, text, file)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    static func parseLines(_ buffer: UnsafeBufferPointer<UInt8>, _ text: UnfoldedText, _ file: String) throws(InputError) -> [CalendarComponent] {
        var results: [CalendarComponent] = []
        var stack: [CalendarComponent] = []
        var parameters: [CalendarParameter] = []
        for index in text.lines.indices {
            let line = text.lines[index]
            let p = UnsafeBufferPointer(rebasing: buffer[line.start ..< line.end])
            parameters.removeAll(keepingCapacity: true)
            let nameEnd: Int, valueStart: Int
            do throws(ContentLineProblem) {
                (nameEnd, valueStart) = try ContentLine.scan(p, parameters: &parameters)
            } catch {
                throw InputError(place(text, index, line.start + error.offset, file), error.problem, remedy: error.remedy)
            }
            let valueCount = p.count - valueStart
            if nameEnd == 5, matches(p, "BEGIN") {
                guard valueCount > 0, isComponentName(p, valueStart, p.count) else {
                    throw InputError(place(text, index, line.start + valueStart, file), "BEGIN is not followed by a component name",
                                     remedy: "Write BEGIN:VEVENT, BEGIN:VCALENDAR, … with the name right after the colon.")
                }
                guard stack.count < maximumNesting else {
                    throw InputError(place(text, index, line.start, file), "components are nested more than \(maximumNesting) levels deep",
                                     remedy: "Check that every BEGIN has its END; real calendars nest only a few levels.")
                }
                let here = text.position(lineIndex: index, offset: line.start)
                stack.append(CalendarComponent(name: ContentLine.upperCased(p, valueStart, p.count),
                                               place: SourcePlace(file: file, line: here.line, column: here.column)))
                continue
            }
            if nameEnd == 3, matches(p, "END") {
                guard let closed = stack.popLast() else {
                    throw InputError(place(text, index, line.start, file), "END:\(ContentLine.string(p, valueStart, p.count)) has no matching BEGIN",
                                     remedy: "Remove this END line or add the BEGIN line it closes.")
                }
                guard sameName(p, valueStart, closed.name) else {
                    let opened = closed.place.line.map { " opened at line \($0)" } ?? ""
                    throw InputError(place(text, index, line.start + valueStart, file),
                                     "END:\(ContentLine.string(p, valueStart, p.count)) closes \(closed.name)\(opened)",
                                     remedy: "Close \(closed.name) with END:\(closed.name) first (BEGIN and END must pair up, RFC 5545 §3.6).")
                }
                if stack.isEmpty { results.append(closed) } else { stack[stack.count - 1].components.append(closed) }
                continue
            }
            guard !stack.isEmpty else {
                throw InputError(place(text, index, line.start, file), "the property \(ContentLine.string(p, 0, nameEnd)) is outside any component",
                                 remedy: "An iCalendar file starts with BEGIN:VCALENDAR and ends with END:VCALENDAR; put every property inside.")
            }
            // Most lines have no parameter: hand them the shared empty array, so that the reused `parameters`
            // buffer stays unique and is not reallocated for every line.
            let property = CalendarProperty(name: ContentLine.upperCased(p, 0, nameEnd), parameters: parameters.isEmpty ? [] : parameters,
                                            value: ContentLine.string(p, valueStart, p.count),
                                            place: SourcePlace(file: file, line: line.physicalLine))
            stack[stack.count - 1].properties.append(property)
        }
        if let open = stack.last {
            throw InputError(open.place, "BEGIN:\(open.name) is never closed",
                             remedy: "Add END:\(open.name) at the end of the component (the file may be cut short; export it again).")
        }
        guard !results.isEmpty else {
            throw InputError(SourcePlace(file: file, line: 1, column: 1), "the file contains no calendar (no BEGIN:VCALENDAR)",
                             remedy: "Check that this is an iCalendar (.ics) export of the agenda.")
        }
        return results
    }

    @inline(__always)
    static func place(_ text: UnfoldedText, _ index: Int, _ offset: Int, _ file: String) -> SourcePlace {
        let position = text.position(lineIndex: index, offset: offset)
        return SourcePlace(file: file, line: position.line, column: position.column)
    }

    /// Case-insensitive ASCII comparison of the line's first bytes with an upper-case keyword.
    @inline(__always)
    static func matches(_ p: UnsafeBufferPointer<UInt8>, _ keyword: StaticString) -> Bool {
        let k = keyword.utf8Start
        for i in 0 ..< keyword.utf8CodeUnitCount where p[i] & 0xDF != k[i] { return false }
        return true
    }

    static func isComponentName(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        for i in start ..< end where !ContentLine.isNameByte(p[i]) { return false }
        return true
    }

    /// Whether the END value names the upper-cased component name `name`.
    static func sameName(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ name: String) -> Bool {
        var i = start
        for u in name.utf8 {
            guard i < p.count else { return false }
            let b = p[i]
            let upper = (b >= 0x61 && b <= 0x7A) ? b - 0x20 : b
            if upper != u { return false }
            i += 1
        }
        return i == p.count
    }

    static func megabytes(_ n: Int) -> String {
        let tenths = (n * 10 + 512 * 1024) / (1024 * 1024)
        return String(tenths / 10) + (tenths % 10 == 0 ? "" : "." + String(tenths % 10))
    }
}
