import SlotMatchCore

/// The recurrence set of one calendar component, RFC 5545 §3.8.5: DTSTART, the instances of its
/// RRULEs and RDATEs, minus those of its EXRULEs (RFC 2445) and EXDATEs, as sorted unique instants.
///
/// Rules expand in DTSTART's wall-clock time and each instance is then placed through the zone:
/// generated times in a spring-forward gap are dropped, DTSTART and RDATEs in a gap are read with
/// the offset before it, a repeated autumn time is its first occurrence. EXDATEs remove by instant.
/// Window queries jump over whole intervals before the window when a rule has no COUNT.
public struct RecurrenceSet: Sendable {
    public let start: RecurrenceStart
    public let rules: [RecurrenceRule]
    public let exceptionRules: [RecurrenceRule]
    public let additions: [RecurrenceStart]
    public let exclusions: [RecurrenceStart]
    private let startInstant: Int64
    private let additionInstants: [Int64]
    private let exclusionInstants: [Int64]
    /// The rules compiled against DTSTART once, not per query: the first rule's plan held by itself (a set has
    /// one RRULE, nearly always: no array to allocate), the others' in `otherPlans`.
    private let firstPlan: RecurrencePlan?
    private let otherPlans: [RecurrencePlan]
    private let exceptionPlans: [RecurrencePlan]

    /// Whether window queries may take the engine's fast paths (one rule without EXRULE, simple rules' day masks).
    /// Tests turn it off to compare the fast paths with the general ones; the answers are the same.
    var usesFastPaths = true

    public init(start: RecurrenceStart, rules: [RecurrenceRule] = [], exceptionRules: [RecurrenceRule] = [],
                additions: [RecurrenceStart] = [], exclusions: [RecurrenceStart] = []) {
        self.start = start; self.rules = rules; self.exceptionRules = exceptionRules
        self.additions = additions; self.exclusions = exclusions
        startInstant = start.instant.secondsSinceEpoch
        additionInstants = RecurrenceSet.sortedUniqueInstants(additions)
        exclusionInstants = RecurrenceSet.sortedUniqueInstants(exclusions)
        firstPlan = rules.isEmpty ? nil : RecurrencePlan(rule: rules[0], start: start.local)
        otherPlans = rules.count > 1 ? RecurrenceSet.compile(rules.dropFirst(), start.local) : []
        exceptionPlans = RecurrenceSet.compile(exceptionRules[...], start.local)
    }

    /// The starts of the instances in `[from, to)`, sorted and unique, at most `limit` of them.
    public func occurrences(from: Instant, to: Instant, limit: Int = .max) -> [Instant] {
        var found: [Instant] = []
        guard limit > 0 else { return found }
        forEachOccurrence(from: from, to: to) { instant in
            found.append(instant)
            return found.count < limit
        }
        return found
    }

    /// Calls `body` with each instance start in `[from, to)` in order, until it returns false.
    public func forEachOccurrence(from: Instant, to: Instant, _ body: (Instant) -> Bool) {
        let low = from.secondsSinceEpoch, high = to.secondsSinceEpoch
        guard low < high else { return }
        // Intervals ending before the window are skipped, intervals beginning after it are not searched;
        // two days' margin covers any UTC offset.
        let skipTarget: LocalDateTime? = low > startInstant
            ? LocalDateTime(wallSeconds: start.zone.localTime(of: Instant(secondsSinceEpoch: Swift.min(low, RecurrenceSet.lastWall))).wallSeconds - 2 * 86_400)
            : nil
        let horizon: LocalDateTime? = high < RecurrenceSet.lastWall ? LocalDateTime(wallSeconds: high + 2 * 86_400) : nil
        if usesFastPaths && rules.count <= 1 && exceptionRules.isEmpty {
            forEachOfOneRule(low: low, high: high, skippingTo: skipTarget, through: horizon, body)
        } else {
            forEachOfManyRules(low: low, high: high, skippingTo: skipTarget, through: horizon, body)
        }
    }

    /// The common shape (at most one RRULE, no EXRULE): `forEachOfManyRules` with a single stream held in
    /// place, no arrays of streams and heads. The merge with DTSTART, RDATEs and EXDATEs is the same, step by step,
    /// so the answer is the same.
    private func forEachOfOneRule(low: Int64, high: Int64, skippingTo skipTarget: LocalDateTime?, through horizon: LocalDateTime?,
                                  _ body: (Instant) -> Bool) {
        // Without a rule the stream is an expansion that has ended (COUNT=0), never pulled.
        var stream = rules.isEmpty
            ? RecurrenceExpansion(plan: RecurrenceSet.noPlan, start: start.local, zone: .utc, includesStart: false, keepsNonexistentTimes: false)
            : expansion(plan(0), includesStart: true, skippingTo: skipTarget, through: horizon)
        var head = rules.isEmpty ? Int64.max : RecurrenceSet.pull(&stream, atLeast: low)
        var startPending = startInstant >= low
        var addition = RecurrenceSet.lowerBound(additionInstants, low)
        var exclusion = RecurrenceSet.lowerBound(exclusionInstants, low)
        var last = Int64.min
        while true {
            var next = head
            if startPending && startInstant < next { next = startInstant }
            if addition < additionInstants.count && additionInstants[addition] < next { next = additionInstants[addition] }
            if next >= high { return }
            if head == next {
                // `pull`, written out so that the stream's step stays in this loop.
                head = .max
                while let (_, instant) = stream.nextWallAndInstant() {
                    if instant >= low { head = instant; break }
                }
            }
            if startPending && startInstant == next { startPending = false }
            while addition < additionInstants.count && additionInstants[addition] == next { addition += 1 }
            if next == last { continue }
            last = next
            while exclusion < exclusionInstants.count && exclusionInstants[exclusion] < next { exclusion += 1 }
            if exclusion < exclusionInstants.count && exclusionInstants[exclusion] == next { continue }
            if !body(Instant(secondsSinceEpoch: next)) { return }
        }
    }

    /// The general merge: every RRULE stream, DTSTART and the RDATEs, minus the EXDATEs and the EXRULE streams.
    private func forEachOfManyRules(low: Int64, high: Int64, skippingTo skipTarget: LocalDateTime?, through horizon: LocalDateTime?,
                                    _ body: (Instant) -> Bool) {
        var streams = rules.indices.map { expansion(plan($0), includesStart: true, skippingTo: skipTarget, through: horizon) }
        var heads = streams.indices.map { RecurrenceSet.pull(&streams[$0], atLeast: low) }
        var exceptionStreams = exceptionRules.indices.map {
            expansion(exceptionPlans[$0], includesStart: false, skippingTo: skipTarget, through: horizon)
        }
        var exceptionHeads = exceptionStreams.indices.map { RecurrenceSet.pull(&exceptionStreams[$0], atLeast: low) }
        var startPending = startInstant >= low
        var addition = RecurrenceSet.lowerBound(additionInstants, low)
        var exclusion = RecurrenceSet.lowerBound(exclusionInstants, low)
        var last = Int64.min
        while true {
            var next = Int64.max
            for h in heads where h < next { next = h }
            if startPending && startInstant < next { next = startInstant }
            if addition < additionInstants.count && additionInstants[addition] < next { next = additionInstants[addition] }
            if next >= high { return }
            for i in heads.indices where heads[i] == next { heads[i] = RecurrenceSet.pull(&streams[i], atLeast: low) }
            if startPending && startInstant == next { startPending = false }
            while addition < additionInstants.count && additionInstants[addition] == next { addition += 1 }
            if next == last { continue }
            last = next
            while exclusion < exclusionInstants.count && exclusionInstants[exclusion] < next { exclusion += 1 }
            if exclusion < exclusionInstants.count && exclusionInstants[exclusion] == next { continue }
            var excluded = false
            for j in exceptionHeads.indices {
                while exceptionHeads[j] < next { exceptionHeads[j] = RecurrenceSet.pull(&exceptionStreams[j], atLeast: next) }
                if exceptionHeads[j] == next { excluded = true }
            }
            if excluded { continue }
            if !body(Instant(secondsSinceEpoch: next)) { return }
        }
    }

    /// The plan of a rule with no instance (COUNT=0), for the stream of a set without RRULE.
    private static let noPlan = RecurrencePlan(rule: RecurrenceRule(frequency: .daily, count: 0), start: LocalDateTime(wallSeconds: 0))

    /// 10000-01-01T00:00 as wall seconds: iCalendar has no later year.
    private static let lastWall: Int64 = 253_402_300_800

    private func expansion(_ plan: RecurrencePlan, includesStart: Bool, skippingTo target: LocalDateTime?,
                           through horizon: LocalDateTime?) -> RecurrenceExpansion {
        var e = RecurrenceExpansion(plan: plan, start: start.local, zone: start.zone, includesStart: includesStart,
                                    keepsNonexistentTimes: start.isDate, allowsDayMasks: usesFastPaths)
        if let target { e.skip(to: target) }
        if let horizon { e.limit(through: horizon) }
        return e
    }

    /// The next instant of `stream` at or after `low`, or `Int64.max` when it has ended.
    private static func pull(_ stream: inout RecurrenceExpansion, atLeast low: Int64) -> Int64 {
        while let (_, instant) = stream.nextWallAndInstant() {
            if instant >= low { return instant }
        }
        return .max
    }

    private static func lowerBound(_ values: [Int64], _ key: Int64) -> Int {
        var lo = 0, hi = values.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if values[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The instants of `values`, sorted and unique, in one array (no mapped and sorted copies).
    private static func sortedUniqueInstants(_ values: [RecurrenceStart]) -> [Int64] {
        guard !values.isEmpty else { return [] }
        var out: [Int64] = []
        out.reserveCapacity(values.count)
        for k in values.indices {
            let t = values[k].instant.secondsSinceEpoch
            // Insertion into the sorted prefix: EXDATE and RDATE lists are short and usually already in order.
            var i = out.count
            while i > 0 && out[i - 1] > t { i -= 1 }
            if i > 0 && out[i - 1] == t { continue }
            out.insert(t, at: i)
        }
        return out
    }

    private static func compile(_ rules: ArraySlice<RecurrenceRule>, _ start: LocalDateTime) -> [RecurrencePlan] {
        guard !rules.isEmpty else { return [] }
        var plans: [RecurrencePlan] = []
        plans.reserveCapacity(rules.count)
        for rule in rules { plans.append(RecurrencePlan(rule: rule, start: start)) }
        return plans
    }

    /// The plan of `rules[i]`.
    private func plan(_ i: Int) -> RecurrencePlan {
        if i == 0, let firstPlan { return firstPlan }
        return otherPlans[i - 1]
    }
}
