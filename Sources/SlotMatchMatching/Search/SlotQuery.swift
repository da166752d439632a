import SlotMatchCore

/// What the operator asks: for a patient here, now, the best k slots starting by the deadline, in
/// these modes, visible to the regulation line, reachable within the travel limit.
public struct SlotQuery: Sendable, Hashable {
    public var patient: GeoPoint
    /// UTC seconds.
    public var now: Int64
    /// UTC seconds; a slot may start at the deadline exactly.
    public var deadline: Int64
    public var modes: ModeSet
    /// The patient's treating GP (index), given the bonus and tried first.
    public var treatingPractitioner: Int32?
    /// Number of answers wanted (k).
    public var limit: Int
    /// Tags the regulation line may see; a slot qualifies when it has at least one (default SNP and CPTS).
    public var visibility: SlotVisibility
    /// Reach: GPs farther than this many travel minutes are not offered (video included: the line
    /// regulates its own territory's GPs).
    public var maxTravelMinutes: Int
    /// Measured minutes from the patient's commune to some GPs.
    public var travelOverride: TravelOverride?

    public static let defaultVisibility: SlotVisibility = [.snp, .cpts]
    public static let defaultMaxTravelMinutes = 60

    public init(patient: GeoPoint, now: Int64, deadline: Int64, modes: ModeSet = [.office], treatingPractitioner: Int32? = nil,
                limit: Int = 5, visibility: SlotVisibility = SlotQuery.defaultVisibility,
                maxTravelMinutes: Int = SlotQuery.defaultMaxTravelMinutes, travelOverride: TravelOverride? = nil) {
        self.patient = patient; self.now = now; self.deadline = deadline; self.modes = modes
        self.treatingPractitioner = treatingPractitioner; self.limit = limit; self.visibility = visibility
        self.maxTravelMinutes = maxTravelMinutes; self.travelOverride = travelOverride
    }
}
