import SlotMatchCore
import SlotMatchMatching

/// A GP as the balance job sees them: where they practise, what they offer, their weekly SNP cap and the
/// appointments it cannot move (booked ones, and pending ones outside the horizon) counted per ISO week.
public struct BalancePractitioner: Sendable, Hashable {
    /// The RPPS number, as text (the store's key).
    public var id: String
    public var displayName: String
    public var location: GeoPoint
    public var homeVisitRadiusKm: Double
    /// Most regulated consultations in one ISO week (Monday 00:00 → Monday 00:00, Europe/Paris).
    public var weeklyCap: Int
    public var modes: ModeSet
    public var participatesInSNP: Bool
    /// Index into `BalanceInput.poles`; -1 when the practice is outside every pole.
    public var pole: Int32
    /// Active appointments the job does not move, by week (`SNPWeekKey.days`, the Monday's days since 1970).
    public var fixedLoadByWeek: [Int: Int]

    public init(id: String, displayName: String, location: GeoPoint, homeVisitRadiusKm: Double = Practitioner.defaultHomeVisitRadiusKm,
                weeklyCap: Int, modes: ModeSet = [.office], participatesInSNP: Bool = true, pole: Int32,
                fixedLoadByWeek: [Int: Int] = [:]) {
        self.id = id; self.displayName = displayName; self.location = location; self.homeVisitRadiusKm = homeVisitRadiusKm
        self.weeklyCap = weeklyCap; self.modes = modes; self.participatesInSNP = participatesInSNP; self.pole = pole
        self.fixedLoadByWeek = fixedLoadByWeek
    }
}
