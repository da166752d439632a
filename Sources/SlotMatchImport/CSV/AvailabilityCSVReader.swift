import SlotMatchCore

/// Reads the availability spreadsheet a practice can type by hand (documented in docs/formats.md):
///
///     rpps,start,end,mode,visibility,slot_minutes
///     10003456786,2026-12-07 09:00,2026-12-07 12:00,AMB,"SNP,CPTS",20
///
/// Each row is one window of availability (an `.available` occurrence, cut into slots downstream).
/// Local times are read in the territory's zone; times with an offset (`+01:00`, `Z`) are taken as
/// written. Every problem is reported with its line and column; a file with any problem yields nothing.
public enum AvailabilityCSVReader {
    /// The header, in the documented order; `mode`, `visibility` and `slot_minutes` may be left out.
    public static let columns = ["rpps", "start", "end", "mode", "visibility", "slot_minutes"]
    static let requiredColumns: Set<String> = ["rpps", "start", "end"]

    /// One availability per practitioner (sorted by RPPS), or the first problem found, which also says
    /// how many others there are (`readReportingAll` gives them all).
    public static func read(bytes: [UInt8], file: String, zone: ZoneRules, maxBytes: Int = 64 << 20) throws(InputError) -> [PublishedAvailability] {
        let (availabilities, errors) = readReportingAll(bytes: bytes, file: file, zone: zone, maxBytes: maxBytes)
        guard var first = errors.first else { return availabilities }
        if errors.count > 1 {
            let others = errors.dropFirst().prefix(5).map { "line \($0.place.line ?? 0)" }.joined(separator: ", ")
            first.problem += " (and \(errors.count - 1) more problem\(errors.count > 2 ? "s" : "") in this file: \(others)\(errors.count > 6 ? ", …" : ""))"
        }
        throw first
    }

    /// Every problem in the file (in line order), or the availabilities when there is none.
    public static func readReportingAll(bytes: [UInt8], file: String, zone: ZoneRules,
                                        maxBytes: Int = 64 << 20) -> (availabilities: [PublishedAvailability], errors: [InputError]) {
        guard bytes.count <= maxBytes else {
            return ([], [InputError(SourcePlace(file: file), "the file is \(bytes.count) bytes, over the \(maxBytes)-byte limit",
                                    remedy: "Split the spreadsheet into several files, or raise the limit with --max-file-size.")])
        }
        let reader = CSVRecordReader(bytes: bytes, file: file)
        var (records, errors) = reader.records(delimiter: reader.detectDelimiter())
        guard let header = records.first else {
            if errors.isEmpty {
                errors.append(InputError(SourcePlace(file: file, line: 1), "the file is empty",
                                         remedy: "The first line must be the header: \(columns.joined(separator: ","))."))
            }
            return ([], errors)
        }
        // The header: known names, each once, the required ones present.
        var columnIndex: [String: Int] = [:]
        for (i, field) in header.fields.enumerated() {
            let name = field.text.trimmingSpaces.lowercased()
            let place = SourcePlace(file: file, line: header.line, column: i + 1)
            if !columns.contains(name) {
                errors.append(InputError(place, "the header names an unknown column \"\(field.text)\"",
                                         remedy: "Use the columns \(columns.joined(separator: ",")) (mode, visibility and slot_minutes may be left out)."))
            } else if columnIndex[name] != nil {
                errors.append(InputError(place, "the header names the column \(name) twice", remedy: "Keep one \(name) column."))
            } else {
                columnIndex[name] = i
            }
        }
        for name in columns where requiredColumns.contains(name) && columnIndex[name] == nil {
            errors.append(InputError(SourcePlace(file: file, line: header.line), "the header has no \(name) column",
                                     remedy: "The first line must be the header: \(columns.joined(separator: ","))."))
        }
        guard errors.isEmpty else { return ([], errors.sorted { ($0.place.line ?? 0) < ($1.place.line ?? 0) }) }

        var byPractitioner: [RPPS: [PublishedOccurrence]] = [:]
        for record in records.dropFirst() {
            if let (rpps, occurrence) = row(record, header: header.fields.count, columnIndex: columnIndex, file: file, zone: zone, errors: &errors) {
                byPractitioner[rpps, default: []].append(occurrence)
            }
        }
        guard errors.isEmpty else { return ([], errors.sorted { ($0.place.line ?? 0, $0.place.column ?? 0) < ($1.place.line ?? 0, $1.place.column ?? 0) }) }
        guard !byPractitioner.isEmpty else { return ([PublishedAvailability()], []) }
        let availabilities = byPractitioner.keys.sorted().map { rpps in
            PublishedAvailability(practitioner: rpps, occurrences: (byPractitioner[rpps] ?? []).sorted {
                ($0.start, $0.end, $0.uid) < ($1.start, $1.end, $1.uid)
            })
        }
        return (availabilities, [])
    }

    /// One data row as its practitioner and occurrence, or nil with its problems appended to `errors`.
    private static func row(_ record: CSVRecord, header count: Int, columnIndex: [String: Int], file: String, zone: ZoneRules,
                            errors: inout [InputError]) -> (RPPS, PublishedOccurrence)? {
        let before = errors.count
        guard record.fields.count == count else {
            errors.append(InputError(SourcePlace(file: file, line: record.line),
                                     "the row has \(record.fields.count) values where the header has \(count) columns",
                                     remedy: "Give every row one value per column; a list of visibilities goes in quotes (\"SNP,CPTS\") or is written SNP|CPTS."))
            return nil
        }
        func field(_ name: String) -> (text: String, place: SourcePlace)? {
            guard let i = columnIndex[name] else { return nil }
            return (record.fields[i].text.trimmingSpaces, SourcePlace(file: file, line: record.line, column: i + 1))
        }
        func fail(_ place: SourcePlace, _ column: String, _ problem: String, _ remedy: String) {
            errors.append(InputError(place, "column \(column): \(problem)", remedy: remedy))
        }

        var rpps: RPPS?
        if let (text, place) = field("rpps") {
            if text.isEmpty { fail(place, "rpps", "the RPPS number is missing", "Write the practitioner's 11-digit RPPS number.") }
            else {
                do { rpps = try RPPS(text) } catch { fail(place, "rpps", error.problem, error.remedy) }
            }
        }
        func time(_ name: String) -> Instant? {
            guard let (text, place) = field(name) else { return nil }
            guard !text.isEmpty else {
                fail(place, name, "the \(name) time is missing", "Write a date and time like 2026-12-07 09:00.")
                return nil
            }
            guard let instant = AvailabilityCSVReader.instant(text, zone: zone) else {
                fail(place, name, "\"\(text)\" is not a date and time",
                     "Write it like 2026-12-07 09:00 or 2026-12-07T09:00 (local time), or with an offset: 2026-12-07T09:00+01:00.")
                return nil
            }
            return instant
        }
        let start = time("start")
        let end = time("end")
        if let start, let end, end <= start, let (_, place) = field("end") {
            fail(place, "end", "the window ends (\(zone.localTime(of: end))) before it starts (\(zone.localTime(of: start)))",
                 "Check the end time; a window past midnight ends on the next day's date.")
        }
        var mode = ConsultationMode.office
        if let (text, place) = field("mode"), !text.isEmpty {
            if let m = ConsultationMode(code: text) { mode = m }
            else { fail(place, "mode", "\"\(text)\" is not a consultation mode", "Write AMB (at the practice), HH (home visit) or VR (video), or leave it empty for AMB.") }
        }
        var visibility = SlotVisibility.snp
        if let (text, place) = field("visibility"), !text.isEmpty {
            var set: SlotVisibility = []
            for code in text.split(whereSeparator: { $0 == "," || $0 == "|" || $0 == ";" }) {
                let c = String(code).trimmingSpaces
                guard !c.isEmpty else { continue }
                if let v = SlotVisibility(code: c) { set.insert(v) }
                else { fail(place, "visibility", "\"\(c)\" is not a visibility", "Write PUBLIC, PRO, SNP or CPTS, several as \"SNP,CPTS\" or SNP|CPTS; empty means SNP.") }
            }
            if !set.isEmpty { visibility = set }
        }
        var slotSeconds: Int64?
        if let (text, place) = field("slot_minutes"), !text.isEmpty {
            if let minutes = Int(text), minutes > 0, minutes <= 1440 {
                slotSeconds = Int64(minutes) * 60
                if let start, let end, start < end, Int64(minutes) * 60 > start.seconds(until: end) {
                    fail(place, "slot_minutes", "a \(minutes)-minute slot does not fit in the \(start.seconds(until: end) / 60)-minute window",
                         "Shorten slot_minutes or lengthen the window.")
                }
            } else {
                fail(place, "slot_minutes", "\"\(text)\" is not a number of minutes", "Write a whole number of minutes like 15 or 20, or leave it empty.")
            }
        }
        guard errors.count == before, let rpps, let start, let end else { return nil }
        return (rpps, PublishedOccurrence(kind: .available, component: "csv", uid: "csv:\(record.line)", start: start, end: end,
                                          mode: mode, visibility: visibility, slotLengthSeconds: slotSeconds, practitioner: rpps,
                                          place: SourcePlace(file: file, line: record.line)))
    }

    /// `2026-12-07T09:00`, `2026-12-07 09:00[:ss]` in `zone` (RFC 5545 §3.3.5 rules in a DST gap or overlap),
    /// the same with `Z` or `±hh:mm`, or the French spreadsheet form `07/12/2026 09:00`.
    static func instant(_ text: String, zone: ZoneRules) -> Instant? {
        if let exact = Instant.parseISO8601(text) { return exact }
        if let local = LocalDateTime.parse(text) { return zone.instant(of: local) }
        // dd/mm/yyyy hh:mm[:ss], as a French spreadsheet shows dates.
        let b = Array(text.utf8)
        guard b.count == 16 || b.count == 19, b[2] == UInt8(ascii: "/"), b[5] == UInt8(ascii: "/"), b[10] == 0x20 else { return nil }
        let iso = String(decoding: b[6 ..< 10], as: UTF8.self) + "-" + String(decoding: b[3 ..< 5], as: UTF8.self) + "-"
            + String(decoding: b[0 ..< 2], as: UTF8.self) + "T" + String(decoding: b[11...], as: UTF8.self)
        return LocalDateTime.parse(iso).map { zone.instant(of: $0) }
    }
}
