import SlotMatchCore

/// What the replay report shows, computed by the caller (the replay) so this module needs only the core:
/// the territory (map), the period, per commune the requests and those left unserved by the first policy,
/// per pole the calls and the slots by local hour of day, and the policies compared.
public struct ReportData: Sendable {
    public var territory: Territory
    public var zone: ZoneRules
    public var periodStart: Instant
    public var periodEnd: Instant
    public var demandName: String
    /// By INSEE code.
    public var requestsByCommune: [String: Int]
    public var unservedByCommune: [String: Int]
    /// Index = pole index in the territory; inner index = local hour 0…23.
    public var demandByHour: [[Int]]
    public var supplyByHour: [[Int]]
    /// GPs per pole (same index).
    public var practitionersByPole: [Int]
    public var policies: [ReportPolicy]

    public init(territory: Territory, zone: ZoneRules, periodStart: Instant, periodEnd: Instant, demandName: String,
                requestsByCommune: [String: Int], unservedByCommune: [String: Int], demandByHour: [[Int]],
                supplyByHour: [[Int]], practitionersByPole: [Int], policies: [ReportPolicy]) {
        self.territory = territory; self.zone = zone; self.periodStart = periodStart; self.periodEnd = periodEnd
        self.demandName = demandName; self.requestsByCommune = requestsByCommune; self.unservedByCommune = unservedByCommune
        self.demandByHour = demandByHour; self.supplyByHour = supplyByHour
        self.practitionersByPole = practitionersByPole; self.policies = policies
    }
}
