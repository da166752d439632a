/// How many regulated consultations one GP already has in one cap week: the store's count of the GP's
/// non-cancelled appointments whose slot starts in that week. `weekStart` may be any instant of the week.
public struct WeeklyUse: Sendable, Hashable {
    public var practitioner: Int32
    public var weekStart: Int64
    public var count: Int32

    public init(practitioner: Int32, weekStart: Int64, count: Int32) {
        self.practitioner = practitioner; self.weekStart = weekStart; self.count = count
    }
}
