import SlotMatchConfig
import SlotMatchCore
@testable import SlotMatchReplay

/// Small hand-made territories and supplies for the replay tests.
enum ReplayFixtures {
    static let paris = ZoneInfoDatabase.system.rules(for: "Europe/Paris") ?? .utc
    static let utc = ZoneRules.utc

    /// Three communes on a line of latitude 48.6, 0, ~7.4 and ~22 km apart; one pole seated at A.
    static func lineTerritory() throws -> Territory {
        let communes = [
            Commune(insee: "90001", name: "A", postcode: "", location: GeoPoint(latitude: 48.6, longitude: 1.8), population: 10_000),
            Commune(insee: "90002", name: "B", postcode: "", location: GeoPoint(latitude: 48.6, longitude: 1.9), population: 5_000),
            Commune(insee: "90003", name: "C", postcode: "", location: GeoPoint(latitude: 48.6, longitude: 2.1), population: 2_000),
        ]
        return try Territory(name: "Line", timeZoneIdentifier: "UTC", communes: communes,
                             poles: [Pole(id: "a", name: "A", seatInsee: "90001")], travel: TravelModel())
    }

    static func rpps(_ n: Int) -> RPPS {
        let prefix = "1" + String(repeating: "0", count: 9 - String(n).count) + String(n)
        return try! RPPS(prefix + String(RPPS.checkDigit(forPrefix: prefix)))
    }

    static func gp(_ n: Int, commune: String, cap: Int = 20, modes: Set<ConsultationMode> = [.office]) -> Practitioner {
        Practitioner(rpps: rpps(n), displayName: "Dr Test \(n)", site: PracticeSite(communeInsee: commune), modes: modes,
                     weeklySNPCap: cap)
    }

    /// 2027-01-04 (a Monday) 00:00 UTC plus hours.
    static func at(hours: Double) -> Instant {
        Instant(secondsSinceEpoch: 1_799_020_800 + Int64(hours * 3600))
    }

    static func slot(_ gp: Int, hours: Double, mode: ConsultationMode = .office) -> Slot {
        let start = at(hours: hours)
        return Slot(practitioner: rpps(gp), start: start, end: start.adding(minutes: 15), mode: mode, visibility: .snp, source: "test")
    }

    static func request(_ id: String, commune: String, hours: Double, level: UrgencyLevel = .sameDay,
                        modes: [ConsultationMode] = [.office]) -> DemandRecord {
        DemandRecord(id: id, receivedAt: at(hours: hours), location: .commune(insee: commune), urgency: level, wantedModes: modes)
    }
}
