/// What `applyBalance` wrote: the moves applied (each with its new appointment id) and those skipped.
public struct BalanceApplication: Sendable, Hashable {
    public var applied: [PlannedMove]
    /// New appointment id of each applied move, parallel to `applied`.
    public var newAppointmentIDs: [Int64]
    public var skipped: [SkippedMove]
    /// Transactions tried (1 when nothing was refused inside; each refusal rolls back and retries without that move).
    public var attempts: Int
    public init(applied: [PlannedMove], newAppointmentIDs: [Int64], skipped: [SkippedMove], attempts: Int) {
        self.applied = applied; self.newAppointmentIDs = newAppointmentIDs; self.skipped = skipped; self.attempts = attempts
    }
}
