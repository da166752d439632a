import Testing
import SlotMatchCore
@testable import SlotMatchImport

/// Monday 2026-12-07 00:00Z plus `minutes`.
private func at(_ minutes: Int) -> Instant { Instant(secondsSinceEpoch: 1_796_601_600 + Int64(minutes) * 60) }

private func layer(_ uid: String, _ range: (Int, Int)?, priority: Int, available: [(Int, Int)]) -> AvailabilityLayer {
    AvailabilityLayer(uid: uid, rangeStart: range.map { at($0.0) }, rangeEnd: range.map { at($0.1) }, priority: priority,
                      available: available.map {
                          PublishedOccurrence(kind: .available, component: "AVAILABLE", uid: uid, start: at($0.0), end: at($0.1))
                      })
}

/// A hand-computed case: layers in, available and busy minute spans out (each sorted by start).
struct CombinerCase: Sendable, CustomTestStringConvertible {
    var name: String
    var layers: [AvailabilityLayer]
    var available: [(Int, Int)]
    var busy: [(Int, Int)]
    var testDescription: String { name }
}

private let cases: [CombinerCase] = [
    CombinerCase(name: "one component: busy in its range except its AVAILABLE",
                 layers: [layer("A", (480, 1080), priority: 0, available: [(540, 720)])],
                 available: [(540, 720)], busy: [(480, 540), (720, 1080)]),
    CombinerCase(name: "PRIORITY 1 overrides PRIORITY 2 over its whole range, free and busy alike",
                 layers: [layer("A", (480, 1080), priority: 2, available: [(540, 720)]),
                          layer("B", (600, 900), priority: 1, available: [(780, 840)])],
                 available: [(540, 600), (780, 840)], busy: [(480, 540), (600, 780), (840, 900), (900, 1080)]),
    CombinerCase(name: "file order does not matter, only priority",
                 layers: [layer("B", (600, 900), priority: 1, available: [(780, 840)]),
                          layer("A", (480, 1080), priority: 2, available: [(540, 720)])],
                 available: [(540, 600), (780, 840)], busy: [(480, 540), (600, 780), (840, 900), (900, 1080)]),
    CombinerCase(name: "PRIORITY 9 beats PRIORITY 0 (undefined is lowest)",
                 layers: [layer("zero", (480, 1080), priority: 0, available: [(480, 1080)]),
                          layer("nine", (600, 660), priority: 9, available: [])],
                 available: [(480, 600), (660, 1080)], busy: [(600, 660)]),
    CombinerCase(name: "PRIORITY 0 cannot free time a PRIORITY 9 component makes busy",
                 layers: [layer("nine", (480, 1080), priority: 9, available: [(480, 540)]),
                          layer("zero", (480, 1080), priority: 0, available: [(480, 1080)])],
                 available: [(480, 540)], busy: [(540, 1080)]),
    CombinerCase(name: "nested: a lunch-break component inside a day component",
                 layers: [layer("day", (0, 1440), priority: 5, available: [(480, 1200)]),
                          layer("lunch", (720, 780), priority: 1, available: [])],
                 available: [(480, 720), (780, 1200)], busy: [(0, 480), (720, 780), (1200, 1440)]),
    CombinerCase(name: "AVAILABLE outside the range is clipped",
                 layers: [layer("A", (540, 600), priority: 1, available: [(500, 700)])],
                 available: [(540, 600)], busy: []),
    CombinerCase(name: "equal priorities combine: free if either says free, shared busy reported once",
                 layers: [layer("A", (480, 720), priority: 3, available: [(480, 540)]),
                          layer("B", (480, 720), priority: 3, available: [(600, 660)])],
                 available: [(480, 540), (600, 660)], busy: [(540, 600), (660, 720)]),
    CombinerCase(name: "unbounded range is clipped to the window",
                 layers: [layer("open", nil, priority: 0, available: [(540, 600)])],
                 available: [(540, 600)], busy: [(0, 540), (600, 1440)]),
    CombinerCase(name: "time outside every range is neither free nor busy",
                 layers: [layer("A", (480, 540), priority: 1, available: []),
                          layer("B", (600, 660), priority: 1, available: [(600, 630)])],
                 available: [(600, 630)], busy: [(480, 540), (630, 660)]),
]

@Suite struct AvailabilityCombinerTests {
    @Test(arguments: cases)
    func handComputed(_ c: CombinerCase) {
        let out = AvailabilityCombiner.combine(c.layers, from: at(0), to: at(1440))
        let available = TimeSpanSet(out.filter { $0.kind == .available }.map { TimeSpan($0.start, $0.end) })
        let busyPieces = out.filter { $0.kind == .busy }.map { TimeSpan($0.start, $0.end) }
        let busy = TimeSpanSet(busyPieces)
        #expect(available == TimeSpanSet(c.available.map { TimeSpan(at($0.0), at($0.1)) }), "\(c.name): available \(available)")
        #expect(busy == TimeSpanSet(c.busy.map { TimeSpan(at($0.0), at($0.1)) }), "\(c.name): busy \(busy)")
        // Busy pieces never overlap each other nor free time.
        #expect(busy.totalSeconds == busyPieces.reduce(0) { $0 + $1.end - $1.start }, "\(c.name): busy reported twice")
        #expect(busy.intersection(available).isEmpty)
        #expect(out.map(\.start) == out.map(\.start).sorted())
    }

    @Test func availablePiecesKeepTheirAttributes() {
        var occurrence = PublishedOccurrence(kind: .available, component: "AVAILABLE", uid: "A", start: at(500), end: at(700),
                                             mode: .video, visibility: [.snp, .cpts], slotLengthSeconds: 1200)
        occurrence.practitioner = nil
        let layer = AvailabilityLayer(uid: "A", rangeStart: at(540), rangeEnd: at(600), priority: 1, available: [occurrence])
        let out = AvailabilityCombiner.combine([layer], from: at(0), to: at(1440))
        #expect(out.count == 1)
        #expect(out.first?.mode == .video && out.first?.visibility == [.snp, .cpts] && out.first?.slotLengthSeconds == 1200)
        #expect(out.first?.start == at(540) && out.first?.end == at(600))
    }

    @Test func emptyWindowGivesNothing() {
        #expect(AvailabilityCombiner.combine([layer("A", nil, priority: 0, available: [])], from: at(10), to: at(10)).isEmpty)
    }

    /// The combiner against the rules evaluated minute by minute on random layers.
    @Test(arguments: 0 ..< 30)
    func matchesPointwiseReference(seed: Int) {
        var rng = SlotRulesRandom(seed: UInt64(seed) &+ 1000)
        var layers: [AvailabilityLayer] = []
        for i in 0 ..< Int(1 + rng.next() % 5) {
            let s = Int(rng.next() % 300), e = s + Int(rng.next() % 300)
            let range: (Int, Int)? = rng.next() % 5 == 0 ? nil : (s, e)
            var avail: [(Int, Int)] = []
            for _ in 0 ..< Int(rng.next() % 4) { let a = Int(rng.next() % 600); avail.append((a, a + Int(rng.next() % 120))) }
            layers.append(layer("L\(i)", range, priority: Int(rng.next() % 4), available: avail))
        }
        let out = AvailabilityCombiner.combine(layers, from: at(0), to: at(600))
        let available = TimeSpanSet(out.filter { $0.kind == .available }.map { TimeSpan($0.start, $0.end) })
        let busy = TimeSpanSet(out.filter { $0.kind == .busy }.map { TimeSpan($0.start, $0.end) })
        for minute in 0 ..< 600 {
            let t = at(minute).secondsSinceEpoch
            let covering = layers.filter { ($0.rangeStart?.secondsSinceEpoch ?? .min) <= t && t < ($0.rangeEnd?.secondsSinceEpoch ?? .max) }
            let expected: String
            if let best = covering.map(\.rank).min() {
                let free = covering.filter { $0.rank == best }.contains { l in
                    l.available.contains { $0.start.secondsSinceEpoch <= t && t < $0.end.secondsSinceEpoch }
                }
                expected = free ? "free" : "busy"
            } else { expected = "none" }
            let got = available.contains(t) ? "free" : busy.contains(t) ? "busy" : "none"
            #expect(got == expected, "seed \(seed) minute \(minute)")
            if got != expected { break }
        }
    }
}
