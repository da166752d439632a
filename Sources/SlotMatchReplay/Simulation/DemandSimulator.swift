import Glibc  // libm: exp, log, sqrt
import SlotMatchCore

/// Draws synthetic calls hour by hour: a Poisson number of arrivals with rate population × baseline ×
/// weekday × hour × epidemic, each placed in a commune by population, given a second within the hour, an
/// urgency, an age band, a mobility and the modes it implies. Same seed, same inputs → same records.
public struct DemandSimulator: Sendable {
    public var communes: [Commune]
    /// Whether each commune is written by coordinates (synthetic communes) rather than by INSEE code.
    public var byCoordinates: [Bool]
    public var zone: ZoneRules
    public var profile: DemandProfile

    public init(communes: [Commune], byCoordinates: [Bool]? = nil, zone: ZoneRules, profile: DemandProfile = .standard) {
        self.communes = communes
        self.byCoordinates = byCoordinates ?? communes.map { $0.insee.hasPrefix("S") }
        self.zone = zone
        self.profile = profile
    }

    /// The simulator at a scale over a territory.
    public init(scale: DemandScale, territory: Territory, zone: ZoneRules, profile: DemandProfile = .standard) {
        let list = SyntheticCommunes.communes(for: scale, territory: territory)
        let own = territory.communes.count
        self.init(communes: list, byCoordinates: list.indices.map { $0 >= own }, zone: zone, profile: profile)
    }

    /// Calls `body` with each simulated record in time order, for `days` local days from `start` (local midnight).
    public func generate(start: CivilDate, days: Int, seed: UInt64, _ body: (DemandRecord) -> Void) {
        var rng = SplitMix64(seed: seed)
        var cumulative: [Double] = []
        cumulative.reserveCapacity(communes.count)
        var total = 0.0
        for c in communes { total += Double(max(0, c.population)); cumulative.append(total) }
        guard total > 0, days > 0 else { return }
        let perHourBase = total / 1000 * profile.requestsPerThousandPerWeek / 168
        var sequence = 0
        var offsets: [Int] = []
        for d in 0 ..< days {
            let date = start.adding(days: d)
            let dayFactor = profile.weekdayFactors[date.weekday.rawValue - 1] * profile.epidemicFactor(dayOfYear: date.dayOfYear)
            for hour in 0 ..< 24 {
                let lambda = perHourBase * dayFactor * profile.hourFactors[hour]
                let n = DemandSimulator.poisson(lambda, &rng)
                guard n > 0 else { continue }
                offsets.removeAll(keepingCapacity: true)
                for _ in 0 ..< n { offsets.append(rng.below(3600)) }
                offsets.sort()
                let hourStart = zone.instant(of: LocalDateTime(date: date, secondOfDay: hour * 3600))
                for second in offsets {
                    sequence += 1
                    body(record(sequence: sequence, at: hourStart.adding(seconds: Int64(second)), cumulative: cumulative, &rng))
                }
            }
        }
    }

    /// All records at once.
    public func records(start: CivilDate, days: Int, seed: UInt64) -> [DemandRecord] {
        var out: [DemandRecord] = []
        generate(start: start, days: days, seed: seed) { out.append($0) }
        return out
    }

    func record(sequence: Int, at instant: Instant, cumulative: [Double], _ rng: inout SplitMix64) -> DemandRecord {
        let target = rng.unit() * (cumulative.last ?? 0)
        var lo = 0, hi = cumulative.count - 1
        while lo < hi { let mid = (lo + hi) / 2; if cumulative[mid] > target { hi = mid } else { lo = mid + 1 } }
        let commune = communes[lo]
        let age = AgeBand.allCases[DemandSimulator.pick(profile.ageShares, rng.unit())]
        var level = UrgencyLevel.allCases[DemandSimulator.pick(profile.urgencyShares, rng.unit())]
        if (age == .infant || age == .elderly) && level == .within48h && rng.unit() < 0.5 { level = .sameDay }
        // Mobility: the old are more often housebound; housebound patients need a home visit.
        let m = rng.unit()
        let mobility: PatientMobility
        switch age {
        case .elderly: mobility = m < 0.5 ? .ambulant : (m < 0.85 ? .reduced : .bedridden)
        case .senior: mobility = m < 0.85 ? .ambulant : (m < 0.97 ? .reduced : .bedridden)
        default: mobility = m < 0.98 ? .ambulant : .reduced
        }
        var modes: [ConsultationMode]
        switch mobility {
        case .ambulant: modes = rng.unit() < 0.2 ? [.office, .video] : [.office]
        case .reduced: modes = [.office, .homeVisit]
        case .bedridden: modes = [.homeVisit]
        }
        if level == .vital || level == .advice { modes = [.office] }
        let location: PatientLocation = byCoordinates[lo] ? .point(commune.location) : .commune(insee: commune.insee)
        let digits = String(sequence)
        return DemandRecord(id: "sim-" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits,
                            receivedAt: instant, location: location, ageBand: age, urgency: level,
                            mobility: mobility, wantedModes: modes)
    }

    static func pick(_ shares: [Double], _ u: Double) -> Int {
        var acc = 0.0
        let sum = shares.reduce(0, +)
        for (i, s) in shares.enumerated() { acc += s / sum; if u < acc { return i } }
        return shares.count - 1
    }

    /// Poisson count: Knuth's product of uniforms for small rates, a rounded normal above 30.
    static func poisson(_ lambda: Double, _ rng: inout SplitMix64) -> Int {
        guard lambda > 0 else { return 0 }
        if lambda > 30 {
            let u1 = max(rng.unit(), 1e-300), u2 = rng.unit()
            let z = sqrt(-2 * log(u1)) * cos(2 * Double.pi * u2)
            return max(0, Int((lambda + z * sqrt(lambda)).rounded()))
        }
        let limit = exp(-lambda)
        var k = 0
        var p = rng.unit()
        while p > limit { k += 1; p *= rng.unit() }
        return k
    }
}
