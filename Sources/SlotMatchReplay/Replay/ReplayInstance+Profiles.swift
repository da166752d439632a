extension ReplayInstance {
    /// Calls by local hour received, per patient pole (index = territory pole).
    public func demandByHour() -> [[Int]] {
        var out = [[Int]](repeating: [Int](repeating: 0, count: 24), count: territory.poles.count)
        for r in 0 ..< requestCount {
            let p = Int(requestPole[r])
            if p >= 0 && p < out.count { out[p][localHour(requestAt[r])] += 1 }
        }
        return out
    }

    /// Slots by local start hour, per GP pole.
    public func supplyByHour() -> [[Int]] {
        var out = [[Int]](repeating: [Int](repeating: 0, count: 24), count: territory.poles.count)
        for s in 0 ..< slotCount {
            let p = Int(gpPole[Int(slotGP[s])])
            if p >= 0 && p < out.count { out[p][localHour(slotStart[s])] += 1 }
        }
        return out
    }

    /// GPs per pole.
    public func practitionersByPole() -> [Int] {
        var out = [Int](repeating: 0, count: territory.poles.count)
        for p in gpPole where p >= 0 && Int(p) < out.count { out[Int(p)] += 1 }
        return out
    }

    /// The period the demand covers: first call, last call (UTC seconds); (0, 0) when empty.
    public var period: (start: Int64, end: Int64) {
        (requestAt.first ?? 0, requestAt.last ?? 0)
    }
}
