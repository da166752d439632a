import Glibc  // libm: cos, once per query
import SlotMatchCore

/// The operator's slot search: the k feasible free slots of least cost for one patient, explained,
/// or, when there is none, why and the earliest slot beyond the deadline.
///
/// Feasible (issue 4): in the index (free, not held), start in [now + travel, deadline] (video: [now,
/// deadline]), mode wanted and offered, home visits only within the GP's radius (road km from practice to
/// patient), the GP under the weekly SNP cap in the slot's own cap week (`SlotIndex.weeks`), at least one
/// visibility tag the query allows (SNP only for a GP in the SNP scheme), and the GP within the query's
/// travel reach.
///
/// Travel minutes are `TravelModel`'s formula: ⌈great-circle km × detour ÷ speed × 60⌉, the distance
/// from unit vectors without trigonometry (`SpherePoint`: same km as the haversine to 10⁻¹⁰ relative,
/// within 1,000 km), or the query's measured minutes (`TravelOverride`) for the GPs it lists.
///
/// Pruning (`find`), three lower bounds on the cost, each valid because every other term is ≥ 0 and
/// the wait is never shorter than the travel (video: travel 0, start ≥ now):
/// - ring r of grid cells: every GP there is ≥ `ringLowerBoundKilometres(r)` away, so a slot costs ≥
///   (travelMinute + waitMinute) × those minutes; the walk stops when this passes the k-th cost, the reach
///   (and, without video, the window) or the grid;
/// - a cell: its first non-empty 15-minute bucket after now + the ring's travel bounds the wait; a cell
///   with none before the deadline, or whose bound passes the k-th cost, is skipped;
/// - a GP (from grid-ordered copies, before reading its slots): its own travel, load and first bucket.
/// Only the GPs that survive are binary-searched, and their slots read while they can still enter the k
/// best. The treating GP (bonus) and overridden GPs are evaluated first and apart, so the bounds hold for
/// the rest. Ties are broken by start then slot id, so `find` and `findByScanningAll` agree exactly.
public struct SlotSearch: Sendable {
    public var weights: CostWeights
    public var detourFactor: Double
    public var averageSpeedKmh: Double

    /// Weights are clamped to [0, `CostWeights.maximum`]; a detour or speed that is not a positive
    /// number falls back to the `TravelModel` default.
    public init(weights: CostWeights = .defaults, travel: TravelModel = TravelModel()) {
        self.weights = weights.clamped
        let fallback = TravelModel()
        self.detourFactor = travel.detourFactor.isFinite && travel.detourFactor > 0 ? travel.detourFactor : fallback.detourFactor
        self.averageSpeedKmh = travel.averageSpeedKmh.isFinite && travel.averageSpeedKmh > 0 ? travel.averageSpeedKmh : fallback.averageSpeedKmh
    }

    /// The query with its numbers brought into sane ranges (instants within years 1970–3000, reach ≤ 10⁵
    /// minutes, k ≤ 10⁴), so no arithmetic on them can overflow.
    static func sane(_ q: SlotQuery) -> SlotQuery {
        var q = q
        q.now = min(SlotIndex.latestInstant, max(0, q.now))
        q.deadline = min(SlotIndex.latestInstant, max(-1, q.deadline))
        q.maxTravelMinutes = min(100_000, max(0, q.maxTravelMinutes))
        q.limit = min(10_000, q.limit)
        return q
    }

    /// Whole minutes for a great-circle distance, as `TravelModel.minutes(from:to:)` computes them.
    @inline(__always)
    func minutes(greatCircleKilometres km: Double) -> Int {
        let m = (km * detourFactor) / averageSpeedKmh * 60
        return m.isFinite ? Int(min(1e12, max(0, m)).rounded(.up)) : Int.max / 4
    }

    /// The estimated travel minutes from the patient to GP `p`, as the search uses them.
    public func travelMinutes(from patient: GeoPoint, toPractitioner p: Int32, in index: SlotIndex) -> Int {
        guard p >= 0 && Int(p) < index.practitionerCount else { return Int.max / 4 }
        return minutes(greatCircleKilometres: SpherePoint(patient).distanceKilometres(to: index.points[Int(p)]))
    }

    // MARK: the query

    /// The best `limit` slots, through the index (no full scan).
    public func find(_ query: SlotQuery, in index: SlotIndex) -> SearchResult {
        let q = SlotSearch.sane(query)
        guard q.limit > 0, q.patient.isValid, index.practitionerCount > 0 else {
            return SearchResult(slots: [], reasons: q.limit > 0 ? [.nothingWithinReach] : [])
        }
        let patient = SpherePoint(q.patient)
        var buffer = RankedBuffer(capacity: q.limit)
        let video = q.modes.contains(.video)
        // Special GPs first: the treating GP (bonus) and those with measured minutes.
        if let t = q.treatingPractitioner, t >= 0 && Int(t) < index.practitionerCount {
            consider(t, q, patient, index, &buffer, pruned: true)
        }
        if let o = q.travelOverride {
            for p in o.practitioners where Int(p) < index.practitionerCount && p != q.treatingPractitioner {
                consider(p, q, patient, index, &buffer, pruned: true)
            }
        }
        var reach = q.maxTravelMinutes
        if !video { reach = min(reach, Int(max(-1, (q.deadline - q.now) / 60))) }
        if q.modes == .homeVisit {
            // Home visits only: no GP is farther than the largest radius (one minute of slack for rounding).
            reach = min(reach, minutes(greatCircleKilometres: index.maximumHomeVisitRadiusKm / detourFactor) + 1)
        }
        let travelWeight = weights.travelMinute, waitWeight = weights.waitMinute
        let hasOverride = !(q.travelOverride?.isEmpty ?? true)
        let wanted = q.modes.rawValue
        walkCells(q, index, reachMinutes: reach, stop: { ringMinutes in
            buffer.isFull && (video ? 0 : (travelWeight + waitWeight) * ringMinutes) > buffer.worstCost
        }, visit: { cell, ringMinutes in
            // Cell bound: no slot there starts before its first non-empty bucket, nor before now + the ring's travel.
            let reachable = video ? q.now : q.now + Int64(ringMinutes) * 60
            let b = index.firstNonEmptyBucket(cell: cell, from: index.bucket(of: reachable))
            guard b >= 0 else { return }
            let cellStart = max(index.bucketLowerStart(b), reachable)
            guard cellStart <= q.deadline else { return }
            if buffer.isFull && (video ? 0 : travelWeight * ringMinutes) + waitWeight * Int((cellStart - q.now) / 60) > buffer.worstCost { return }
            for j in index.grid.memberRange(ofCell: cell) {
                if index.memberModes[j] & wanted == 0 { continue }
                let p = index.grid.members[j]
                if p == q.treatingPractitioner { continue }
                if hasOverride, q.travelOverride!.minutes(to: p) != nil { continue }
                // GP bound from the grid-ordered copies, before touching the GP's slots.
                let travel = minutes(greatCircleKilometres: patient.distanceKilometres(to: index.memberPoints[j]))
                if travel > q.maxTravelMinutes { continue }
                let earliest = video ? q.now + 1 : max(q.now + Int64(travel) * 60, q.now + 1)
                let gb = index.firstNonEmptyBucket(member: j, from: index.bucket(of: earliest))
                guard gb >= 0 else { continue }
                let start = max(index.bucketLowerStart(gb), earliest)
                guard start <= q.deadline else { continue }
                if buffer.isFull {
                    let load = weights.practitionerLoad * Int(index.memberPermille[j]) / 1000
                        + weights.poleLoad * index.poleLoadPermille(index.memberPole[j]) / 1000
                    if load + (video ? 0 : travelWeight * travel) + waitWeight * Int((start - q.now) / 60) > buffer.worstCost { continue }
                }
                consider(p, q, patient, index, &buffer, pruned: true)
            }
        })
        if !buffer.items.isEmpty { return SearchResult(slots: buffer.items) }
        return explainEmpty(q, index, scanAll: false)
    }

    /// The same answer without the index: every GP is examined, and every slot of every GP within the
    /// travel reach, with no bound and no binary search. The reference the index is checked against
    /// (tests, benchmark); O(P + slots of the reachable GPs) per query.
    public func findByScanningAll(_ query: SlotQuery, in index: SlotIndex) -> SearchResult {
        let q = SlotSearch.sane(query)
        guard q.limit > 0, q.patient.isValid, index.practitionerCount > 0 else {
            return SearchResult(slots: [], reasons: q.limit > 0 ? [.nothingWithinReach] : [])
        }
        let patient = SpherePoint(q.patient)
        var buffer = RankedBuffer(capacity: q.limit)
        for p in 0 ..< Int32(index.practitionerCount) {
            consider(p, q, patient, index, &buffer, pruned: false)
        }
        if !buffer.items.isEmpty { return SearchResult(slots: buffer.items) }
        return explainEmpty(q, index, scanAll: true)
    }

    // MARK: the parts

    /// The slot-independent facts of GP `p` for this query; nil when the GP is beyond the reach.
    @inline(__always)
    func terms(_ p: Int32, _ q: SlotQuery, _ patient: SpherePoint, _ index: SlotIndex) -> PractitionerTerms? {
        let gp = index.practitioners[Int(p)]
        let km = patient.distanceKilometres(to: index.points[Int(p)])
        let roadKm = km * detourFactor
        let travel: Int
        if let o = q.travelOverride, let m = o.minutes(to: p) { travel = Int(m) } else { travel = minutes(greatCircleKilometres: km) }
        guard travel <= q.maxTravelMinutes else { return nil }
        var modes = q.modes.rawValue & gp.modes.rawValue
        if roadKm > gp.homeVisitRadiusKm { modes &= ~ModeSet.homeVisit.rawValue }
        var visibility = q.visibility.rawValue
        if !gp.participatesInSNP { visibility &= ~SlotVisibility.snp.rawValue }
        let practitionerLoad = weights.practitionerLoad * index.practitionerLoadPermille(p) / 1000
        let poleLoad = weights.poleLoad * index.poleLoadPermille(gp.pole) / 1000
        // A slot must start after now: the store refuses to hold or book one that has started.
        let physicalEarliest = max(q.now + Int64(travel) * 60, q.now + 1)
        let video = modes & ModeSet.video.rawValue != 0
        let travelCost = weights.travelMinute * travel
        return PractitionerTerms(
            travelMinutes: travel, modes: modes, visibility: visibility, usedBase: Int(p) * index.weekStride, cap: gp.weeklyCap,
            treatingGP: p == q.treatingPractitioner ? -weights.treatingGPBonus : 0,
            practitionerLoad: practitionerLoad, poleLoad: poleLoad, physicalEarliest: physicalEarliest,
            earliest: video ? q.now + 1 : physicalEarliest, minimumTravelCost: video ? 0 : travelCost, travelCost: travelCost)
    }

    /// Offers GP `p`'s feasible slots to the buffer. Pruned: from the first slot at the earliest start,
    /// and only while a slot could still enter the buffer (the cost grows with the start within one GP).
    @inline(__always)
    func consider(_ p: Int32, _ q: SlotQuery, _ patient: SpherePoint, _ index: SlotIndex, _ buffer: inout RankedBuffer, pruned: Bool) {
        guard let t = terms(p, q, patient, index), t.modes != 0, t.visibility != 0, t.cap > 0 else { return }
        let list = index.slotsByPractitioner[Int(p)]
        let first = pruned ? SlotIndex.firstIndex(in: list, startingAtOrAfter: t.earliest) : 0
        let constant = t.constant
        let waitWeight = weights.waitMinute
        let videoBit = ModeSet.video.rawValue
        list.withUnsafeBufferPointer { slots in
            var i = first
            while i < slots.count {
                let s = slots[i]
                i += 1
                if pruned && s.start > q.deadline { break }
                if s.start > q.deadline || s.start < t.earliest { continue }
                let wait = Int((s.start - q.now) / 60)
                if pruned && buffer.isFull && constant + t.minimumTravelCost + waitWeight * wait > buffer.worstCost { break }
                guard s.alive, s.mode & t.modes != 0, s.visibility & t.visibility != 0 else { continue }
                // The weekly SNP cap of the slot's week: one read, no allocation.
                guard index.weekUsed[t.usedBase + Int(s.week)] < t.cap else { continue }
                let isVideo = s.mode == videoBit
                if !isVideo && s.start < t.physicalEarliest { continue }
                let travelCost = isVideo ? 0 : t.travelCost
                let cost = constant + travelCost + waitWeight * wait
                guard buffer.accepts(cost: cost, start: s.start, id: s.id) else { continue }
                buffer.insert(RankedSlot(
                    slotID: s.id, practitioner: p, start: s.start, end: s.end, mode: ModeSet(rawValue: s.mode).firstMode, cost: cost,
                    breakdown: CostBreakdown(travel: travelCost, wait: waitWeight * wait, treatingGP: t.treatingGP,
                                             practitionerLoad: t.practitionerLoad, poleLoad: t.poleLoad),
                    travelMinutes: isVideo ? 0 : t.travelMinutes, waitMinutes: wait, outsideTarget: false))
            }
        }
    }

    /// Visits cells ring by ring around the patient (with the ring's travel lower bound in minutes) until
    /// that bound passes the reach, `stop` says so, or the rings leave the grid.
    @inline(__always)
    func walkCells(_ q: SlotQuery, _ index: SlotIndex, reachMinutes: Int, stop: (Int) -> Bool, visit: (Int, Int) -> Void) {
        guard reachMinutes >= 0 else { return }
        let grid = index.grid
        let center = grid.cell(of: q.patient)
        let cosMax = cos(max(grid.maxAbsLatitude, abs(q.patient.latitude)) * Double.pi / 180)
        var r = 0
        while true {
            let bound = minutes(greatCircleKilometres: grid.ringLowerBoundKilometres(r, cosMaxLatitude: cosMax))
            if bound > reachMinutes || stop(bound) { return }
            if grid.forEachCell(ring: r, around: center, { visit($0, bound) }) { return }
            r += 1
        }
    }

    /// Why nothing is feasible, and the earliest slot beyond the deadline that is otherwise feasible
    /// (among equally early ones the cheapest, then the lower slot id).
    func explainEmpty(_ q: SlotQuery, _ index: SlotIndex, scanAll: Bool) -> SearchResult {
        let patient = SpherePoint(q.patient)
        var reachable = false, anyVisibleSlot = false, anyWantedMode = false, cappedInWindow = false
        var offer: RankedSlot? = nil
        let videoBit = ModeSet.video.rawValue
        func visit(_ p: Int32) {
            guard let t = self.terms(p, q, patient, index) else { return }
            reachable = true
            // A GP with no wanted mode or no allowed tag can only show that visible slots exist.
            if (t.modes == 0 || t.visibility == 0) && (anyVisibleSlot || t.visibility == 0) { return }
            let list = index.slotsByPractitioner[Int(p)]
            var i = scanAll ? 0 : SlotIndex.firstIndex(in: list, startingAtOrAfter: q.now)
            while i < list.count {
                let s = list[i]
                i += 1
                guard s.alive && s.start > q.now else { continue }
                // Later slots can only change the offer or add a capped in-window slot, which starts before it.
                if !scanAll, let o = offer, anyVisibleSlot && anyWantedMode && s.start > o.start { break }
                guard s.visibility & t.visibility != 0 else { continue }
                anyVisibleSlot = true
                guard s.mode & t.modes != 0 else { continue }
                let isVideo = s.mode == videoBit
                if !isVideo && s.start < t.physicalEarliest { continue }
                anyWantedMode = true
                let capped = index.weekUsed[t.usedBase + Int(s.week)] >= t.cap
                if s.start <= q.deadline {
                    if capped { cappedInWindow = true }
                    continue
                }
                guard !capped else { continue }
                if let o = offer, o.start < s.start { continue }
                let wait = Int((s.start - q.now) / 60)
                let travelCost = isVideo ? 0 : t.travelCost
                let b = CostBreakdown(travel: travelCost, wait: self.weights.waitMinute * wait, treatingGP: t.treatingGP,
                                      practitionerLoad: t.practitionerLoad, poleLoad: t.poleLoad)
                if let o = offer, o.start == s.start && (o.cost < b.total || (o.cost == b.total && o.slotID < s.id)) { continue }
                offer = RankedSlot(slotID: s.id, practitioner: p, start: s.start, end: s.end, mode: ModeSet(rawValue: s.mode).firstMode,
                                   cost: b.total, breakdown: b, travelMinutes: isVideo ? 0 : t.travelMinutes, waitMinutes: wait,
                                   outsideTarget: true)
            }
        }
        if scanAll {
            for p in 0 ..< Int32(index.practitionerCount) { visit(p) }
        } else {
            // The treating GP (bonus) and GPs with measured minutes first: the cell bounds below leave them out.
            // Visiting a GP twice changes nothing here.
            if let t = q.treatingPractitioner, t >= 0 && Int(t) < index.practitionerCount { visit(t) }
            for p in q.travelOverride?.practitioners ?? [] where Int(p) < index.practitionerCount { visit(p) }
            // Once the flags are known and an offer exists, a cell or GP whose slots all start at or after the
            // offer can only win a tie on cost: skipped when even its cost lower bound at that start is higher.
            let video = q.modes.contains(.video)
            let fromNow = index.bucket(of: q.now)
            walkCells(q, index, reachMinutes: q.maxTravelMinutes, stop: { _ in false }, visit: { cell, ringMinutes in
                let b = index.firstNonEmptyBucket(cell: cell, from: fromNow)
                guard b >= 0 else { return }
                if let o = offer, anyVisibleSlot && anyWantedMode {
                    let lower = index.bucketLowerStart(b)
                    if lower > o.start { return }
                    let waitAtOffer = self.weights.waitMinute * Int((o.start - q.now) / 60)
                    if lower == o.start && (video ? 0 : self.weights.travelMinute * ringMinutes) + waitAtOffer > o.cost { return }
                }
                for j in index.grid.memberRange(ofCell: cell) {
                    // A GP without a slot from now on adds nothing (a GP met but without slots reads as out of reach).
                    let gb = index.firstNonEmptyBucket(member: j, from: fromNow)
                    guard gb >= 0 else { continue }
                    if let o = offer, anyVisibleSlot && anyWantedMode {
                        let lower = index.bucketLowerStart(gb)
                        if lower > o.start { continue }
                        if lower == o.start {
                            let travel = self.minutes(greatCircleKilometres: patient.distanceKilometres(to: index.memberPoints[j]))
                            let bound = (video ? 0 : self.weights.travelMinute * travel) + self.weights.waitMinute * Int((o.start - q.now) / 60)
                                + self.weights.practitionerLoad * Int(index.memberPermille[j]) / 1000
                                + self.weights.poleLoad * index.poleLoadPermille(index.memberPole[j]) / 1000
                                + (index.grid.members[j] == q.treatingPractitioner ? -self.weights.treatingGPBonus : 0)
                            if bound > o.cost { continue }
                        }
                    }
                    visit(index.grid.members[j])
                }
            })
        }
        let reason: NoSlotReason
        if !reachable || !anyVisibleSlot { reason = .nothingWithinReach }
        else if !anyWantedMode { reason = .modeUnavailable }
        else if cappedInWindow { reason = .allCapped }
        else { reason = .nothingBeforeDeadline }
        return SearchResult(slots: [], reasons: [reason], outsideTargetOffer: offer)
    }
}
