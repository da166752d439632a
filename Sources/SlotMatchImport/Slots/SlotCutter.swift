import SlotMatchCore

/// Turns one practitioner's published availability into bookable slots: the slot rules of issue 3
/// ("From calendars to slots"), written out in `docs/slot-rules.md`.
///
/// - `.available` windows [start, end) become back-to-back slots of the window's `slotLengthSeconds`
///   (else `defaultSlotLengthSeconds`, 15 minutes), from the window's start; a remainder shorter than a slot is dropped.
/// - `.slot` occurrences (FHIR `free` slots) are taken as they are.
/// - `.busy` occurrences remove every slot they overlap; intervals are half-open, so touching is not overlapping.
/// - Slots starting before `now`, or not lying wholly inside the horizon [from, to), are dropped.
/// - Slots with the same start, end and mode are merged into one (their visibilities united).
/// - The result is sorted by start, then mode, then end.
///
/// Complexity: O((w + b) log(w + b)) for w generated slots and b busy occurrences: one sort of each,
/// then one merge pass with a cursor over the merged busy spans. Integer arithmetic only.
public struct SlotCutter: Sendable, Hashable {
    /// The practitioner's default slot length, used when the window does not say (`X-SLOT-DURATION`, CSV column).
    public var defaultSlotLengthSeconds: Int64

    public static let standardSlotLengthSeconds: Int64 = 15 * 60

    public init(defaultSlotLengthSeconds: Int64 = SlotCutter.standardSlotLengthSeconds) {
        self.defaultSlotLengthSeconds = defaultSlotLengthSeconds > 0 ? defaultSlotLengthSeconds : SlotCutter.standardSlotLengthSeconds
    }

    /// The slots `availability` yields for `practitioner` within the horizon [from, to), none starting before `now`.
    /// `source` identifies the published file (or feed) so that a re-import replaces only its own slots.
    public func slots(from availability: PublishedAvailability, practitioner: RPPS, source: String,
                      from horizonStart: Instant, to horizonEnd: Instant, now: Instant) -> [Slot] {
        slots(from: availability.occurrences, practitioner: practitioner, source: source,
              from: horizonStart, to: horizonEnd, now: now)
    }

    /// The same over a bare list of occurrences (any order).
    public func slots(from occurrences: [PublishedOccurrence], practitioner: RPPS, source: String,
                      from horizonStart: Instant, to horizonEnd: Instant, now: Instant) -> [Slot] {
        let lowest = Swift.max(horizonStart.secondsSinceEpoch, now.secondsSinceEpoch)  // earliest allowed start
        let highest = horizonEnd.secondsSinceEpoch                                     // latest allowed end
        guard lowest < highest else { return [] }

        var candidates: [Candidate] = []
        var busy: [TimeSpan] = []
        for occurrence in occurrences {
            let start = occurrence.start.secondsSinceEpoch, end = occurrence.end.secondsSinceEpoch
            switch occurrence.kind {
            case .busy:
                if start < end { busy.append(TimeSpan(start: start, end: end)) }
            case .slot:
                if start < end, start >= lowest, end <= highest {
                    candidates.append(Candidate(start: start, end: end, mode: occurrence.mode, visibility: occurrence.visibility))
                }
            case .available:
                var length = occurrence.slotLengthSeconds ?? defaultSlotLengthSeconds
                if length <= 0 { length = defaultSlotLengthSeconds }
                // Slots sit at start + k·length; skip straight to the first k whose slot starts at or after `lowest`.
                var k: Int64 = 0
                if lowest > start { k = (lowest - start + length - 1) / length }
                var slotStart = start + k * length
                let limit = Swift.min(end, highest)
                while slotStart <= limit - length {
                    candidates.append(Candidate(start: slotStart, end: slotStart + length,
                                                mode: occurrence.mode, visibility: occurrence.visibility))
                    slotStart += length
                }
            }
        }

        candidates.sort()
        let busySpans = TimeSpanSet(busy).spans
        var result: [Slot] = []
        result.reserveCapacity(candidates.count)
        var cursor = 0
        var last: Candidate?
        for candidate in candidates {
            // Busy spans ending at or before this start cannot meet this slot nor any later one (sorted by start).
            while cursor < busySpans.count && busySpans[cursor].end <= candidate.start { cursor += 1 }
            if cursor < busySpans.count && busySpans[cursor].start < candidate.end { continue }
            if let previous = last, previous.start == candidate.start, previous.end == candidate.end, previous.mode == candidate.mode {
                result[result.count - 1].visibility.formUnion(candidate.visibility)
                continue
            }
            result.append(Slot(practitioner: practitioner, start: Instant(secondsSinceEpoch: candidate.start),
                               end: Instant(secondsSinceEpoch: candidate.end), mode: candidate.mode,
                               visibility: candidate.visibility, status: .free, source: source))
            last = candidate
        }
        return result
    }

    /// A slot before it is checked against busy time; ordered by start, then mode, then end.
    private struct Candidate: Comparable {
        var start: Int64
        var end: Int64
        var mode: ConsultationMode
        var visibility: SlotVisibility

        static func < (a: Candidate, b: Candidate) -> Bool {
            if a.start != b.start { return a.start < b.start }
            if a.mode != b.mode { return rank(a.mode) < rank(b.mode) }
            return a.end < b.end
        }
        /// AMB, HH, VR: the order of `ConsultationMode.allCases`, without its array search in the sort.
        @inline(__always) static func rank(_ mode: ConsultationMode) -> Int {
            switch mode { case .office: return 0; case .homeVisit: return 1; case .video: return 2 }
        }

        static func == (a: Candidate, b: Candidate) -> Bool {
            a.start == b.start && a.end == b.end && a.mode == b.mode && a.visibility == b.visibility
        }
    }
}
