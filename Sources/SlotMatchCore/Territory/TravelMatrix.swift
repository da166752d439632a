/// Measured commune-to-commune travel times that override the straight-line estimate.
public struct TravelMatrix: Sendable, Hashable {
    private var minutesByPair: [CommunePair: Int]

    struct CommunePair: Hashable, Sendable { var from: String; var to: String }

    public init() { minutesByPair = [:] }

    /// Records the time from one commune to another; the reverse direction is used when only one is given.
    public mutating func set(from: String, to: String, minutes: Int) {
        minutesByPair[CommunePair(from: from, to: to)] = minutes
    }

    public func minutes(from: String, to: String) -> Int? {
        minutesByPair[CommunePair(from: from, to: to)] ?? minutesByPair[CommunePair(from: to, to: from)]
    }

    public var count: Int { minutesByPair.count }
}
