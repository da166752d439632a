import SlotMatchConfig
import SlotMatchCore

/// Reads an iCalendar stream (RFC 5545) into the shared component model, over bytes.
///
/// Steps: size limit, unfolding (`ContentLineUnfolder`), one UTF-8 check of the whole unfolded text
/// (RFC 5545 §3.1.4: the default charset is UTF-8), then a pass over the logical lines that checks each one
/// and matches BEGIN/END (errors in line order), then a pass that builds the component tree, every property
/// a range of one `CalendarPropertyStorage` per file. Property values stay in iCalendar text form; the value
/// parsers (`Values/`) decode them. Every failure is an `InputError` naming `file:line:column`.
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
        // First pass: every check, in line order; records and the parameter table, no tree yet.
        var records: [ContentLineRecord] = []
        records.reserveCapacity(text.lines.count)
        var parameters: [CalendarParameter] = []
        var strings = ContentLineStrings()
        /// The open components: their BEGIN record and what they hold so far.
        var open: [(record: Int, properties: Int, components: Int)] = []
        var topLevel = 0
        for index in text.lines.indices {
            let line = text.lines[index]
            let p = UnsafeBufferPointer(rebasing: buffer[line.start ..< line.end])
            let parameterStart = parameters.count
            let nameEnd: Int, valueStart: Int
            do throws(ContentLineProblem) {
                (nameEnd, valueStart) = try ContentLine.scan(p, parameters: &parameters, strings: &strings)
            } catch {
                throw InputError(place(text, index, line.start + error.offset, file), error.problem, remedy: error.remedy)
            }
            let valueCount = p.count - valueStart
            if nameEnd == 5, matches(p, "BEGIN") {
                guard valueCount > 0, isComponentName(p, valueStart, p.count) else {
                    throw InputError(place(text, index, line.start + valueStart, file), "BEGIN is not followed by a component name",
                                     remedy: "Write BEGIN:VEVENT, BEGIN:VCALENDAR, … with the name right after the colon.")
                }
                guard open.count < maximumNesting else {
                    throw InputError(place(text, index, line.start, file), "components are nested more than \(maximumNesting) levels deep",
                                     remedy: "Check that every BEGIN has its END; real calendars nest only a few levels.")
                }
                let here = text.position(lineIndex: index, offset: line.start)
                if !open.isEmpty { open[open.count - 1].components += 1 }
                open.append((records.count, 0, 0))
                records.append(ContentLineRecord(kind: .begin, nameStart: line.start + valueStart, nameEnd: line.end, valueStart: 0, valueEnd: 0,
                                                 parameterStart: 0, parameterEnd: 0, line: here.line, column: here.column))
                continue
            }
            if nameEnd == 3, matches(p, "END") {
                guard let closed = open.popLast() else {
                    throw InputError(place(text, index, line.start, file), "END:\(ContentLine.string(p, valueStart, p.count)) has no matching BEGIN",
                                     remedy: "Remove this END line or add the BEGIN line it closes.")
                }
                let begin = records[closed.record]
                guard sameName(p, valueStart, UnsafeBufferPointer(rebasing: buffer[begin.nameStart ..< begin.nameEnd])) else {
                    let closedName = ContentLine.upperCased(buffer, begin.nameStart, begin.nameEnd)
                    throw InputError(place(text, index, line.start + valueStart, file),
                                     "END:\(ContentLine.string(p, valueStart, p.count)) closes \(closedName) opened at line \(records[closed.record].line)",
                                     remedy: "Close \(closedName) with END:\(closedName) first (BEGIN and END must pair up, RFC 5545 §3.6).")
                }
                records[closed.record].propertyCount = closed.properties
                records[closed.record].componentCount = closed.components
                if open.isEmpty { topLevel += 1 }
                records.append(ContentLineRecord(kind: .end, nameStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0,
                                                 parameterStart: 0, parameterEnd: 0, line: line.physicalLine, column: 0))
                continue
            }
            guard !open.isEmpty else {
                throw InputError(place(text, index, line.start, file), "the property \(ContentLine.string(p, 0, nameEnd)) is outside any component",
                                 remedy: "An iCalendar file starts with BEGIN:VCALENDAR and ends with END:VCALENDAR; put every property inside.")
            }
            open[open.count - 1].properties += 1
            records.append(ContentLineRecord(kind: .property, nameStart: line.start, nameEnd: line.start + nameEnd, valueStart: line.start + valueStart, valueEnd: line.end,
                                             parameterStart: parameterStart, parameterEnd: parameters.count,
                                             line: line.physicalLine, column: 0))
        }
        if let last = open.last {
            let begin = records[last.record]
            let name = ContentLine.upperCased(buffer, begin.nameStart, begin.nameEnd)
            throw InputError(SourcePlace(file: file, line: begin.line, column: begin.column), "BEGIN:\(name) is never closed",
                             remedy: "Add END:\(name) at the end of the component (the file may be cut short; export it again).")
        }
        guard topLevel > 0 else {
            throw InputError(SourcePlace(file: file, line: 1, column: 1), "the file contains no calendar (no BEGIN:VCALENDAR)",
                             remedy: "Check that this is an iCalendar (.ics) export of the agenda.")
        }
        return build(records, buffer, CalendarPropertyStorage(bytes: text.bytes, parameters: parameters, file: file, place: nil),
                     topLevel, file, &strings)
    }

    /// Second pass: the component tree of checked records, every array reserved to its final size.
    static func build(_ records: [ContentLineRecord], _ buffer: UnsafeBufferPointer<UInt8>, _ storage: CalendarPropertyStorage, _ topLevel: Int, _ file: String,
                      _ strings: inout ContentLineStrings) -> [CalendarComponent] {
        var results: [CalendarComponent] = []
        results.reserveCapacity(topLevel)
        var stack: [CalendarComponent] = []
        stack.reserveCapacity(8)
        for record in records {
            switch record.kind {
            case .begin:
                // Built in place on the stack (appending a local would copy it: a retain per field).
                stack.append(CalendarComponent(name: strings.name(buffer, record.nameStart, record.nameEnd).text,
                                               place: SourcePlace(file: file, line: record.line, column: record.column)))
                stack[stack.count - 1].properties.reserveCapacity(record.propertyCount)
                stack[stack.count - 1].components.reserveCapacity(record.componentCount)
            case .end:
                let closed = stack.removeLast()
                if stack.isEmpty { results.append(closed) } else { stack[stack.count - 1].components.append(closed) }
            case .property:
                stack[stack.count - 1].properties.append(
                    CalendarProperty(name: strings.name(buffer, record.nameStart, record.nameEnd), storage: storage,
                                     shortValue: record.valueEnd - record.valueStart > CalendarProperty.inlineValueLimit
                                         ? nil : strings.string(buffer, record.valueStart, record.valueEnd),
                                     valueStart: record.valueStart, valueEnd: record.valueEnd,
                                     parameterStart: record.parameterStart, parameterEnd: record.parameterEnd, line: record.line))
            }
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

    /// Whether the END value `p[start...]` names the component whose BEGIN value was `name`, ignoring ASCII case.
    static func sameName(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard p.count - start == name.count else { return false }
        var i = 0
        while i < name.count {
            let a = p[start + i], b = name[i]
            if a != b && (a | 0x20 != b | 0x20 || !(a | 0x20 >= 0x61 && a | 0x20 <= 0x7A)) { return false }
            i += 1
        }
        return true
    }

    static func megabytes(_ n: Int) -> String {
        let tenths = (n * 10 + 512 * 1024) / (1024 * 1024)
        return String(tenths / 10) + (tenths % 10 == 0 ? "" : "." + String(tenths % 10))
    }
}
