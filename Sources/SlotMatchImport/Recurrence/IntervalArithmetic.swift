/// Integer helpers of the expansion loop: floor division and weekday numbers on day counts.
enum IntervalArithmetic {
    /// ⌊a / b⌋ for b > 0.
    @inline(__always)
    static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && a < 0) ? q - 1 : q
    }

    /// ⌊a / b⌋ for b > 0.
    @inline(__always)
    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && a < 0) ? q - 1 : q
    }

    /// ISO weekday number (Monday = 1 … Sunday = 7) of a day counted from 1970-01-01 (a Thursday).
    @inline(__always)
    static func weekday(ofDay day: Int) -> Int { ((day % 7) + 7 + 3) % 7 + 1 }

    /// The first period `p + k·interval` (k ≥ 0) that is at least `target`, or nil on overflow.
    @inline(__always)
    static func firstPeriod(from p: Int, interval: Int, atLeast target: Int) -> Int? {
        guard target > p else { return p }
        let gap = target - p
        let steps = gap / interval + (gap % interval == 0 ? 0 : 1)
        let (jump, o1) = steps.multipliedReportingOverflow(by: interval)
        let (next, o2) = p.addingReportingOverflow(jump)
        return (o1 || o2) ? nil : next
    }
}
