import SlotMatchCore

/// The one order every reader hands occurrences in: by start, then end, then kind (available, busy, slot: the
/// order of their names), then UID, then the order they were produced in (a stable sort).
///
/// Why a type of its own: `PublishedOccurrence` carries reference-counted strings (its UID, its place's file), so a
/// comparison-based sort over it retains and releases them at every comparison and move (≈ 40 % of an import's
/// time, docs/benchmarks.md). Here the UIDs are ranked once (a calendar has a few dozen), the sort runs on
/// integer keys, and each occurrence is moved once.
enum OccurrenceOrder {
    /// The sort key of one occurrence: all integers, compared in field order.
    struct Key {
        var start: Int64
        var end: Int64
        /// Kind rank in the high bits, UID rank below.
        var tie: UInt64
        var index: Int

        @inline(__always)
        static func precedes(_ a: Key, _ b: Key) -> Bool {
            if a.start != b.start { return a.start < b.start }
            if a.end != b.end { return a.end < b.end }
            if a.tie != b.tie { return a.tie < b.tie }
            return a.index < b.index
        }
    }

    /// `PublishedOccurrence.Kind` ranked as its raw value sorts: "available" < "busy" < "slot".
    @inline(__always)
    static func rank(_ kind: PublishedOccurrence.Kind) -> UInt64 {
        switch kind {
        case .available: return 0
        case .busy: return 1
        case .slot: return 2
        }
    }

    /// True when `a` may stand before `b` (start, end, kind, UID non-decreasing).
    @inline(__always)
    static func inOrder(_ a: PublishedOccurrence, _ b: PublishedOccurrence) -> Bool {
        if a.start != b.start { return a.start < b.start }
        if a.end != b.end { return a.end < b.end }
        let ka = rank(a.kind), kb = rank(b.kind)
        if ka != kb { return ka < kb }
        return !(b.uid < a.uid)
    }

    /// True when the occurrences are already in this order (sorting them would change nothing).
    static func isSorted(_ occurrences: [PublishedOccurrence]) -> Bool {
        var index = 1
        while index < occurrences.count {
            if !inOrder(occurrences[index - 1], occurrences[index]) { return false }
            index += 1
        }
        return true
    }

    /// Sorts `occurrences` into this order, stable on the order given.
    static func sort(_ occurrences: inout [PublishedOccurrence]) {
        guard occurrences.count > 1, !isSorted(occurrences) else { return }
        // Rank the distinct UIDs by String order. Occurrences of one component come together and share their UID's
        // storage, so comparing with the previous UID (an identity check) spares nearly every dictionary lookup.
        var uidIndex: [String: Int] = [:]
        var uids: [String] = []
        var uidOf = [Int](repeating: 0, count: occurrences.count)
        var previous: String?
        var previousIndex = 0
        for position in occurrences.indices {
            let uid = occurrences[position].uid
            if let previous, previous == uid {
                uidOf[position] = previousIndex
                continue
            }
            let index: Int
            if let known = uidIndex[uid] { index = known } else {
                index = uids.count
                uidIndex[uid] = index
                uids.append(uid)
            }
            uidOf[position] = index
            previous = uid
            previousIndex = index
        }
        var rankOf = [UInt64](repeating: 0, count: uids.count)
        for (rank, index) in uids.indices.sorted(by: { uids[$0] < uids[$1] }).enumerated() { rankOf[index] = UInt64(rank) }

        var keys: [Key] = []
        keys.reserveCapacity(occurrences.count)
        for position in occurrences.indices {
            let occurrence = occurrences[position]
            keys.append(Key(start: occurrence.start.secondsSinceEpoch, end: occurrence.end.secondsSinceEpoch,
                            tie: rank(occurrence.kind) << 56 | rankOf[uidOf[position]], index: position))
        }
        keys.sort(by: Key.precedes)
        var sorted: [PublishedOccurrence] = []
        sorted.reserveCapacity(occurrences.count)
        for key in keys { sorted.append(occurrences[key.index]) }
        occurrences = sorted
    }
}
