/// A pole's load over the horizon's weeks: its GPs' appointments before and after, against their caps summed.
public struct PoleLoad: Sendable, Hashable {
    /// Index into `BalanceInput.poles`.
    public var pole: Int32
    public var capacity: Int
    public var fixed: Int
    public var before: Int
    public var after: Int
    public init(pole: Int32, capacity: Int, fixed: Int, before: Int, after: Int) {
        self.pole = pole; self.capacity = capacity; self.fixed = fixed; self.before = before; self.after = after
    }
}
