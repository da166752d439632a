/// One free SNP slot of the coming days, by pole: the supply side of the forecast.
public struct SupplySlot: Sendable, Hashable {
    /// UTC seconds.
    public var start: Int64
    public var pole: Int32
    public init(start: Int64, pole: Int32) { self.start = start; self.pole = pole }
}
