import SlotMatchCore

extension ReplayInstance {
    /// The Monday-based local week number of an instant.
    func week(of seconds: Int64) -> Int64 {
        let local = zone.localTime(of: Instant(secondsSinceEpoch: seconds)).wallSeconds
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return ReplayInstance.weekNumber(localDays: days)
    }
}
