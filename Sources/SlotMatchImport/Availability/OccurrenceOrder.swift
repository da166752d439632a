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

    /// Sorts keys into `Key.precedes` order (a total order: the index breaks every tie, so the result is the one
    /// any sort gives; tested against the standard library's sort).
    ///
    /// A calendar's occurrences spread over the window read, a few per day: they are distributed by start into
    /// about as many buckets as keys (a shift, no division; a stable counting pass), and each bucket, a handful of
    /// keys, is then sorted by insertion. A bucket larger than `insertionLimit` (many occurrences at one time) is
    /// sorted by the standard library instead, so no input is quadratic. Already sorted keys are left as they are.
    static func sortKeys(_ keys: inout [Key]) {
        let n = keys.count
        guard n > 1 else { return }
        var low = Int64.max, high = Int64.min
        var sorted = true
        keys.withUnsafeBufferPointer { k in
            for i in 0 ..< n {
                let start = k[i].start
                if start < low { low = start }
                if start > high { high = start }
                if i > 0 && sorted && Key.precedes(k[i], k[i - 1]) { sorted = false }
            }
        }
        guard !sorted else { return }
        // Bucket b holds starts in [low + b << shift, low + (b + 1) << shift): the smallest shift giving at most n buckets.
        let span = UInt64(bitPattern: high &- low)
        var shift: UInt64 = 0
        while shift < 63 && (span >> shift) >= UInt64(n) { shift += 1 }
        let buckets = Int(span >> shift) + 1
        var bounds = [Int](repeating: 0, count: buckets + 1)
        var result = [Key](unsafeUninitializedCapacity: n) { target, initialized in
            keys.withUnsafeBufferPointer { k in
                bounds.withUnsafeMutableBufferPointer { b in
                    for i in 0 ..< n { b[Int(UInt64(bitPattern: k[i].start &- low) >> shift) + 1] += 1 }
                    for i in 0 ..< buckets { b[i + 1] += b[i] }
                    // Stable scatter: bucket b's keys at b[b] … in their given order.
                    for i in 0 ..< n {
                        let bucket = Int(UInt64(bitPattern: k[i].start &- low) >> shift)
                        (target.baseAddress! + b[bucket]).initialize(to: k[i])
                        b[bucket] += 1
                    }
                }
            }
            initialized = n
        }
        // After the scatter, bounds[b] is the end of bucket b (the start of b + 1).
        result.withUnsafeMutableBufferPointer { target in
            var first = 0
            for bucket in 0 ..< buckets {
                let end = bounds[bucket]
                if end - first > insertionLimit {
                    target[first ..< end].sort(by: Key.precedes)
                } else if end - first > 1 {
                    for i in first + 1 ..< end {
                        let key = target[i]
                        var j = i
                        while j > first && Key.precedes(key, target[j - 1]) { target[j] = target[j - 1]; j -= 1 }
                        target[j] = key
                    }
                }
                first = end
            }
        }
        keys = result
    }

    /// Largest bucket sorted by insertion.
    static let insertionLimit = 32

    /// The rank of each of `uids` in String order, equal UIDs ranked alike: what `sort` computes from the
    /// occurrences' UIDs, for a reader that knows them in advance (one per series).
    static func uidRanks(_ uids: [String]) -> [UInt64] {
        var ranks = [UInt64](repeating: 0, count: uids.count)
        let order = uids.indices.sorted { uids[$0] < uids[$1] }
        var rank: UInt64 = 0
        for (position, index) in order.enumerated() {
            if position > 0 && uids[order[position - 1]] != uids[index] { rank += 1 }
            ranks[index] = rank
        }
        return ranks
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
