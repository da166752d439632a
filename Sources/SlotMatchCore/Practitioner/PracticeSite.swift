/// Where a practitioner consults: a commune, and where known an address and exact coordinates.
public struct PracticeSite: Sendable, Hashable {
    public var communeInsee: String
    public var address: String?
    /// Exact position of the practice; the commune's centre is used when absent.
    public var location: GeoPoint?

    public init(communeInsee: String, address: String? = nil, location: GeoPoint? = nil) {
        self.communeInsee = communeInsee; self.address = address; self.location = location
    }
}
