import SlotMatchCore

/// A position in a FHIR tree together with its JSON path (`$.entry[3].resource.start`), so that every
/// error says where it is: the path for JSON, the path and the line for XML.
struct FHIRCursor {
    let node: FHIRNode
    let path: String
    let file: String

    var place: SourcePlace { SourcePlace(file: file, line: node.line, jsonPath: path) }

    func error(_ problem: String, remedy: String) -> InputError { InputError(place, problem, remedy: remedy) }

    private func fieldsOrThrow() throws(InputError) -> [String: FHIRNode.Field] {
        guard let fields = node.fields else {
            throw error("an object was expected here", remedy: "Check the bundle against the FHIR R4 structure of this element.")
        }
        return fields
    }

    /// The value under `key`, or nil when absent (or JSON null).
    func optional(_ key: String) throws(InputError) -> FHIRCursor? {
        guard let field = try fieldsOrThrow()[key], let first = field.nodes.first else { return nil }
        if case .null = first.value, field.nodes.count == 1 { return nil }
        let childPath = path + "." + key
        guard !field.isArray, field.nodes.count == 1 else {
            throw FHIRCursor(node: first, path: childPath, file: file)
                .error("\(key) holds \(field.nodes.count == 1 ? "a list" : "\(field.nodes.count) values") where FHIR R4 allows one",
                       remedy: "Give \(key) a single value.")
        }
        return FHIRCursor(node: first, path: childPath, file: file)
    }

    /// The value under `key`, which FHIR R4 makes mandatory.
    func required(_ key: String, _ what: String) throws(InputError) -> FHIRCursor {
        guard let child = try optional(key) else {
            throw error("\(what) has no \(key)", remedy: "FHIR R4 requires \(key) here; export the bundle again with it.")
        }
        return child
    }

    /// The elements of a list (`0..*`) under `key`; a single value is read as a list of one.
    func list(_ key: String) throws(InputError) -> [FHIRCursor] {
        guard let field = try fieldsOrThrow()[key] else { return [] }
        if !field.isArray, field.nodes.count == 1 {
            if case .null = field.nodes[0].value { return [] }
            return [FHIRCursor(node: field.nodes[0], path: path + "." + key, file: file)]
        }
        return field.nodes.enumerated().map { FHIRCursor(node: $1, path: path + "." + key + "[\($0)]", file: file) }
    }

    /// This value as a string primitive.
    func string() throws(InputError) -> String {
        switch node.value {
        case .string(let s): return s
        case .number(let s): return s
        default: throw error("a text value was expected here", remedy: "Write this element as a string, as FHIR R4 defines it.")
        }
    }

    /// The string under `key`, if present.
    func string(_ key: String) throws(InputError) -> String? { try optional(key)?.string() }

    /// FHIR R4 Data Types, `instant`: a date-time with seconds and a mandatory offset (`Z` or `±hh:mm`).
    func instant() throws(InputError) -> Instant {
        let text = try string()
        if let instant = Instant.parseISO8601(text) { return instant }
        if LocalDateTime.parse(text) != nil {
            throw error("the time \(text) has no UTC offset; FHIR instants need one",
                        remedy: "Write the offset after the time: \(text)+01:00 for Paris winter time, +02:00 in summer, or Z for UTC.")
        }
        throw error("\"\(text)\" is not a FHIR instant", remedy: "Write it like 2026-12-07T09:00:00+01:00.")
    }

    /// FHIR R4 `dateTime` as a period bound: a full date-time needs an offset; a date (or a year-month,
    /// or a year) stands for the start of that day in `zone`, and as an end for the start of the next one
    /// (FHIR R4 Data Types, `Period`: the end includes the whole of its last date).
    func dateTimeBound(isEnd: Bool, zone: ZoneRules) throws(InputError) -> Instant {
        let text = try string()
        if text.utf8.count > 10 { return try instant() }
        let b = Array(text.utf8)
        var year = 0, month = 1, day = 1
        let digitsOK: (Int, Int) -> Int? = { start, count in
            guard start + count <= b.count else { return nil }
            var v = 0
            for i in start ..< start + count {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard let y = digitsOK(0, 4) else { throw error("\"\(text)\" is not a FHIR dateTime", remedy: "Write it like 2026-12-31 or 2026-12-31T18:00:00+01:00.") }
        year = y
        var precision = 0  // 0 year, 1 month, 2 day
        if b.count >= 7 {
            guard b[4] == UInt8(ascii: "-"), let m = digitsOK(5, 2) else { throw error("\"\(text)\" is not a FHIR dateTime", remedy: "Write it like 2026-12-31.") }
            month = m; precision = 1
        }
        if b.count == 10 {
            guard b[7] == UInt8(ascii: "-"), let d = digitsOK(8, 2) else { throw error("\"\(text)\" is not a FHIR dateTime", remedy: "Write it like 2026-12-31.") }
            day = d; precision = 2
        }
        guard b.count == 4 || b.count == 7 || b.count == 10 else {
            throw error("\"\(text)\" is not a FHIR dateTime", remedy: "Write it like 2026-12-31 or 2026-12-31T18:00:00+01:00.")
        }
        var date = CivilDate(year: year, month: month, day: day)
        guard date.isValid else { throw error("\(text) is not a calendar date", remedy: "Check the month and the day.") }
        if isEnd {
            switch precision {
            case 0: date = CivilDate(year: year + 1, month: 1, day: 1)
            case 1: date = month == 12 ? CivilDate(year: year + 1, month: 1, day: 1) : CivilDate(year: year, month: month + 1, day: 1)
            default: date = date.adding(days: 1)
            }
        }
        return zone.instant(of: LocalDateTime(date: date, secondOfDay: 0))
    }
}
