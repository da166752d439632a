import Foundation
import SlotMatchConfig
import SlotMatchCore
import SlotMatchImport

/// Reads a supply folder: `roster.csv` (the GPs) and every published agenda file below it (iCalendar,
/// VAVAILABILITY, xCal, FHIR, CSV), expanded over the replay period and cut into slots by `SlotCutter`.
/// A file's GP is the one it names (FHIR, CSV), else the RPPS its name or folder starts with.
public enum ReplaySupplyFolder {
    static let agendaExtensions: Set<String> = ["ics", "ical", "xml", "json", "csv"]

    /// The supply of `path`: a folder (its roster.csv, else `roster`, and every agenda below it, an inbox's
    /// `DIR/<RPPS>/` files included; files already processed into `imported/` or `rejected/` are skipped), or a single
    /// published file whose GPs are in `roster`.
    public static func load(path: String, territory: Territory, zone: ZoneRules, from: Instant, to: Instant,
                            roster: [Practitioner] = []) throws -> ReplaySupply {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(SourcePlace(file: path), "the supply folder or file does not exist",
                             remedy: "Give the folder with roster.csv and the published agendas (like Schedules/), or one agenda file.")
        }
        var practitioners = roster
        var files: [String] = []
        if isDirectory.boolValue {
            let rosterPath = (path as NSString).appendingPathComponent("roster.csv")
            if FileManager.default.fileExists(atPath: rosterPath) {
                practitioners = try RosterFile.load(path: rosterPath, territory: territory)
            }
            files = PublishedFileListing.files(in: [path]).filter {
                agendaExtensions.contains(($0 as NSString).pathExtension.lowercased()) && ($0 as NSString).lastPathComponent != "roster.csv"
            }.sorted()
        } else {
            files = [path]
        }
        let reader = PublishedFileReader(territoryZone: zone)
        let cutter = SlotCutter()
        var slots: [Slot] = []
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
            let availabilities = try reader.read(bytes: bytes, file: file, from: from, to: to)
            for a in availabilities {
                guard let rpps = a.practitioner ?? rppsInName(file) else {
                    throw InputError(SourcePlace(file: file), "the file does not say whose agenda it is",
                                     remedy: "Name the file (or its folder) after the GP's RPPS number, e.g. 10241452928-evenings.ics.")
                }
                slots += cutter.slots(from: a, practitioner: rpps, source: file, from: from, to: to, now: from)
            }
        }
        return ReplaySupply(practitioners: practitioners, slots: slots)
    }

    /// The leading 11-digit run, with a valid check digit, of the file's name or of its folder's.
    static func rppsInName(_ file: String) -> RPPS? {
        let parts = [(file as NSString).lastPathComponent, ((file as NSString).deletingLastPathComponent as NSString).lastPathComponent]
        for part in parts {
            let digits = String(part.prefix { $0.isASCII && $0.isNumber })
            if digits.count == 11, let r = try? RPPS(digits) { return r }
        }
        return nil
    }
}
