import Testing
import SlotMatchCore
@testable import SlotMatchImport

/// `OccurrenceOrder`'s bucket sort of keys against the standard library's sort, and its UID ranks against String
/// order, on random inputs of every shape (few or many runs, one start for all, spans up to the whole Int64 range).
@Suite struct OccurrenceOrderTests {
    typealias Key = OccurrenceOrder.Key

    static func keys(seed: UInt64, count: Int, shape: Int) -> [Key] {
        var g = RandomCalendar.Generator(state: seed)
        var keys: [Key] = []
        for index in 0 ..< count {
            let start: Int64
            switch shape {
            case 0: start = Int64(g.below(400)) * 3600 + 1_798_761_600   // a calendar's hours over a few weeks
            case 1: start = 42                                           // every key at one time: one bucket
            case 2: start = Int64(bitPattern: g.next())                  // anywhere in Int64
            case 3: start = g.chance(50) ? .min + Int64(g.below(3)) : .max - Int64(g.below(3))   // both extremes
            case 4: start = Int64(index / 7) * 600 + Int64(g.below(2))   // nearly sorted runs
            default: start = Int64(g.below(5)) - 2                       // a few small values, negatives too
            }
            let end = shape == 2 || shape == 3 ? start : start + Int64(g.below(3)) * 1800
            keys.append(Key(start: start, end: end, tie: UInt64(g.below(3)) << 56 | UInt64(g.below(4)), index: index))
        }
        if shape == 4 && seed % 2 == 0 { keys.reverse() }
        return keys
    }

    @Test(arguments: 0 ..< 6, [0, 1, 2, 3, 17, 33, 200, 1500])
    func bucketSortIsTheStandardSort(_ shape: Int, _ count: Int) {
        for seed in UInt64(1) ... 6 {
            var sorted = Self.keys(seed: seed * 31 + UInt64(shape), count: count, shape: shape)
            let reference = sorted.sorted(by: Key.precedes)
            OccurrenceOrder.sortKeys(&sorted)
            #expect(sorted.map(\.index) == reference.map(\.index), "shape \(shape) count \(count) seed \(seed)")
        }
    }

    @Test func alreadySortedKeysAreLeftAsTheyAre() {
        var keys = (0 ..< 100).map { Key(start: Int64($0 / 3), end: Int64($0 / 3), tie: 0, index: $0) }
        OccurrenceOrder.sortKeys(&keys)
        #expect(keys.map(\.index) == Array(0 ..< 100))
    }

    @Test(arguments: [
        [String](),
        ["b", "a", "c"],
        ["same", "same", "other", "same"],
        ["gp1-10@x", "gp1-02@x", "gp1-1@x", "gp1-02@x", "é@x", "e\u{301}@x", "Z@x", ""],
    ])
    func uidRanksFollowStringOrder(_ uids: [String]) {
        let ranks = OccurrenceOrder.uidRanks(uids)
        for i in uids.indices {
            for j in uids.indices {
                #expect((ranks[i] < ranks[j]) == (uids[i] < uids[j]), "\(uids[i]) vs \(uids[j])")
                #expect((ranks[i] == ranks[j]) == (uids[i] == uids[j]), "\(uids[i]) vs \(uids[j])")
            }
        }
    }

    /// The reader's `ExpandedOccurrences.sorted()` against `OccurrenceOrder.sort` of the same occurrences in
    /// production order, with colliding times, kinds and UIDs.
    @Test(arguments: UInt64(1) ... 20)
    func expandedOccurrencesSortLikeTheGeneralSort(_ seed: UInt64) {
        var g = RandomCalendar.Generator(state: seed)
        let uids = ["b", "a", "c", "a", "d"]
        let ranks = OccurrenceOrder.uidRanks(uids)
        var expanded = ExpandedOccurrences()
        for _ in 0 ..< 1 + g.below(12) {
            let series = g.below(uids.count)
            let kind: PublishedOccurrence.Kind = g.chance(50) ? .available : .busy
            let template = expanded.addTemplate(PublishedOccurrence(kind: kind, component: "VEVENT", uid: uids[series],
                                                                    start: Instant(secondsSinceEpoch: 0), end: Instant(secondsSinceEpoch: 0),
                                                                    place: SourcePlace(file: "f", line: g.below(1000))),
                                                uidRank: ranks[series])
            var start = Int64(g.below(50)) * 900
            for _ in 0 ..< g.below(40) {
                start += Int64(g.below(3)) * 900
                expanded.append(template, start: start, end: start + Int64(g.below(3)) * 900)
            }
        }
        var general = expanded.inProductionOrder()
        OccurrenceOrder.sort(&general)
        let fast = expanded.sorted()
        #expect(fast == general)
        #expect(fast.map(\.place) == general.map(\.place))
    }
}
