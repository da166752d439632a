import Glibc  // libm: exp

/// The shape of simulated demand (docs/demand-log.md, "Simulated demand"): a baseline of requests per
/// 1,000 inhabitants a week, weekday and hour-of-day profiles (each of mean 1), a winter epidemic wave,
/// and the mixes of urgency, age band and mobility.
public struct DemandProfile: Sendable, Hashable {
    /// Requests to the regulation line per 1,000 inhabitants per week, outside the epidemic.
    public var requestsPerThousandPerWeek: Double
    /// Monday first; Monday carries the weekend's deferred demand.
    public var weekdayFactors: [Double]
    /// Local hour 0…23: a morning peak (8–10 h) and the evening peak (17–20 h).
    public var hourFactors: [Double]
    /// Extra demand at the epidemic's peak (0.8 = +80 %), a Gaussian in days around `epidemicPeakDayOfYear`.
    public var epidemicAmplitude: Double
    public var epidemicPeakDayOfYear: Int
    public var epidemicWidthDays: Double
    /// Shares of vital, urgent, same-day, within-24h, within-48h, advice (UrgencyLevel order).
    public var urgencyShares: [Double]
    /// Shares of 0-2, 3-15, 16-64, 65-79, 80+ (AgeBand order).
    public var ageShares: [Double]

    public static let standard = DemandProfile(
        requestsPerThousandPerWeek: 1.0,
        weekdayFactors: DemandProfile.normalised([1.45, 1.05, 0.95, 0.95, 1.0, 0.9, 0.7]),
        hourFactors: DemandProfile.normalised([
            0.15, 0.1, 0.08, 0.08, 0.1, 0.2, 0.5, 1.1, 1.7, 1.8, 1.6, 1.4,
            1.2, 1.2, 1.3, 1.3, 1.4, 1.7, 1.9, 1.8, 1.4, 0.9, 0.5, 0.3,
        ]),
        epidemicAmplitude: 0.8, epidemicPeakDayOfYear: 15, epidemicWidthDays: 21,
        urgencyShares: [0.02, 0.13, 0.40, 0.25, 0.15, 0.05],
        ageShares: [0.06, 0.16, 0.55, 0.15, 0.08])

    public init(requestsPerThousandPerWeek: Double, weekdayFactors: [Double], hourFactors: [Double],
                epidemicAmplitude: Double, epidemicPeakDayOfYear: Int, epidemicWidthDays: Double,
                urgencyShares: [Double], ageShares: [Double]) {
        self.requestsPerThousandPerWeek = requestsPerThousandPerWeek; self.weekdayFactors = weekdayFactors
        self.hourFactors = hourFactors; self.epidemicAmplitude = epidemicAmplitude
        self.epidemicPeakDayOfYear = epidemicPeakDayOfYear; self.epidemicWidthDays = epidemicWidthDays
        self.urgencyShares = urgencyShares; self.ageShares = ageShares
    }

    /// Scales factors so they average 1.
    public static func normalised(_ f: [Double]) -> [Double] {
        let mean = f.reduce(0, +) / Double(f.count)
        return f.map { $0 / mean }
    }

    /// 1 + the epidemic bump on a day of the year, the distance taken around the year's end (a wave
    /// centred on 15 January also lifts late December).
    public func epidemicFactor(dayOfYear: Int) -> Double {
        var d = Double(abs(dayOfYear - epidemicPeakDayOfYear))
        d = min(d, 365 - d)
        return 1 + epidemicAmplitude * exp(-(d * d) / (2 * epidemicWidthDays * epidemicWidthDays))
    }
}
