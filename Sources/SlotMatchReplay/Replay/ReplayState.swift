/// What changes while a policy runs: which slots are booked (with a next-free jump table so booked
/// slots are skipped in O(α) each) and how many regulated consultations each cap cell holds.
struct ReplayState {
    var taken: [Bool]
    /// nextFree[s] ≥ s: a free slot index, or a booked one whose chain leads to one (path halving).
    var nextFree: [Int32]
    var cellUsed: [Int32]
    /// Per GP, the first slot starting at or after the latest decision time seen (decisions come in time order).
    var cursor: [Int32]
    /// Free slots per mode (office, home visit, video) and quarter hour since `hourBase`: a window with none is refused
    /// without looking at any GP.
    var freeByHour: [[Int32]]
    let hourBase: Int64

    init(_ instance: ReplayInstance) {
        let slotCount = instance.slotCount
        taken = [Bool](repeating: false, count: slotCount)
        nextFree = (0 ... slotCount).map { Int32($0) }
        cellUsed = [Int32](repeating: 0, count: instance.cellLimit.count)
        cursor = Array(instance.gpFirstSlot.dropLast())
        let first = instance.slotStart.min() ?? 0, last = instance.slotStart.max() ?? 0
        hourBase = first - ((first % ReplayState.bucketSeconds) + ReplayState.bucketSeconds) % ReplayState.bucketSeconds
        let hours = Int((last - hourBase) / ReplayState.bucketSeconds) + 1
        freeByHour = [[Int32]](repeating: [Int32](repeating: 0, count: slotCount == 0 ? 0 : hours), count: 3)
        for s in 0 ..< slotCount {
            freeByHour[ReplayState.modeRow(instance.slotMode[s])][Int((instance.slotStart[s] - hourBase) / ReplayState.bucketSeconds)] += 1
        }
    }

    static let bucketSeconds: Int64 = 900

    @inline(__always) static func modeRow(_ bits: UInt8) -> Int { bits == 1 ? 0 : (bits == 2 ? 1 : 2) }

    /// Whether some free slot in one of `modes` starts in the quarter hours covering [from, to].
    @inline(__always) func anyFree(modes: UInt8, from: Int64, to: Int64) -> Bool {
        let count = freeByHour[0].count
        guard count > 0, to >= from else { return false }
        let a = max(0, Int((max(from, hourBase) - hourBase) / ReplayState.bucketSeconds)), b = min(count - 1, Int((max(to, hourBase) - hourBase) / ReplayState.bucketSeconds))
        guard a <= b, to >= hourBase else { return false }
        for row in 0 ..< 3 where modes & (1 << UInt8(row)) != 0 {
            let hours = freeByHour[row]
            for h in a ... b where hours[h] > 0 { return true }
        }
        return false
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

    @inline(__always) mutating func book(slot s: Int, cell: Int, mode: UInt8, start: Int64) {
        taken[s] = true
        nextFree[s] = Int32(s + 1)
        cellUsed[cell] += 1
        freeByHour[ReplayState.modeRow(mode)][Int((start - hourBase) / ReplayState.bucketSeconds)] -= 1
    }
}
