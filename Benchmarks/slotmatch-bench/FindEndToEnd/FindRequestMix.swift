import SlotMatchCore
import SlotMatchMatching

/// Random `slots.find` calls as JSON-RPC lines (seeded): a patient near a random GP (σ `spreadKm`, so the
/// patients follow the GP clusters), at a random second of the first five days of the week, with an urgency mix
/// (urgent 15 %, same-day 30 %, within-24h 30 %, within-48h 20 %, an explicit deadline 2–36 h ahead 5 %), modes
/// (AMB 60 %, AMB+HH 20 %, HH 10 %, AMB+VR 10 %), the nearby GP as treating GP for 30 %, and `limit` answers.
enum FindRequestMix {
    static func make(_ instance: FindInstance, count: Int, limit: Int, spreadKm: Double, seed: UInt64, firstID: Int = 1) -> [[UInt8]] {
        var rng = BenchRandom(seed: seed)
        var lines: [[UInt8]] = []
        lines.reserveCapacity(count)
        let kmPerDegree = NationalInstance.kmPerDegree
        for n in 0 ..< count {
            let g = Int.random(in: 0 ..< instance.practitioners.count, using: &rng)
            let home = instance.indexed[g].location
            let lat = home.latitude + rng.gaussian() * spreadKm / kmPerDegree
            let lon = home.longitude + rng.gaussian() * spreadKm / (kmPerDegree * cos(home.latitude * Double.pi / 180))
            let at = Instant(secondsSinceEpoch: instance.weekStart + Int64.random(in: 0 ..< 5 * 86_400, using: &rng))
            let u = Int.random(in: 0 ..< 100, using: &rng)
            let when: String
            switch u {
            case ..<15: when = "\"urgency\":\"urgent\""
            case ..<45: when = "\"urgency\":\"same-day\""
            case ..<75: when = "\"urgency\":\"within-24h\""
            case ..<95: when = "\"urgency\":\"within-48h\""
            default: when = "\"deadline\":\"\(at.adding(seconds: Int64.random(in: 2 * 3600 ... 36 * 3600, using: &rng)).iso8601)\""
            }
            let m = Int.random(in: 0 ..< 10, using: &rng)
            let modes = m < 6 ? "[\"AMB\"]" : m < 8 ? "[\"AMB\",\"HH\"]" : m < 9 ? "[\"HH\"]" : "[\"AMB\",\"VR\"]"
            let treating = Int.random(in: 0 ..< 10, using: &rng) < 3 ? ",\"treatingGP\":\"\(instance.practitioners[g].rpps.digits)\"" : ""
            let line = "{\"jsonrpc\":\"2.0\",\"id\":\(firstID + n),\"method\":\"slots.find\",\"params\":{\"location\":{\"lat\":\(lat),\"lon\":\(lon)},"
                + "\(when),\"modes\":\(modes)\(treating),\"limit\":\(limit),\"at\":\"\(at.iso8601)\"}}\n"
            lines.append(Array(line.utf8))
        }
        return lines
    }
}

import Glibc
