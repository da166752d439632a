import Foundation
import SlotMatchCore

/// Reads a territory file (JSON, schema in docs/territory.md) into a `Territory`: communes, poles,
/// travel model and time zone. The Rambouillet Territoires file is bundled and used by default.
///
/// Every problem is an `InputError` whose place carries the JSON path (`$.communes[3].lat`).
public enum TerritoryFile {
    /// The bundled default territory (Communauté d'agglomération Rambouillet Territoires).
    public static var bundledURL: URL? {
        Bundle.module.url(forResource: "rambouillet-territoires", withExtension: "json")
    }

    /// The bundled default territory.
    public static func loadDefault() throws(InputError) -> Territory {
        guard let url = bundledURL else {
            throw InputError(SourcePlace(file: "rambouillet-territoires.json"), "the bundled territory file is missing from the installation",
                             remedy: "Reinstall slotmatch, or pass --territory FILE.")
        }
        return try load(path: url.path)
    }

    /// Reads the territory file at `path`; a `travelMatrix` path inside it is read relative to the file's folder.
    public static func load(path: String) throws(InputError) -> Territory {
        let bytes = try FileInput.bytes(path: path, what: "territory")
        let folder = (path as NSString).deletingLastPathComponent
        return try parse(Data(bytes), file: path, baseDirectory: folder.isEmpty ? "." : folder)
    }

    /// Reads a territory document.
    public static func parse(_ data: Data, file: String? = nil, baseDirectory: String = ".") throws(InputError) -> Territory {
        let root = try JSONNode.parse(data, file: file)
        _ = try root.object()
        let name = try nonEmptyString(root.member("name"))
        let timeZone = try root.optionalMember("timeZone").map { n throws(InputError) in try nonEmptyString(n) } ?? "Europe/Paris"

        var detour = 1.3, speed = 50.0
        if let travel = try root.optionalMember("travel") {
            _ = try travel.object()
            if let d = try travel.optionalMember("detourFactor") {
                detour = try d.double()
                guard detour >= 1, detour <= 5 else {
                    throw d.error("the detour factor \(detour) is outside 1 … 5", remedy: "Road distance over straight-line distance is usually about 1.3.")
                }
            }
            if let s = try travel.optionalMember("averageSpeedKmh") {
                speed = try s.double()
                guard speed > 0, speed <= 200 else {
                    throw s.error("the average speed \(speed) km/h is outside 0 … 200", remedy: "Give a door-to-door road speed, usually 30 to 60 km/h.")
                }
            }
        }

        var poles: [Pole] = []
        let poleNodes = try root.member("poles").array()
        for node in poleNodes {
            let id = try nonEmptyString(node.member("id"))
            if poles.contains(where: { $0.id == id }) {
                throw try node.member("id").error("the pole id \"\(id)\" appears twice", remedy: "Give each pole its own id.")
            }
            poles.append(Pole(id: id, name: try nonEmptyString(node.member("name")), seatInsee: try nonEmptyString(node.member("seat"))))
        }
        if poles.isEmpty {
            throw try root.member("poles").error("the territory has no pole", remedy: "List at least one pole of care.")
        }

        var communes: [Commune] = []
        var seen: [String: Int] = [:]
        for (i, node) in try root.member("communes").array().enumerated() {
            let inseeNode = try node.member("insee")
            let insee = try nonEmptyString(inseeNode)
            guard insee.utf8.count == 5, insee.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 65 || $0 == 66 }) else {
                throw inseeNode.error("\"\(insee)\" is not an INSEE commune code", remedy: "Write the 5-character INSEE code, for example \"78517\".")
            }
            if let first = seen[insee] {
                throw inseeNode.error("the INSEE code \(insee) appears twice (also at $.communes[\(first)])", remedy: "Give each commune once.")
            }
            seen[insee] = i
            let latNode = try node.member("lat"), lonNode = try node.member("lon")
            let lat = try latNode.double(), lon = try lonNode.double()
            guard lat >= -90, lat <= 90 else {
                throw latNode.error("the latitude \(lat) is outside -90 … 90", remedy: "Write the latitude in decimal degrees (Rambouillet is 48.64).")
            }
            guard lon >= -180, lon <= 180 else {
                throw lonNode.error("the longitude \(lon) is outside -180 … 180", remedy: "Write the longitude in decimal degrees (Rambouillet is 1.83).")
            }
            let popNode = try node.member("population")
            let population = try popNode.int()
            guard population >= 0 else {
                throw popNode.error("the population \(population) is negative", remedy: "Write the municipal population, 0 or more.")
            }
            var override: String?
            if let poleNode = try node.optionalMember("pole") {
                let id = try poleNode.string()
                guard poles.contains(where: { $0.id == id }) else {
                    throw poleNode.error("the pole \"\(id)\" is not defined", remedy: "Use one of the pole ids: \(poles.map(\.id).joined(separator: ", ")).")
                }
                override = id
            }
            communes.append(Commune(insee: insee, name: try nonEmptyString(node.member("name")),
                                    postcode: try node.optionalMember("postcode")?.string() ?? "",
                                    location: GeoPoint(latitude: lat, longitude: lon), population: population, poleOverride: override))
        }
        if communes.isEmpty {
            throw try root.member("communes").error("the territory has no commune", remedy: "List the communes the CPTS serves.")
        }
        for (p, pole) in poles.enumerated() where seen[pole.seatInsee] == nil {
            throw InputError(SourcePlace(file: file, jsonPath: "$.poles[\(p)].seat"), "the pole seat \(pole.seatInsee) is not a commune of the territory",
                             remedy: "Use the INSEE code of one of the listed communes.")
        }

        var matrix = TravelMatrix()
        if let matrixNode = try root.optionalMember("travelMatrix") {
            let relative = try nonEmptyString(matrixNode)
            let path = relative.hasPrefix("/") ? relative : (baseDirectory as NSString).appendingPathComponent(relative)
            matrix = try TravelMatrixFile.load(path: path, knownCommunes: Set(seen.keys))
        }

        do {
            return try Territory(name: name, timeZoneIdentifier: timeZone, communes: communes, poles: poles,
                                 travel: TravelModel(detourFactor: detour, averageSpeedKmh: speed, matrix: matrix))
        } catch {
            throw file.map { error.inFile($0) } ?? error
        }
    }

    private static func nonEmptyString(_ node: JSONNode) throws(InputError) -> String {
        let s = try node.string().trimmingSpaces
        guard !s.isEmpty else { throw node.error("the text is empty", remedy: "Fill in \(node.path).") }
        return s
    }
}
