extension SlotIndex {
    /// The bucket a start falls in; starts before the first bucket go to bucket 0, after the last to the last.
    @inline(__always)
    func bucket(of t: Int64) -> Int {
        if t <= bucketBase { return 0 }
        let b = (t - bucketBase) / bucketSeconds
        return b >= Int64(bucketCount) ? bucketCount - 1 : Int(b)
    }

    /// No slot in bucket b starts before this (bucket 0 also holds earlier starts, so it bounds nothing).
    @inline(__always)
    func bucketLowerStart(_ b: Int) -> Int64 {
        b == 0 ? Int64.min : bucketBase + Int64(b) * bucketSeconds
    }

    /// The first non-empty bucket ≥ b of cell c, or −1.
    @inline(__always)
    func firstNonEmptyBucket(cell c: Int, from b: Int) -> Int {
        var w = b >> 6
        let base = c * wordsPerCell
        var word = bucketBits[base + w] & (~UInt64(0) << UInt64(b & 63))
        while true {
            if word != 0 { return (w << 6) + word.trailingZeroBitCount }
            w += 1
            if w >= wordsPerCell { return -1 }
            word = bucketBits[base + w]
        }
    }

    /// Counts a free slot in (+1) or out (−1) of its cell's bucket.
    mutating func countSlot(practitioner p: Int32, start: Int64, by delta: Int32) {
        let c = Int(grid.cellOfPractitioner[Int(p)])
        let b = bucket(of: start)
        let k = c * bucketCount + b
        let n = max(0, bucketCounts[k] + delta)
        bucketCounts[k] = n
        let bit = UInt64(1) << UInt64(b & 63)
        if n > 0 { bucketBits[c * wordsPerCell + (b >> 6)] |= bit } else { bucketBits[c * wordsPerCell + (b >> 6)] &= ~bit }
    }
}
