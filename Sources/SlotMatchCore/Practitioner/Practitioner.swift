/// A GP who offers slots to the regulation line.
public struct Practitioner: Sendable, Hashable, Identifiable {
    public var rpps: RPPS
    /// The name shown to operators (`Dr Claire Martin`); practitioners' names are public, patients' never stored.
    public var displayName: String
    public var site: PracticeSite
    public var modes: Set<ConsultationMode>
    /// Whether the GP takes part in the SAS unscheduled-care scheme (soins non programmés).
    public var participatesInSNP: Bool
    /// Most regulated consultations a week: the SAS caps the regulation supplement at 20 a week.
    public var weeklySNPCap: Int
    /// How far the GP goes for home visits, in road kilometres.
    public var homeVisitRadiusKm: Double

    public static let defaultWeeklySNPCap = 20
    public static let defaultHomeVisitRadiusKm = 10.0

    public var id: RPPS { rpps }

    public init(rpps: RPPS, displayName: String, site: PracticeSite, modes: Set<ConsultationMode> = [.office],
                participatesInSNP: Bool = true, weeklySNPCap: Int = Practitioner.defaultWeeklySNPCap,
                homeVisitRadiusKm: Double = Practitioner.defaultHomeVisitRadiusKm) {
        self.rpps = rpps; self.displayName = displayName; self.site = site; self.modes = modes
        self.participatesInSNP = participatesInSNP; self.weeklySNPCap = weeklySNPCap; self.homeVisitRadiusKm = homeVisitRadiusKm
    }
}
