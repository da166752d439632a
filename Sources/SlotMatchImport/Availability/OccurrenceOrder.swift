import SlotMatchCore

/// The one order every reader hands occurrences in: by start, then end, then kind (available, busy, slot: the
/// order of their names), then UID, then the order they were produced in (a stable sort).
///
/// Why a type of its own: `PublishedOccurrence` carries reference-counted strings (its UID, its place's file), so a
/// comparison-based sort over it retains and releases them at every comparison and move (≈ 40 % of an import's
/// time, docs/benchmarks.md). Here the UIDs are ranked once (a calendar has a few dozen), the sort runs on
/// integer keys, and the occurrences are then moved into place by swaps (never copied).
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

    /// True when the occurrences are already in this order (sorting them would change nothing).
    static func isSorted(_ occurrences: [PublishedOccurrence]) -> Bool {
        occurrences.withUnsafeBufferPointer { o in
            var index = 1
            while index < o.count {
                // Fields read in place: no copy of the occurrences (and of their strings).
                let a = index - 1, b = index
                index += 1
                if o[a].start != o[b].start { if o[a].start < o[b].start { continue } else { return false } }
                if o[a].end != o[b].end { if o[a].end < o[b].end { continue } else { return false } }
                let ka = rank(o[a].kind), kb = rank(o[b].kind)
                if ka != kb { if ka < kb { continue } else { return false } }
                if o[a].origin !== o[b].origin, o[b].uid < o[a].uid { return false }
            }
            return true
        }
    }

    /// Sorts keys by merging their ascending runs pairwise, bottom-up. Each component's instances come in time
    /// order, so a calendar's occurrences are a few dozen runs: about n·log2(runs) comparisons, each inlined.
    /// The index breaks every tie, so the order is total and the result is the one any sort would give.
    static func sortKeys(_ keys: inout [Key]) {
        let n = keys.count
        var bounds: [Int] = [0]
        var i = 1
        while i < n {
            if Key.precedes(keys[i], keys[i - 1]) { bounds.append(i) }
            i += 1
        }
        guard bounds.count > 1 else { return }
        bounds.append(n)
        var source = keys
        var target = keys
        while bounds.count > 2 {
            var next: [Int] = [0]
            source.withUnsafeBufferPointer { from in
                target.withUnsafeMutableBufferPointer { to in
                    var r = 0
                    while r + 1 < bounds.count {
                        let low = bounds[r], mid = bounds[r + 1]
                        let high = r + 2 < bounds.count ? bounds[r + 2] : mid
                        var a = low, b = mid, k = low
                        while a < mid && b < high {
                            if Key.precedes(from[b], from[a]) { to[k] = from[b]; b += 1 } else { to[k] = from[a]; a += 1 }
                            k += 1
                        }
                        while a < mid { to[k] = from[a]; a += 1; k += 1 }
                        while b < high { to[k] = from[b]; b += 1; k += 1 }
                        next.append(high)
                        r += 2
                    }
                }
            }
            swap(&source, &target)
            bounds = next
        }
        keys = source
    }

    /// Sorts `occurrences` into this order, stable on the order given.
    static func sort(_ occurrences: inout [PublishedOccurrence]) {
        guard occurrences.count > 1, !isSorted(occurrences) else { return }
        // Rank the distinct UIDs by String order. Occurrences of one component come together and share their
        // `OccurrenceOrigin`, so comparing with the previous origin (an identity check) spares nearly every lookup.
        var uidIndex: [String: Int] = [:]
        var uids: [String] = []
        var uidOf = [Int](repeating: 0, count: occurrences.count)
        var previous: OccurrenceOrigin?
        var previousIndex = 0
        for position in occurrences.indices {
            let origin = occurrences[position].origin
            if let previous, previous === origin {
                uidOf[position] = previousIndex
                continue
            }
            let uid = origin.uid
            let index: Int
            if let known = uidIndex[uid] { index = known } else {
                index = uids.count
                uidIndex[uid] = index
                uids.append(uid)
            }
            uidOf[position] = index
            previous = origin
            previousIndex = index
        }
        var rankOf = [UInt64](repeating: 0, count: uids.count)
        for (rank, index) in uids.indices.sorted(by: { uids[$0] < uids[$1] }).enumerated() { rankOf[index] = UInt64(rank) }

        var keys: [Key] = []
        keys.reserveCapacity(occurrences.count)
        occurrences.withUnsafeBufferPointer { o in
            for position in o.indices {
                keys.append(Key(start: o[position].start.secondsSinceEpoch, end: o[position].end.secondsSinceEpoch,
                                tie: rank(o[position].kind) << 56 | rankOf[uidOf[position]], index: position))
            }
        }
        sortKeys(&keys)
        // Position p takes the occurrence at keys[p].index: apply the permutation cycle by cycle with swaps, which
        // move occurrences without copying them (no retain, no release, no second array).
        var placed = [Bool](repeating: false, count: keys.count)
        occurrences.withUnsafeMutableBufferPointer { buffer in
            for first in keys.indices where !placed[first] {
                var position = first
                while true {
                    placed[position] = true
                    let source = keys[position].index
                    if source == first { break }
                    buffer.swapAt(position, source)
                    position = source
                }
            }
        }
    }
}
