/// A commune of the territory: where patients live and where GPs practise.
public struct Commune: Sendable, Hashable, Identifiable {
    /// The INSEE code (`78517`), a string because Corsican codes hold letters (`2A004`).
    public var insee: String
    public var name: String
    public var postcode: String
    /// The commune's centre point.
    public var location: GeoPoint
    /// Municipal population (INSEE legal population).
    public var population: Int
    /// The pole the territory file puts this commune in, overriding the nearest-pole rule.
    public var poleOverride: String?

    public var id: String { insee }

    public init(insee: String, name: String, postcode: String, location: GeoPoint, population: Int, poleOverride: String? = nil) {
        self.insee = insee; self.name = name; self.postcode = postcode
        self.location = location; self.population = population; self.poleOverride = poleOverride
    }
}
