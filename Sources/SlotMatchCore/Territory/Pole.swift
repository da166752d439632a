/// An attraction pole of GP care: a commune where care concentrates and that serves its neighbours.
public struct Pole: Sendable, Hashable, Identifiable {
    /// A short stable id (`rambouillet`), used in files, the store and reports.
    public var id: String
    public var name: String
    /// The INSEE code of the commune the pole is centred on.
    public var seatInsee: String

    public init(id: String, name: String, seatInsee: String) {
        self.id = id; self.name = name; self.seatInsee = seatInsee
    }
}
