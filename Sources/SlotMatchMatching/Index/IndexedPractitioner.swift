import SlotMatchCore

/// What the slot index needs to know about one GP: where the practice is, how far they go for home
/// visits, their weekly SNP cap and how much of it is used this week, their modes, SNP participation and pole.
///
/// The service builds one per roster GP; the GP's position in the array is its integer index
/// (`Int32`) everywhere in the matching engine.
public struct IndexedPractitioner: Sendable, Hashable {
    public var location: GeoPoint
    /// Road kilometres the GP goes for a home visit (practice to patient).
    public var homeVisitRadiusKm: Double
    /// Most regulated consultations a week (SAS: 20).
    public var weeklyCap: Int32
    /// Regulated consultations already booked in the index's current week. At build it is added to that
    /// week's count (`SlotIndex.init`'s `weeklyUse` gives the other weeks); in `SlotIndex.practitioners`
    /// it shows the current week's count (`SlotIndex.setCurrentWeek(containing:)`).
    public var usedThisWeek: Int32
    public var modes: ModeSet
    /// Whether the GP takes part in the SAS scheme; only then do `SNP`-tagged slots count as SNP.
    public var participatesInSNP: Bool
    /// Index of the GP's pole of care (for the pole load term); -1 when none.
    public var pole: Int32

    public init(location: GeoPoint, homeVisitRadiusKm: Double = Practitioner.defaultHomeVisitRadiusKm,
                weeklyCap: Int32 = Int32(Practitioner.defaultWeeklySNPCap), usedThisWeek: Int32 = 0,
                modes: ModeSet = [.office], participatesInSNP: Bool = true, pole: Int32 = -1) {
        self.location = location; self.homeVisitRadiusKm = homeVisitRadiusKm; self.weeklyCap = weeklyCap
        self.usedThisWeek = usedThisWeek; self.modes = modes; self.participatesInSNP = participatesInSNP; self.pole = pole
    }
}
