import Foundation
import SlotMatchCore
@testable import SlotMatchStore

/// A fresh directory per test (tests run in parallel in one process), removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() {
        let base = NSTemporaryDirectory() + "slotmatch-store-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        path = base
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// A path inside the directory (the file does not exist yet).
    func file(_ name: String = "slotmatch.db") -> String { path + "/" + name }
}

/// Synthetic RPPS numbers with valid check digits: `syntheticRPPS(7)` is `1000000007x`.
func syntheticRPPS(_ n: Int) -> RPPS {
    var prefix = String(n)
    prefix = "10" + String(repeating: "0", count: 8 - prefix.count) + prefix
    return try! RPPS(prefix + String(RPPS.checkDigit(forPrefix: prefix)))
}

/// An invented GP.
func practitioner(_ n: Int, name: String? = nil, commune: String = "78517", modes: Set<ConsultationMode> = [.office, .homeVisit],
                  location: GeoPoint? = GeoPoint(latitude: 48.6436, longitude: 1.8305)) -> Practitioner {
    Practitioner(rpps: syntheticRPPS(n), displayName: name ?? "Dr Test \(n)",
                 site: PracticeSite(communeInsee: commune, address: n % 2 == 0 ? "\(n) rue des Tilleuls" : nil, location: location),
                 modes: modes, participatesInSNP: n % 3 != 0, weeklySNPCap: 20, homeVisitRadiusKm: 8.5)
}

let t0 = Instant(secondsSinceEpoch: 1_796_400_000)  // 2026-12-04T…Z, a fixed test clock
