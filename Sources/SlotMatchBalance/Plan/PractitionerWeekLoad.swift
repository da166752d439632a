/// One GP's load in one ISO week, before and after the run, against their weekly SNP cap.
public struct PractitionerWeekLoad: Sendable, Hashable {
    /// Index into `BalanceInput.practitioners`.
    public var practitioner: Int32
    /// The week's Monday (days since 1970, `SNPWeekKey`).
    public var weekDays: Int
    public var weeklyCap: Int
    /// Active appointments the job does not move.
    public var fixed: Int
    /// Fixed + the pending appointments before the run.
    public var before: Int
    /// Fixed + what the optimum gives this GP.
    public var after: Int

    public init(practitioner: Int32, weekDays: Int, weeklyCap: Int, fixed: Int, before: Int, after: Int) {
        self.practitioner = practitioner; self.weekDays = weekDays; self.weeklyCap = weeklyCap
        self.fixed = fixed; self.before = before; self.after = after
    }

    /// How full the week is after the run, in ‰ of the cap (1000 at the cap; 0 for a zero cap with no load).
    public var afterPermille: Int { weeklyCap > 0 ? after * 1000 / weeklyCap : (after > 0 ? 1000 : 0) }
}
