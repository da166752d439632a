/// The KPIs of a set of requests (all, one urgency level, one pole, one commune) under one policy.
public struct KPIGroup: Sendable, Hashable {
    /// `all`, a level (`urgent`), a pole id or an INSEE code.
    public var key: String
    public var requests = 0
    /// Requests that should get a slot (not vital, not advice).
    public var needingSlot = 0
    public var servedInTarget = 0
    public var servedOutsideTarget = 0
    public var unserved = 0
    public var unservedByReason: [UnservedReason: Int] = [:]
    /// Vital requests handed to the SAMU-15.
    public var samu = 0
    public var advice = 0
    /// Patient travel and wait (call → slot start), minutes, over the requests served (in or outside target).
    public var travelP50 = 0, travelP90 = 0, waitP50 = 0, waitP90 = 0

    public init(key: String) { self.key = key }

    /// Served in target over needing a slot (1 when none needed one).
    public var shareInTarget: Double { needingSlot == 0 ? 1 : Double(servedInTarget) / Double(needingSlot) }
}
