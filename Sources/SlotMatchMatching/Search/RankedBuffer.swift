/// The k best answers so far, kept sorted (k is small: an insertion sort beats a heap here).
struct RankedBuffer {
    let capacity: Int
    private(set) var items: [RankedSlot]

    init(capacity: Int) {
        self.capacity = max(0, capacity)
        items = []
        items.reserveCapacity(min(self.capacity, 64))
    }

    var isFull: Bool { items.count >= capacity }

    /// The cost of the k-th answer; only meaningful when full.
    var worstCost: Int { items.last?.cost ?? Int.max }

    /// Whether an answer with these keys would enter the buffer.
    @inline(__always)
    func accepts(cost: Int, start: Int64, id: Int64) -> Bool {
        guard capacity > 0 else { return false }
        guard let last = items.last, isFull else { return true }
        return RankedSlot.precedes(cost: cost, start: start, id: id, last)
    }

    mutating func insert(_ r: RankedSlot) {
        if isFull { items.removeLast() }
        var i = items.count
        items.append(r)
        while i > 0 && RankedSlot.precedes(cost: items[i].cost, start: items[i].start, id: items[i].slotID, items[i - 1]) {
            items.swapAt(i, i - 1)
            i -= 1
        }
    }
}
