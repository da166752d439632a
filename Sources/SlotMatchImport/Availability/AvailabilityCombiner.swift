import SlotMatchCore

/// Combines VAVAILABILITY components into available and busy time by RFC 7953 §4 ("Calculating
/// Free-Busy Time"), as interval algebra over already-expanded occurrences.
///
/// The rules, in order of precedence:
/// 1. Within its range a VAVAILABILITY makes time busy (of its BUSYTYPE), except where one of its AVAILABLE
///    sub-components makes it free; AVAILABLE time outside the range is ignored (RFC 7953 §3.1).
/// 2. Where ranges overlap, the component of higher priority (PRIORITY 1 highest … 9 lowest, 0 = undefined = below 9)
///    decides alone: lower-priority components are overridden over the whole range of the higher one, free and busy time
///    alike (RFC 7953 §4: components are laid down lowest priority first, each overriding what lies beneath it).
/// 3. Where components of equal priority overlap, their time is combined: it is free if any of them makes it free,
///    busy otherwise (RFC 7953 §4: within one priority level the AVAILABLE periods of all components apply).
/// Time outside every range is left undetermined: neither available nor busy.
///
/// Complexity: O(n log n) in the number of spans (sorts and linear merges of `TimeSpanSet`).
public enum AvailabilityCombiner {
    /// The combined result over `window` [from, to): `.available` occurrences (one per piece of an AVAILABLE
    /// occurrence that survives, keeping its mode, visibility and slot length) and `.busy` occurrences
    /// (component `VAVAILABILITY`, the uid of the component whose busy time it is), sorted by start.
    public static func combine(_ layers: [AvailabilityLayer], from: Instant, to: Instant) -> [PublishedOccurrence] {
        let window = TimeSpan(from, to)
        guard !window.isEmpty else { return [] }
        // Highest precedence first; stable on file order within a rank.
        let order = layers.indices.sorted { (layers[$0].rank, $0) < (layers[$1].rank, $1) }

        var covered = TimeSpanSet()   // time already decided by higher-priority components
        var result: [PublishedOccurrence] = []
        var index = 0
        while index < order.count {
            let rank = layers[order[index]].rank
            var group: [Int] = []
            while index < order.count && layers[order[index]].rank == rank { group.append(order[index]); index += 1 }

            // What each component of this priority level decides: its range minus what higher levels decided.
            var owned: [TimeSpanSet] = []
            var groupFree: [TimeSpanSet] = []
            for layerIndex in group {
                let layer = layers[layerIndex]
                let mine = TimeSpanSet([layer.range(clippedTo: window)]).subtracting(covered)
                owned.append(mine)
                let free = TimeSpanSet(layer.available.filter { $0.kind != .busy }.map { TimeSpan($0.start, $0.end) })
                groupFree.append(free.intersection(mine))
            }
            let levelFree = groupFree.reduce(TimeSpanSet()) { $0.union($1) }

            var claimed = TimeSpanSet()   // busy time of this level already reported by an earlier component
            for (position, layerIndex) in group.enumerated() {
                let layer = layers[layerIndex]
                // Free time: each AVAILABLE occurrence clipped to what its component decides.
                let mine = owned[position]
                for occurrence in layer.available where occurrence.kind != .busy {
                    for piece in mine.intersection(TimeSpan(occurrence.start, occurrence.end)).spans {
                        var out = occurrence
                        out.kind = .available
                        out.start = piece.startInstant
                        out.end = piece.endInstant
                        result.append(out)
                    }
                }
                // Busy time: what this component decides that no component of the level makes free.
                // Earlier components of the same level claim shared busy time first, so it is reported once.
                for piece in mine.subtracting(levelFree).subtracting(claimed).spans {
                    result.append(PublishedOccurrence(kind: .busy, component: "VAVAILABILITY", uid: layer.uid,
                                                      start: piece.startInstant, end: piece.endInstant,
                                                      practitioner: nil, place: layer.place))
                }
                claimed = claimed.union(mine)
            }
            for mine in owned { covered = covered.union(mine) }
        }
        result.sort { ($0.start, $0.end, $0.kind == .busy ? 1 : 0) < ($1.start, $1.end, $1.kind == .busy ? 1 : 0) }
        return result
    }

    /// The combined range: union of the components' ranges within the window (the file's declared range when bounded).
    public static func combinedRange(_ layers: [AvailabilityLayer], from: Instant, to: Instant) -> TimeSpanSet {
        let window = TimeSpan(from, to)
        return TimeSpanSet(layers.map { $0.range(clippedTo: window) })
    }
}
