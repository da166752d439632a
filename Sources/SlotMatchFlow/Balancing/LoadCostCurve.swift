/// A convex piecewise-linear cost on a load (a GP's or a pole's number of assigned requests).
///
/// `marginalCosts[k]` is what one more request costs while the load is in segment `k`: segment 0 is
/// loads `1…breakpoints[0]`, segment `k` is `breakpoints[k-1]+1…breakpoints[k]`, the last segment has
/// no end. Marginal costs must not decrease (convexity): then the cheapest way to carry a load uses
/// the segments in order, and one parallel arc per segment models the curve exactly in a min-cost
/// flow (Ahuja, Magnanti & Orlin, *Network Flows*, §14.3, convex cost flows).
public struct LoadCostCurve: Sendable, Hashable {
    public var marginalCosts: [Int64]
    public var breakpoints: [Int64]

    /// `breakpoints.count == marginalCosts.count − 1`, breakpoints increasing from ≥ 1, marginal costs non-decreasing.
    public init(marginalCosts: [Int64], breakpoints: [Int64] = []) {
        self.marginalCosts = marginalCosts; self.breakpoints = breakpoints
    }

    /// No cost at any load.
    public static let flat = LoadCostCurve(marginalCosts: [0])

    /// What is wrong with the curve, or nil when it is a valid convex curve with marginal costs
    /// within ±`maximumCost`.
    public func problem(maximumCost: Int64 = FlowNetwork.maximumCost) -> String? {
        if marginalCosts.isEmpty { return "a load cost curve needs at least one marginal cost" }
        if let big = marginalCosts.first(where: { $0.magnitude > maximumCost.magnitude }) {
            return "the marginal cost \(big) is outside ±\(maximumCost)"
        }
        if breakpoints.count != marginalCosts.count - 1 {
            return "\(marginalCosts.count) marginal costs need \(marginalCosts.count - 1) breakpoints, not \(breakpoints.count)"
        }
        var previous: Int64 = 0
        for b in breakpoints {
            if b <= previous { return "breakpoints must increase from 1: \(b) follows \(previous)" }
            previous = b
        }
        for k in 1..<marginalCosts.count where marginalCosts[k] < marginalCosts[k - 1] {
            return "marginal costs must not decrease (the curve must be convex): \(marginalCosts[k]) follows \(marginalCosts[k - 1])"
        }
        return nil
    }

    /// The segments as (units, marginal cost), the last one cut at `limit` units in total.
    /// Segments starting beyond `limit` are dropped.
    public func segments(upTo limit: Int64) -> [(units: Int64, marginalCost: Int64)] {
        var result: [(units: Int64, marginalCost: Int64)] = []
        var start: Int64 = 0
        for (k, marginal) in marginalCosts.enumerated() {
            let end = k < breakpoints.count ? min(breakpoints[k], limit) : limit
            if end > start { result.append((end - start, marginal)) }
            start = max(start, end)
            if start >= limit { break }
        }
        return result
    }

    /// The cost of carrying `load`: the sum of the marginal costs of its units.
    public func cost(ofLoad load: Int64) -> Int64 {
        segments(upTo: load).reduce(0) { $0 + $1.units * $1.marginalCost }
    }
}
