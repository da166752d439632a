import Testing
import SlotMatchCore
@testable import SlotMatchImport

/// Monday 2026-12-07 00:00Z plus `minutes`.
private func at(_ minutes: Int) -> Instant { Instant(secondsSinceEpoch: 1_796_601_600 + Int64(minutes) * 60) }

private let gp: RPPS = { let p = "1000000001"; return try! RPPS(p + String(RPPS.checkDigit(forPrefix: p))) }()

private func window(_ from: Int, _ to: Int, length: Int? = nil, mode: ConsultationMode = .office) -> PublishedOccurrence {
    PublishedOccurrence(kind: .available, component: "VEVENT", uid: "w", start: at(from), end: at(to), mode: mode,
                        slotLengthSeconds: length.map { Int64($0) * 60 })
}
private func busy(_ from: Int, _ to: Int) -> PublishedOccurrence {
    PublishedOccurrence(kind: .busy, component: "VEVENT", uid: "b", start: at(from), end: at(to))
}
private func exact(_ from: Int, _ to: Int, mode: ConsultationMode = .office) -> PublishedOccurrence {
    PublishedOccurrence(kind: .slot, component: "Slot", uid: "s", start: at(from), end: at(to), mode: mode)
}

/// One row of the rule table: occurrences in, slots (minute offsets and mode) out.
struct CutterCase: Sendable, CustomTestStringConvertible {
    var name: String
    var occurrences: [PublishedOccurrence]
    var expected: [(Int, Int, ConsultationMode)]
    var horizon: (Int, Int) = (0, 10_000)
    var now: Int = 0
    var testDescription: String { name }
}

private let nineToTen = 9 * 60   // 09:00 as minutes
private let cases: [CutterCase] = [
    CutterCase(name: "one hour of 15-minute slots", occurrences: [window(540, 600)],
               expected: [(540, 555, .office), (555, 570, .office), (570, 585, .office), (585, 600, .office)]),
    CutterCase(name: "20-minute slots drop the 10-minute remainder", occurrences: [window(540, 610, length: 20)],
               expected: [(540, 560, .office), (560, 580, .office), (580, 600, .office)]),
    CutterCase(name: "window shorter than a slot gives nothing", occurrences: [window(540, 550)], expected: []),
    CutterCase(name: "busy in the middle removes the two slots it overlaps", occurrences: [window(540, 600), busy(560, 575)],
               expected: [(540, 555, .office), (585, 600, .office)]),
    CutterCase(name: "busy touching the window's edges removes nothing", occurrences: [window(540, 600), busy(480, 540), busy(600, 660)],
               expected: [(540, 555, .office), (555, 570, .office), (570, 585, .office), (585, 600, .office)]),
    CutterCase(name: "busy exactly on one slot removes only it", occurrences: [window(540, 600), busy(555, 570)],
               expected: [(540, 555, .office), (570, 585, .office), (585, 600, .office)]),
    CutterCase(name: "busy over the whole window removes everything", occurrences: [window(540, 600), busy(500, 700)], expected: []),
    CutterCase(name: "zero-length busy removes nothing", occurrences: [window(540, 570), busy(550, 550)],
               expected: [(540, 555, .office), (555, 570, .office)]),
    CutterCase(name: "slots before now are dropped, grid kept from the window's start", occurrences: [window(540, 600)],
               expected: [(570, 585, .office), (585, 600, .office)], now: 560),
    CutterCase(name: "slot starting exactly at now is kept", occurrences: [window(540, 570)],
               expected: [(555, 570, .office)], now: 555),
    CutterCase(name: "horizon cuts both ends, grid from the window's start", occurrences: [window(540, 660)],
               expected: [(555, 570, .office), (570, 585, .office)], horizon: (550, 590)),
    CutterCase(name: "exact slots are taken as they are, busy still removes them",
               occurrences: [exact(540, 547), exact(600, 630), busy(610, 611)], expected: [(540, 547, .office)]),
    CutterCase(name: "duplicates of start, end and mode merge; another mode stays",
               occurrences: [window(540, 570), window(540, 570), window(540, 570, mode: .video), exact(540, 555)],
               expected: [(540, 555, .office), (540, 555, .video), (555, 570, .office), (555, 570, .video)]),
    CutterCase(name: "overlapping windows with different lengths keep both grids",
               occurrences: [window(540, 570), window(540, 580, length: 20)],
               expected: [(540, 555, .office), (540, 560, .office), (555, 570, .office), (560, 580, .office)]),
    CutterCase(name: "unsorted input is sorted by start then mode",
               occurrences: [window(600, 615, mode: .homeVisit), window(540, 555, mode: .video), window(540, 555)],
               expected: [(540, 555, .office), (540, 555, .video), (600, 615, .homeVisit)]),
    CutterCase(name: "busy spanning two windows removes from both",
               occurrences: [window(540, 570), window(570, 600), busy(560, 580)], expected: [(540, 555, .office), (585, 600, .office)]),
]

@Suite struct SlotCutterTests {
    @Test(arguments: cases)
    func rule(_ c: CutterCase) {
        let slots = SlotCutter().slots(from: PublishedAvailability(occurrences: c.occurrences), practitioner: gp, source: "test.ics",
                                       from: at(c.horizon.0), to: at(c.horizon.1), now: at(c.now))
        let got = slots.map { ($0.start, $0.end, $0.mode) }
        #expect(got.count == c.expected.count, "\(c.name): \(slots.map { "\($0.start)–\($0.end) \($0.mode.code)" })")
        for (g, e) in zip(got, c.expected) {
            #expect(g.0 == at(e.0) && g.1 == at(e.1) && g.2 == e.2, "\(c.name)")
        }
        #expect(slots.allSatisfy { $0.practitioner == gp && $0.source == "test.ics" && $0.status == .free })
    }

    @Test func practitionerDefaultLengthApplies() {
        let slots = SlotCutter(defaultSlotLengthSeconds: 30 * 60)
            .slots(from: [window(540, 600)], practitioner: gp, source: "s", from: at(0), to: at(2000), now: at(0))
        #expect(slots.map(\.durationSeconds) == [1800, 1800])
    }

    @Test func mergedDuplicatesUniteVisibility() {
        var a = window(540, 555); a.visibility = .snp
        var b = window(540, 555); b.visibility = .cpts
        let slots = SlotCutter().slots(from: [a, b], practitioner: gp, source: "s", from: at(0), to: at(2000), now: at(0))
        #expect(slots.count == 1)
        #expect(slots.first?.visibility == [.snp, .cpts])
    }

    @Test func emptyHorizonGivesNothing() {
        let slots = SlotCutter().slots(from: [window(540, 600)], practitioner: gp, source: "s", from: at(600), to: at(540), now: at(0))
        #expect(slots.isEmpty)
    }

    /// The cutter against a direct transcription of the rules (every slot against every busy span) on random inputs.
    @Test(arguments: 0 ..< 40)
    func matchesReference(seed: Int) {
        var rng = SlotRulesRandom(seed: UInt64(seed) &* 0x9E37_79B9 &+ 7)
        var occurrences: [PublishedOccurrence] = []
        for _ in 0 ..< Int(rng.next() % 12) {
            let start = Int(rng.next() % 600)
            let end = start + Int(rng.next() % 180)
            let modes: [ConsultationMode] = [.office, .homeVisit, .video]
            switch rng.next() % 4 {
            case 0, 1:
                var w = window(start, end, length: rng.next() % 3 == 0 ? nil : Int(1 + rng.next() % 40), mode: modes[Int(rng.next() % 3)])
                w.visibility = SlotVisibility(rawValue: UInt8(1 + rng.next() % 15))
                occurrences.append(w)
            case 2: occurrences.append(busy(start, start + Int(rng.next() % 60)))
            default: occurrences.append(exact(start, start + Int(rng.next() % 30), mode: modes[Int(rng.next() % 3)]))
            }
        }
        let from = Int(rng.next() % 200), to = from + Int(rng.next() % 700), now = Int(rng.next() % 300)
        let cutter = SlotCutter(defaultSlotLengthSeconds: Int64(1 + rng.next() % 30) * 60)
        let got = cutter.slots(from: occurrences, practitioner: gp, source: "s", from: at(from), to: at(to), now: at(now))
        let want = referenceSlots(occurrences, defaultLength: cutter.defaultSlotLengthSeconds, from: at(from), to: at(to), now: at(now))
        #expect(got.map { Key(start: $0.start, end: $0.end, mode: $0.mode, visibility: $0.visibility.rawValue) } == want)
    }
}

private struct Key: Hashable { var start: Instant; var end: Instant; var mode: ConsultationMode; var visibility: UInt8 }

/// The rules read literally: generate, filter, test against every busy span, merge duplicates, sort.
private func referenceSlots(_ occurrences: [PublishedOccurrence], defaultLength: Int64, from: Instant, to: Instant, now: Instant) -> [Key] {
    var raw: [Key] = []
    for o in occurrences {
        switch o.kind {
        case .busy: continue
        case .slot: raw.append(Key(start: o.start, end: o.end, mode: o.mode, visibility: o.visibility.rawValue))
        case .available:
            let length = o.slotLengthSeconds ?? defaultLength
            var s = o.start
            while s.adding(seconds: length) <= o.end {
                raw.append(Key(start: s, end: s.adding(seconds: length), mode: o.mode, visibility: o.visibility.rawValue))
                s = s.adding(seconds: length)
            }
        }
    }
    let busySpans = occurrences.filter { $0.kind == .busy }
    var merged: [String: Key] = [:]
    for k in raw where k.start < k.end && k.start >= from && k.start >= now && k.end <= to {
        if busySpans.contains(where: { $0.start < k.end && k.start < $0.end }) { continue }
        let id = "\(k.start.secondsSinceEpoch)/\(k.end.secondsSinceEpoch)/\(k.mode.code)"
        if var existing = merged[id] { existing.visibility |= k.visibility; merged[id] = existing } else { merged[id] = k }
    }
    return merged.values.sorted { ($0.start, $0.mode, $0.end) < ($1.start, $1.mode, $1.end) }
}
