/// Measured travel minutes from the patient's commune to some GPs, overriding the estimate for them
/// (the territory's commune-to-commune matrix, looked up by the caller for this patient's commune).
///
/// Sparse and sorted by GP index; the search evaluates these GPs first and apart, so that its
/// distance lower bounds stay valid for everyone else whatever the measured minutes are.
public struct TravelOverride: Sendable, Hashable {
    public private(set) var practitioners: [Int32]
    public private(set) var minutes: [Int32]

    /// The (GP index, minutes) pairs; a GP given twice keeps its last value.
    public init(_ pairs: [(practitioner: Int32, minutes: Int32)]) {
        var byGP: [Int32: Int32] = [:]
        for p in pairs { byGP[p.practitioner] = max(0, p.minutes) }
        let sorted = byGP.keys.sorted()
        practitioners = sorted
        minutes = sorted.map { byGP[$0]! }
    }

    /// A per-GP array (index = GP, negative = no measure), as a commune row of a dense matrix.
    public init(row: [Int32]) {
        var pairs: [(practitioner: Int32, minutes: Int32)] = []
        for (i, m) in row.enumerated() where m >= 0 { pairs.append((Int32(i), m)) }
        self.init(pairs)
    }

    public var isEmpty: Bool { practitioners.isEmpty }

    /// The measured minutes to GP `p`, or nil (binary search).
    @inline(__always)
    public func minutes(to p: Int32) -> Int32? {
        var lo = 0, hi = practitioners.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if practitioners[mid] < p { lo = mid + 1 } else { hi = mid }
        }
        return lo < practitioners.count && practitioners[lo] == p ? minutes[lo] : nil
    }
}
