import SlotMatchCore

/// A pole of care (a group of communes), with the point where the map draws it.
public struct BalancePole: Sendable, Hashable {
    public var id: String
    public var name: String
    public var location: GeoPoint
    public init(id: String, name: String, location: GeoPoint) {
        self.id = id; self.name = name; self.location = location
    }
}
