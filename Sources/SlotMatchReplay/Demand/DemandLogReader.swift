import Foundation
import SlotMatchConfig
import SlotMatchCore

/// Reads a demand log (CSV or JSON Lines) into records; every problem names the file and line, and
/// says what to write instead. Foundation only at the edge (JSON Lines objects through `JSONSerialization`).
public enum DemandLogReader {
    /// Records in file order (the replay sorts them by `receivedAt`, then id).
    public static func read(bytes: [UInt8], file: String, format: DemandLogFormat? = nil) throws(InputError) -> [DemandRecord] {
        switch format ?? DemandLogFormat.detect(file: file, bytes: bytes) {
        case .csv: return try readCSV(bytes: bytes, file: file)
        case .jsonl: return try readJSONLines(bytes: bytes, file: file)
        }
    }

    static func readCSV(bytes: [UInt8], file: String) throws(InputError) -> [DemandRecord] {
        var body = bytes
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
        let table = try CSVTable(bytes: body, file: file, requiredColumns: DemandLogColumns.required)
        var records: [DemandRecord] = []
        records.reserveCapacity(table.rows.count)
        for row in table.rows {
            if row.fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
            let place = SourcePlace(file: file, line: row.line)
            records.append(try record(place: place) { name in
                let v = table.value(name, in: row)
                return v.isEmpty ? nil : v
            })
        }
        return records
    }

    static func readJSONLines(bytes: [UInt8], file: String) throws(InputError) -> [DemandRecord] {
        var records: [DemandRecord] = []
        var lineNumber = 0
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            let line = bytes[start ..< end]
            start = end + 1
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            let place = SourcePlace(file: file, line: lineNumber)
            let object: [String: Any]
            do {
                guard let o = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                    throw InputError(place, "the line is not a JSON object", remedy: "Write one {…} object per line.")
                }
                object = o
            } catch let e as InputError {
                throw e
            } catch {
                throw InputError(place, "the line is not valid JSON", remedy: "Write one {…} object per line, with quoted keys and no trailing comma.")
            }
            for key in object.keys where !DemandLogColumns.all.contains(key) {
                throw InputError(place, "the key \"\(key)\" is not a demand log field",
                                 remedy: "Use only: \(DemandLogColumns.all.joined(separator: ", ")).")
            }
            records.append(try record(place: place) { name in
                switch object[name] {
                case nil, is NSNull: return nil
                case let s as String: return s.isEmpty ? nil : s
                case let a as [Any]: return a.map { "\($0)" }.joined(separator: "|")
                case let n as NSNumber: return n.stringValue
                case let other?: return "\(other)"
                }
            })
        }
        return records
    }

    /// One record from named fields (nil = absent or empty).
    static func record(place: SourcePlace, _ field: (String) -> String?) throws(InputError) -> DemandRecord {
        func bad(_ name: String, _ problem: String, _ remedy: String) -> InputError {
            var p = place; p.jsonPath = p.line == nil ? "$." + name : nil
            return InputError(p, "\(name): \(problem)", remedy: remedy)
        }
        guard let id = field("id") else {
            throw bad("id", "the request id is missing", "Give each request a pseudonymous id (a sequence number or a hash).")
        }
        guard let receivedText = field("received_at") else {
            throw bad("received_at", "the time of the call is missing", "Write it as an ISO 8601 instant, e.g. 2026-01-12T08:30:00Z.")
        }
        guard let receivedAt = Instant.parseISO8601(receivedText) else {
            throw bad("received_at", "\"\(receivedText)\" is not an ISO 8601 instant with an offset",
                      "Write it as 2026-01-12T08:30:00Z or 2026-01-12T09:30:00+01:00.")
        }
        let location: PatientLocation
        if let lat = field("lat"), let lon = field("lon") {
            guard let la = Double(lat), let lo = Double(lon), GeoPoint(latitude: la, longitude: lo).isValid else {
                throw bad("lat", "the coordinates \(lat), \(lon) are not valid degrees", "Give latitude (−90…90) and longitude (−180…180) in decimal degrees.")
            }
            location = .point(GeoPoint(latitude: la, longitude: lo))
        } else if let commune = field("commune") {
            location = .commune(insee: commune)
        } else {
            throw bad("commune", "the patient's place is missing", "Give the commune's INSEE code, or lat and lon.")
        }
        var ageBand: AgeBand?
        if let text = field("age_band") {
            guard let band = AgeBand(code: text) else {
                throw bad("age_band", "\"\(text)\" is not an age band", "Use one of \(AgeBand.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            ageBand = band
        }
        var urgency: UrgencyLevel?
        if let text = field("urgency") {
            guard let level = UrgencyLevel(rawValue: text) else {
                throw bad("urgency", "\"\(text)\" is not an urgency level", "Use one of \(UrgencyLevel.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            urgency = level
        }
        let reason = field("reason")
        guard reason != nil || urgency != nil else {
            throw bad("urgency", "neither a reason code nor an urgency level is given", "Give the triage reason code (with its flags) or the urgency level decided.")
        }
        var mobility: PatientMobility?
        if let text = field("mobility") {
            guard let m = PatientMobility(code: text) else {
                throw bad("mobility", "\"\(text)\" is not a mobility", "Use one of \(PatientMobility.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            mobility = m
        }
        var modes: [ConsultationMode] = [.office]
        if let text = field("modes") {
            modes = []
            for code in text.split(separator: "|") {
                guard let mode = ConsultationMode(code: String(code).trimmingSpaces) else {
                    throw bad("modes", "\"\(code)\" is not a consultation mode", "Use AMB, HH or VR, separated by |.")
                }
                modes.append(mode)
            }
        }
        let flags = field("flags").map { $0.split(separator: "|").map { String($0).trimmingSpaces }.filter { !$0.isEmpty } } ?? []
        var treating: RPPS?
        if let text = field("treating_gp") {
            do { treating = try RPPS(text) } catch { throw bad("treating_gp", error.problem, error.remedy) }
        }
        var outcome = DemandOutcome()
        if let text = field("booked_start") {
            guard let start = Instant.parseISO8601(text) else {
                throw bad("booked_start", "\"\(text)\" is not an ISO 8601 instant with an offset", "Write it as 2026-01-12T10:15:00Z.")
            }
            outcome.bookedStart = start
        }
        if let text = field("booked_rpps") {
            do { outcome.practitioner = try RPPS(text) } catch { throw bad("booked_rpps", error.problem, error.remedy) }
        }
        if let text = field("outcome") {
            guard let status = DemandOutcomeStatus(rawValue: text) else {
                throw bad("outcome", "\"\(text)\" is not an outcome", "Use fulfilled, noshow or cancelled.")
            }
            outcome.status = status
        }
        return DemandRecord(id: id, receivedAt: receivedAt, location: location, ageBand: ageBand, reason: reason,
                            flags: flags, urgency: urgency, mobility: mobility, wantedModes: modes,
                            treatingGP: treating, outcome: outcome)
    }
}
