import Foundation
import SlotMatchCore

/// Reads the CPTS's roster of GPs from CSV or JSON into `Practitioner` values, checking every row
/// against the territory.
///
/// Columns (CSV) or keys (JSON): `rpps, name, commune_insee, modes, snp, weekly_cap, home_radius_km`.
/// `modes` lists SAS codes `AMB`, `HH`, `VR` separated by `|` or `;` (a JSON array also works);
/// `snp` is yes/no, true/false or 1/0 (empty: yes); empty `weekly_cap` / `home_radius_km` take the
/// defaults (20 a week, 10 km). All problems of a file are collected and thrown together as an
/// `InputErrorList`, so that a caller writes nothing unless the whole file is valid.
public enum RosterFile {
    public static let columns = ["rpps", "name", "commune_insee", "modes", "snp", "weekly_cap", "home_radius_km"]
    /// Columns that must be filled; the others have defaults.
    public static let requiredColumns = ["rpps", "name", "commune_insee", "modes"]

    /// Reads the roster file at `path` (format by extension or content).
    public static func load(path: String, territory: Territory) throws(InputErrorList) -> [Practitioner] {
        let bytes: [UInt8]
        do { bytes = try FileInput.bytes(path: path, what: "roster") } catch { throw InputErrorList([error]) }
        return try parse(bytes: bytes, file: path, format: RosterFormat.detect(path: path, bytes: bytes), territory: territory)
    }

    /// Reads a roster document.
    public static func parse(bytes: [UInt8], file: String? = nil, format: RosterFormat, territory: Territory) throws(InputErrorList) -> [Practitioner] {
        var rows: [RosterRow] = []
        do {
            switch format {
            case .csv: rows = try csvRows(bytes: bytes, file: file)
            case .json: rows = try jsonRows(bytes: bytes, file: file)
            }
        } catch { throw InputErrorList([error]) }

        var errors: [InputError] = []
        var practitioners: [Practitioner] = []
        var firstPlaceOfRPPS: [String: SourcePlace] = [:]
        for row in rows {
            switch validate(row, territory: territory) {
            case .failure(let list): errors += list.errors
            case .success(let p):
                if let first = firstPlaceOfRPPS[p.rpps.digits] {
                    errors.append(InputError(row.place(of: "rpps"), "the RPPS number \(p.rpps) appears twice (first at \(first))",
                                             remedy: "Keep one entry per practitioner."))
                } else {
                    firstPlaceOfRPPS[p.rpps.digits] = row.place(of: "rpps")
                    practitioners.append(p)
                }
            }
        }
        guard errors.isEmpty else { throw InputErrorList(errors) }
        return practitioners
    }

    /// Checks one row; every problem of the row is reported, not only the first.
    static func validate(_ row: RosterRow, territory: Territory) -> Result<Practitioner, InputErrorList> {
        var errors: [InputError] = []
        func fail(_ key: String, _ problem: String, _ remedy: String) { errors.append(InputError(row.place(of: key), problem, remedy: remedy)) }

        var rpps: RPPS?
        do { rpps = try RPPS(row.text("rpps")) } catch { errors.append(InputError(row.place(of: "rpps"), error.problem, remedy: error.remedy)) }

        let name = row.text("name")
        if name.isEmpty { fail("name", "the name is empty", "Write the practitioner's name as operators should see it (Dr Claire Martin).") }

        let insee = row.text("commune_insee")
        if insee.isEmpty {
            fail("commune_insee", "the commune is missing", "Write the INSEE code of the commune of the practice, for example 78517.")
        } else if territory.commune(insee: insee) == nil {
            fail("commune_insee", "the commune \(insee) is not in the territory \(territory.name)",
                 "Use the INSEE code of a commune of the territory (see 'slotmatch territory').")
        }

        var modes = Set<ConsultationMode>()
        let modeCodes = row.modeCodes()
        if modeCodes.isEmpty { fail("modes", "no consultation mode is given", "Write one or more of AMB, HH, VR separated by | (for example AMB|HH).") }
        for code in modeCodes {
            if let m = ConsultationMode(code: code) { modes.insert(m) } else {
                fail("modes", "the consultation mode \"\(code)\" is unknown", "Use AMB (office), HH (home visit) or VR (video), separated by |.")
            }
        }

        var snp = true
        switch row.flag("snp") {
        case .some(.some(let b)): snp = b
        case .some(.none): fail("snp", "the SNP participation \"\(row.text("snp"))\" is not yes or no", "Write yes or no (or true/false, 1/0).")
        case .none: break
        }

        var cap = Practitioner.defaultWeeklySNPCap
        switch row.number("weekly_cap") {
        case .some(.some(let n)):
            if n < 0 || n != n.rounded() || n > 1000 {
                fail("weekly_cap", "the weekly cap \"\(row.text("weekly_cap"))\" is not a whole number from 0 to 1000",
                     "Write how many regulated consultations a week at most (the SAS limit is 20), or leave it empty for 20.")
            } else { cap = Int(n) }
        case .some(.none):
            fail("weekly_cap", "the weekly cap \"\(row.text("weekly_cap"))\" is not a number", "Write a whole number (for example 20), or leave it empty for 20.")
        case .none: break
        }

        var radius = Practitioner.defaultHomeVisitRadiusKm
        switch row.number("home_radius_km") {
        case .some(.some(let r)):
            if r < 0 || r > 200 {
                fail("home_radius_km", "the home-visit radius \(row.text("home_radius_km")) km is not between 0 and 200",
                     "Write the distance in km the GP goes for home visits, or leave it empty for 10.")
            } else { radius = r }
        case .some(.none):
            fail("home_radius_km", "the home-visit radius \"\(row.text("home_radius_km"))\" is not a number", "Write kilometres as a number (for example 8 or 7.5), or leave it empty for 10.")
        case .none: break
        }

        guard errors.isEmpty, let rpps else { return .failure(InputErrorList(errors)) }
        return .success(Practitioner(rpps: rpps, displayName: name, site: PracticeSite(communeInsee: insee), modes: modes,
                                     participatesInSNP: snp, weeklySNPCap: cap, homeVisitRadiusKm: radius))
    }

    static func csvRows(bytes: [UInt8], file: String?) throws(InputError) -> [RosterRow] {
        let table = try CSVTable(bytes: bytes, file: file, requiredColumns: requiredColumns)
        return table.rows.map { record in
            var values: [String: RosterRow.Value] = [:]
            for key in columns where table.column(key) != nil { values[key] = .text(table.value(key, in: record)) }
            return RosterRow(values: values, csvFile: file, line: record.line, jsonPath: nil)
        }
    }

    static func jsonRows(bytes: [UInt8], file: String?) throws(InputError) -> [RosterRow] {
        let root = try JSONNode.parse(Data(bytes), file: file)
        var rows: [RosterRow] = []
        for node in try root.array() {
            let members = try node.object()
            for key in requiredColumns where members[key] == nil {
                throw InputError(SourcePlace(file: file, jsonPath: node.path + "." + key), "the field \"\(key)\" is missing",
                                 remedy: "Give every practitioner the keys \(requiredColumns.joined(separator: ", ")).")
            }
            var values: [String: RosterRow.Value] = [:]
            for key in columns {
                guard let m = members[key], !m.isNull else { continue }
                if let s = m.value as? String { values[key] = .text(s.trimmingSpaces) }
                else if JSONNode.isBoolean(m.value) { values[key] = .text((try? m.bool()) == true ? "yes" : "no") }
                else if let n = m.value as? NSNumber { values[key] = .text(RosterFile.numberText(n)) }
                else if let list = m.value as? [Any], key == "modes" {
                    guard let codes = list as? [String] else {
                        throw m.error("the modes list holds something other than text", remedy: "Write the modes as [\"AMB\", \"HH\"].")
                    }
                    values[key] = .list(codes)
                } else {
                    throw m.error("expected text or a number, found \(m.kind)", remedy: "Write \(key) as in the documented roster format.")
                }
            }
            rows.append(RosterRow(values: values, csvFile: file, line: nil, jsonPath: node.path))
        }
        return rows
    }

    static func numberText(_ n: NSNumber) -> String {
        let d = n.doubleValue
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }
}
