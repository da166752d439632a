/// What changes while a policy runs: which slots are booked (with a next-free jump table so booked
/// slots are skipped in O(α) each) and how many regulated consultations each cap cell holds.
struct ReplayState {
    var taken: [Bool]
    /// nextFree[s] ≥ s: a free slot index, or a booked one whose chain leads to one (path halving).
    var nextFree: [Int32]
    var cellUsed: [Int32]

    init(slotCount: Int, cellCount: Int) {
        taken = [Bool](repeating: false, count: slotCount)
        nextFree = (0 ... slotCount).map { Int32($0) }
        cellUsed = [Int32](repeating: 0, count: cellCount)
    }

    /// The first free slot at index ≥ s (slotCount when none).
    @inline(__always) mutating func free(from s: Int) -> Int {
        var x = s
        while Int(nextFree[x]) != x {
            let up = Int(nextFree[Int(nextFree[x])])
            nextFree[x] = Int32(up)
            x = up
        }
        return x
    }

    @inline(__always) mutating func book(slot s: Int, cell: Int) {
        taken[s] = true
        nextFree[s] = Int32(s + 1)
        cellUsed[cell] += 1
    }
}
