import Foundation
import SlotMatchConfig
import SlotMatchCore
import SlotMatchMatching
import SlotMatchStore

/// `slotmatch-bench rtree-serve --db FILE`: the peer of the end-to-end benchmark, `slots.find` done the obvious way.
/// The same JSON-RPC 2.0 line protocol as `slotmatch serve` (one request per line on stdin, one answer per line on
/// stdout), parsed and written with Foundation's `JSONSerialization`, as an obvious implementation would.
///
/// A query is one SQL statement: the R*Tree `slots_rtree` (see `SlotRTree`) with the bounding box of the reach
/// radius (60 travel minutes) around the patient and the time window [now, deadline], joined with `slots` for
/// the free status; then, in Swift, per row: travel minutes (`TravelModel`, haversine × detour ÷ speed), start in
/// [now + travel, deadline] (video: [now, deadline]), mode wanted and offered, home visit within the GP's radius,
/// a visibility tag the line may see (SNP only for a GP in the scheme), the GP under the weekly cap; then the
/// ranking cost of docs/ranking.md written out plainly, a sort by (cost, start, id) and the first k.
///
/// Tuned in the peer's favour: a 256 MiB SQLite page cache, and kept in memory at start: the roster, each GP's
/// pole, and the week's booked counts (the same SQL as the service, re-read when a query falls in another Paris
/// ISO week).
/// Not done (the peer does less than the service): the no-slot diagnosis and the outside-target offer
/// (`reasons` is empty, `outsideTarget` null), parameter validation beyond what the query needs, and holds.
final class RTreePeerServer {
    struct GP {
        var name: String
        var commune: String
        var location: GeoPoint
        var modes: Set<String>
        var snp: Bool
        var cap: Int
        var radiusKm: Double
        var pole: Int
    }

    let db: Database
    let territory: Territory
    let weights = CostWeights.defaults
    let delays = UrgencyDelays.defaults
    let maxTravelMinutes = SlotQuery.defaultMaxTravelMinutes
    var roster: [String: GP] = [:]
    var poleCount = 0
    var used: [String: Int] = [:]
    var poleUsed: [Int] = []
    var poleCapacity: [Int] = []
    var countedWeek: Date?
    var calendar: Calendar
    let query: Statement

    init(path: String) throws {
        db = try Database(path: path)
        try db.executeScript("PRAGMA cache_size = -262144")  // 256 MiB of page cache: generous to the peer
        territory = try TerritoryFile.loadDefault()
        guard try SlotRTree.isAvailable(db) else {
            throw RTreePeerError("this SQLite has no R*Tree module (PRAGMA compile_options lacks ENABLE_RTREE)")
        }
        if try !SlotRTree.exists(db) { try SlotRTree.build(db, territory: territory) }
        calendar = Calendar(identifier: .iso8601)
        if let zone = TimeZone(identifier: territory.timeZoneIdentifier) { calendar.timeZone = zone }
        query = try db.makeStatement("""
            SELECT s.id, s.rpps, s.start_utc, s.end_utc, s.mode, s.visibility
            FROM slots_rtree r JOIN slots s ON s.id = r.id
            WHERE r.max_lat >= ?1 AND r.min_lat <= ?2 AND r.max_lon >= ?3 AND r.min_lon <= ?4
              AND r.max_start >= ?5 AND r.min_start <= ?6 AND s.status = 'free'
            """)
        var poleNumber: [String: Int] = [:]
        for (i, pole) in territory.poles.enumerated() { poleNumber[pole.id] = i }
        poleCount = territory.poles.count
        let rows = try db.fetchAll("SELECT rpps, display_name, commune_insee, lat, lon, modes, snp, weekly_cap, home_radius_km FROM practitioners") { s in
            (s.string(0), s.string(1), s.string(2), s.optionalDouble(3), s.optionalDouble(4), s.string(5), s.bool(6), s.int(7), s.double(8))
        }
        for (rpps, name, commune, lat, lon, modes, snp, cap, radius) in rows {
            let location: GeoPoint
            if let lat, let lon { location = GeoPoint(latitude: lat, longitude: lon) }
            else if let c = territory.commune(insee: commune) { location = c.location }
            else { continue }
            let pole = territory.pole(ofCommune: commune).flatMap { poleNumber[$0.id] } ?? -1
            roster[rpps] = GP(name: name, commune: commune, location: location, modes: Set(modes.split(separator: ",").map(String.init)),
                              snp: snp, cap: cap, radiusKm: radius, pole: pole)
        }
    }

    /// The week's booked (not cancelled) appointments per GP and per pole, for the Paris ISO week of `at`.
    func count(weekOf at: Date) throws {
        guard let week = calendar.dateInterval(of: .weekOfYear, for: at) else { return }
        if week.start == countedWeek { return }
        let rows = try db.fetchAll("""
            SELECT s.rpps, count(*) FROM appointments a JOIN slots s ON s.id = a.slot_id
            WHERE a.status <> 'cancelled' AND s.start_utc >= ? AND s.start_utc < ? GROUP BY s.rpps
            """, [.integer(Int64(week.start.timeIntervalSince1970)), .integer(Int64(week.end.timeIntervalSince1970))]) { ($0.string(0), $0.int(1)) }
        used = Dictionary(rows, uniquingKeysWith: +)
        poleUsed = Array(repeating: 0, count: poleCount)
        poleCapacity = Array(repeating: 0, count: poleCount)
        for (rpps, gp) in roster where gp.pole >= 0 {
            poleUsed[gp.pole] += used[rpps] ?? 0
            poleCapacity[gp.pole] += gp.cap
        }
        countedWeek = week.start
    }

    static func run(_ args: [String]) -> Int32 {
        guard args.count == 2, args[0] == "--db" else {
            FileHandle.standardError.write(Data("USAGE: slotmatch-bench rtree-serve --db FILE\n".utf8))
            return 64
        }
        let server: RTreePeerServer
        do { server = try RTreePeerServer(path: args[1]) } catch {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            return 65
        }
        while let line = readLine(strippingNewline: true) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
            let answer = server.answer(line)
            var data = (try? JSONSerialization.data(withJSONObject: answer)) ?? Data("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32603}}".utf8)
            data.append(10)
            FileHandle.standardOutput.write(data)
            if (answer["result"] as? [String: Any])?["shutdown"] != nil { break }
        }
        return 0
    }

    func answer(_ line: String) -> [String: Any] {
        guard let request = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
            return ["jsonrpc": "2.0", "id": NSNull(), "error": ["code": -32700, "message": "Parse error"]]
        }
        let id = request["id"] ?? NSNull()
        let method = request["method"] as? String ?? ""
        switch method {
        case "slots.find":
            do {
                return ["jsonrpc": "2.0", "id": id, "result": try find(request["params"] as? [String: Any] ?? [:])]
            } catch {
                return ["jsonrpc": "2.0", "id": id, "error": ["code": -32602, "message": "\(error)"]]
            }
        case "shutdown":
            return ["jsonrpc": "2.0", "id": id, "result": ["shutdown": true]]
        default:
            return ["jsonrpc": "2.0", "id": id, "error": ["code": -32601, "message": "Method not found"]]
        }
    }

    func find(_ params: [String: Any]) throws -> [String: Any] {
        guard let atText = params["at"] as? String, let at = Instant.parseISO8601(atText) else { throw RTreePeerError("at: an ISO 8601 instant is required") }
        let patient: GeoPoint
        if let l = params["location"] as? [String: Any], let lat = (l["lat"] as? NSNumber)?.doubleValue, let lon = (l["lon"] as? NSNumber)?.doubleValue {
            patient = GeoPoint(latitude: lat, longitude: lon)
        } else if let insee = params["commune"] as? String, let c = territory.commune(insee: insee) {
            patient = c.location
        } else { throw RTreePeerError("location or commune is required") }
        let deadline: Instant
        if let u = params["urgency"] as? String {
            guard let level = UrgencyLevel(rawValue: u), let delay = delays.maximumDelaySeconds(for: level) else { throw RTreePeerError("urgency \(u) gets no slot") }
            deadline = at.adding(seconds: delay)
        } else if let d = params["deadline"] as? String, let instant = Instant.parseISO8601(d) {
            deadline = instant
        } else { throw RTreePeerError("urgency or deadline is required") }
        let modes = Set((params["modes"] as? [String]) ?? ["AMB"])
        let treating = params["treatingGP"] as? String
        let limit = (params["limit"] as? NSNumber)?.intValue ?? 5
        try count(weekOf: Date(timeIntervalSince1970: TimeInterval(at.secondsSinceEpoch)))

        // The bounding box of the reach: 60 travel minutes at the model's speed and detour, in great-circle km.
        let travel = territory.travel
        let reachKm = Double(maxTravelMinutes) / 60 * travel.averageSpeedKmh / travel.detourFactor * 1.001
        let kmPerDegree = GeoPoint.earthRadiusKilometres * Double.pi / 180
        let dLat = reachKm / kmPerDegree
        let dLon = reachKm / (kmPerDegree * cos(min(89.9, abs(patient.latitude) + dLat) * Double.pi / 180))
        let now = at.secondsSinceEpoch
        query.reset()
        try query.bind(patient.latitude - dLat, at: 1); try query.bind(patient.latitude + dLat, at: 2)
        try query.bind(patient.longitude - dLon, at: 3); try query.bind(patient.longitude + dLon, at: 4)
        try query.bind(Double(now), at: 5); try query.bind(Double(deadline.secondsSinceEpoch), at: 6)

        struct Candidate { var id: Int64; var rpps: String; var start: Int64; var end: Int64; var mode: String; var cost: Int
                           var travel: Int; var wait: Int; var bonus: Int; var gpLoad: Int; var poleLoad: Int; var minutes: Int }
        var candidates: [Candidate] = []
        defer { query.reset() }
        while try query.step() {
            let rpps = query.string(1), mode = query.string(4)
            guard let gp = roster[rpps], modes.contains(mode), gp.modes.contains(mode) else { continue }
            let start = query.int64(2)
            let minutes = travel.minutes(from: patient, to: gp.location)
            guard minutes <= maxTravelMinutes else { continue }
            if mode == "HH" && travel.roadKilometres(from: gp.location, to: patient) > gp.radiusKm { continue }
            let visibility = SlotVisibility(rawValue: UInt8(truncatingIfNeeded: query.int64(5)))
            guard visibility.contains(.cpts) || (gp.snp && visibility.contains(.snp)) else { continue }
            let usedByGP = used[rpps] ?? 0
            guard usedByGP < gp.cap else { continue }
            let video = mode == "VR"
            let earliest = video ? now : now + Int64(minutes) * 60
            guard start >= earliest && start <= deadline.secondsSinceEpoch else { continue }
            let wait = Int((start - now) / 60)
            let travelCost = video ? 0 : weights.travelMinute * minutes
            let bonus = rpps == treating ? -weights.treatingGPBonus : 0
            let gpPermille = gp.cap > 0 ? usedByGP * 1000 / gp.cap : 1000
            let polePermille = gp.pole >= 0 && poleCapacity[gp.pole] > 0 ? poleUsed[gp.pole] * 1000 / poleCapacity[gp.pole] : 0
            let gpLoad = weights.practitionerLoad * gpPermille / 1000
            let poleLoad = weights.poleLoad * polePermille / 1000
            let cost = travelCost + weights.waitMinute * wait + bonus + gpLoad + poleLoad
            candidates.append(Candidate(id: query.int64(0), rpps: rpps, start: start, end: query.int64(3), mode: mode, cost: cost,
                                        travel: travelCost, wait: weights.waitMinute * wait, bonus: bonus, gpLoad: gpLoad,
                                        poleLoad: poleLoad, minutes: video ? 0 : minutes))
        }
        candidates.sort { ($0.cost, $0.start, $0.id) < ($1.cost, $1.start, $1.id) }
        let answers: [[String: Any]] = candidates.prefix(max(0, limit)).map { c in
            let gp = roster[c.rpps]
            return [
                "slot": c.id,
                "practitioner": ["rpps": c.rpps, "name": gp?.name ?? "", "commune": gp?.commune ?? ""],
                "start": Instant(secondsSinceEpoch: c.start).iso8601, "end": Instant(secondsSinceEpoch: c.end).iso8601,
                "mode": c.mode, "cost": c.cost,
                "components": ["travel": c.travel, "wait": c.wait, "treatingGP": c.bonus, "practitionerLoad": c.gpLoad, "poleLoad": c.poleLoad],
                "travelMinutes": c.minutes, "waitMinutes": Int((c.start - now) / 60), "outsideTarget": false,
            ]
        }
        let known: Any
        if let t = treating { known = roster[t] != nil } else { known = NSNull() }
        return [
            "at": at.iso8601, "deadline": deadline.iso8601, "modes": modes.sorted(),
            "treatingGPKnown": known,
            "slots": answers, "reasons": [String](), "outsideTarget": NSNull(),
        ]
    }
}
