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
        SlotIndex.firstSetBit(bucketBits, base: c * wordsPerCell, words: wordsPerCell, from: b)
    }

    /// The first non-empty bucket ≥ b of the GP at position j of the grid order, or −1.
    @inline(__always)
    func firstNonEmptyBucket(member j: Int, from b: Int) -> Int {
        SlotIndex.firstSetBit(memberBucketBits, base: j * wordsPerCell, words: wordsPerCell, from: b)
    }

    @inline(__always)
    static func firstSetBit(_ bits: [UInt64], base: Int, words: Int, from b: Int) -> Int {
        var w = b >> 6
        var word = bits[base + w] & (~UInt64(0) << UInt64(b & 63))
        while true {
            if word != 0 { return (w << 6) + word.trailingZeroBitCount }
            w += 1
            if w >= words { return -1 }
            word = bits[base + w]
        }
    }

    /// Marks the bucket of a free slot, for its GP and its cell.
    mutating func markBucket(practitioner p: Int32, start: Int64) {
        let b = bucket(of: start)
        let bit = UInt64(1) << UInt64(b & 63)
        let c = Int(grid.cellOfPractitioner[Int(p)]), j = Int(grid.positionOfPractitioner[Int(p)])
        bucketBits[c * wordsPerCell + (b >> 6)] |= bit
        memberBucketBits[j * wordsPerCell + (b >> 6)] |= bit
    }

    /// After a slot of GP p left the index: clears the GP's bucket bit when no other free slot of the GP
    /// starts in that bucket (they are neighbours in the GP's sorted array), then the cell's when no GP of
    /// the cell has it. O(slots in the bucket), plus O(GPs in the cell) when the GP's bit clears.
    mutating func unmarkBucketIfEmpty(practitioner p: Int32, start: Int64) {
        let b = bucket(of: start)
        let list = slotsByPractitioner[Int(p)]
        var i = b == 0 ? 0 : SlotIndex.firstIndex(in: list, startingAtOrAfter: bucketLowerStart(b))
        while i < list.count && bucket(of: list[i].start) == b {
            if list[i].alive { return }
            i += 1
        }
        let word = b >> 6, bit = UInt64(1) << UInt64(b & 63)
        let j = Int(grid.positionOfPractitioner[Int(p)])
        memberBucketBits[j * wordsPerCell + word] &= ~bit
        let c = Int(grid.cellOfPractitioner[Int(p)])
        for k in grid.memberRange(ofCell: c) where memberBucketBits[k * wordsPerCell + word] & bit != 0 { return }
        bucketBits[c * wordsPerCell + word] &= ~bit
    }
}

extension SlotIndex {
    /// Invariant check for the tests: every bucket bit is set exactly when a free slot starts in it.
    func bucketBitsAreExact() -> Bool {
        var cells = [UInt64](repeating: 0, count: bucketBits.count)
        var members = [UInt64](repeating: 0, count: memberBucketBits.count)
        for p in 0 ..< practitioners.count {
            let c = Int(grid.cellOfPractitioner[p]), j = Int(grid.positionOfPractitioner[p])
            for s in slotsByPractitioner[p] where s.alive {
                let b = bucket(of: s.start)
                cells[c * wordsPerCell + (b >> 6)] |= UInt64(1) << UInt64(b & 63)
                members[j * wordsPerCell + (b >> 6)] |= UInt64(1) << UInt64(b & 63)
            }
        }
        return cells == bucketBits && members == memberBucketBits
    }
}
