import SlotMatchCore

/// The occurrences the availability reader expands from a calendar's series, kept as one template per component
/// (kind, terms, practitioner, origin) and one `OccurrenceOrder.Key` per instance (its start, end, kind and UID
/// rank, production position), until they are handed out.
///
/// Why not an array of `PublishedOccurrence` at once: each instance would be copied as it is produced, then again
/// as the array grows, then moved by the sort. Here an instance costs one 32-byte key and one template number, the
/// keys are sorted, and each occurrence is built once, in its final place (`sorted()`).
///
/// The order is `OccurrenceOrder`'s (start, end, kind, UID, production order): the UID rank of each series is
/// given by the reader (`OccurrenceOrder.uidRanks`), ranking equal UIDs alike, so `sorted()` equals
/// `OccurrenceOrder.sort` applied to `inProductionOrder()` (tested on random calendars).
struct ExpandedOccurrences {
    /// One per component that yields instances (master, override, THISANDFUTURE change).
    private(set) var templates: [PublishedOccurrence] = []
    /// Kind rank in the high bits, UID rank below (as `OccurrenceOrder.Key.tie`), per template.
    private var templateTies: [UInt64] = []
    /// One per instance, in production order (`index` is the position in that order).
    private(set) var keys: [OccurrenceOrder.Key] = []
    /// The template of each instance, by production position.
    private var templateOf: [Int32] = []

    init() {}

    var count: Int { keys.count }

    /// Adds a component's template; `uidRank` is its UID's rank among the calendar's UIDs.
    mutating func addTemplate(_ template: PublishedOccurrence, uidRank: UInt64) -> Int32 {
        templates.append(template)
        templateTies.append(OccurrenceOrder.rank(template.kind) << 56 | uidRank)
        return Int32(templates.count - 1)
    }

    /// Adds one instance of `template` from `start` to `end` (UTC seconds).
    mutating func append(_ template: Int32, start: Int64, end: Int64) {
        reserve(1)
        keys.append(OccurrenceOrder.Key(start: start, end: end, tie: templateTies[Int(template)], index: keys.count))
        templateOf.append(template)
    }

    /// Adds one instance of `template` per span, in their order: a master's instances, written in one go.
    mutating func append(_ template: Int32, spans: [InstanceSpan]) {
        reserve(spans.count)
        let tie = templateTies[Int(template)]
        spans.withUnsafeBufferPointer { spans in
            for span in spans {
                keys.append(OccurrenceOrder.Key(start: span.start, end: span.end, tie: tie, index: keys.count))
            }
        }
        templateOf.append(contentsOf: repeatElement(template, count: spans.count))
    }

    /// Room for `extra` more instances, growing geometrically (an exact reserve per series would copy every time),
    /// from `initialCapacity` (a year of a GP's agenda is about 500 instances: one allocation, seldom a second).
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        guard keys.count + extra > keys.capacity else { return }
        grow(extra)
    }

    static let initialCapacity = 1024

    @inline(never)
    private mutating func grow(_ extra: Int) {
        let room = max(Self.initialCapacity, keys.count + extra, 2 * keys.capacity)
        keys.reserveCapacity(room)
        templateOf.reserveCapacity(room)
    }

    /// The occurrences in the order they were produced (the general path: what the reader hands to
    /// `OccurrenceOrder.sort` together with occurrences from elsewhere, e.g. VAVAILABILITY).
    func inProductionOrder() -> [PublishedOccurrence] {
        var result: [PublishedOccurrence] = []
        result.reserveCapacity(keys.count)
        for key in keys { result.append(occurrence(key)) }
        return result
    }

    /// The occurrences in `OccurrenceOrder`, each built once in its place.
    func sorted() -> [PublishedOccurrence] {
        var order = keys
        OccurrenceOrder.sortKeys(&order)
        var result: [PublishedOccurrence] = []
        result.reserveCapacity(order.count)
        for key in order { result.append(occurrence(key)) }
        return result
    }

    @inline(__always)
    private func occurrence(_ key: OccurrenceOrder.Key) -> PublishedOccurrence {
        var occurrence = templates[Int(templateOf[key.index])]
        occurrence.start = Instant(secondsSinceEpoch: key.start)
        occurrence.end = Instant(secondsSinceEpoch: key.end)
        return occurrence
    }
}
