/// One policy's line of the report: the comparison figures and the waits for its distribution.
public struct ReportPolicy: Sendable, Hashable {
    public var name: String
    public var requests: Int
    public var needingSlot: Int
    public var servedInTarget: Int
    public var servedOutsideTarget: Int
    public var unserved: Int
    public var samu: Int
    public var travelP50: Int, travelP90: Int
    public var waitP50: Int, waitP90: Int
    /// Share of GP-weeks at the weekly cap (0…1).
    public var capPressure: Double
    public var gapToHindsight: Int?
    public var exact: Bool
    /// Minutes from call to slot, for each request served.
    public var waits: [Int32]

    public init(name: String, requests: Int, needingSlot: Int, servedInTarget: Int, servedOutsideTarget: Int,
                unserved: Int, samu: Int, travelP50: Int, travelP90: Int, waitP50: Int, waitP90: Int,
                capPressure: Double, gapToHindsight: Int?, exact: Bool, waits: [Int32]) {
        self.name = name; self.requests = requests; self.needingSlot = needingSlot; self.servedInTarget = servedInTarget
        self.servedOutsideTarget = servedOutsideTarget; self.unserved = unserved; self.samu = samu
        self.travelP50 = travelP50; self.travelP90 = travelP90; self.waitP50 = waitP50; self.waitP90 = waitP90
        self.capPressure = capPressure; self.gapToHindsight = gapToHindsight; self.exact = exact; self.waits = waits
    }

    /// Served in target over needing a slot.
    public var shareInTarget: Double { needingSlot == 0 ? 1 : Double(servedInTarget) / Double(needingSlot) }
}
