/// The weeks over which each GP's weekly SNP cap is counted, as sorted UTC week-start instants that the
/// caller supplies (the service: ISO weeks in Europe/Paris, `SNPWeek`), since the matching core knows no
/// zone database.
///
/// With n starts there are n + 1 week ordinals: ordinal 0 is everything before the first start, ordinal i
/// (1 ≤ i ≤ n) is [starts[i − 1], starts[i]), and ordinal n is open-ended. No starts: one week, all time
/// (the index then counts one cap, as before weeks existed). Give one start past the last week's end so
/// that later instants fall in a week of their own.
public struct CapWeeks: Sendable, Hashable {
    /// Strictly increasing UTC seconds.
    public let starts: [Int64]

    /// Sorts the instants and drops repeats.
    public init(starts: [Int64] = []) {
        var sorted = starts.sorted()
        var w = 0
        for s in sorted where w == 0 || sorted[w - 1] != s { sorted[w] = s; w += 1 }
        sorted.removeLast(sorted.count - w)
        self.starts = sorted
    }

    /// One week covering all time.
    public static let single = CapWeeks()

    /// Number of week ordinals (starts + 1).
    public var count: Int { starts.count + 1 }

    /// The ordinal of the week containing `t`: how many starts are ≤ t (binary search, O(log n)).
    public func ordinal(of t: Int64) -> Int {
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if starts[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
