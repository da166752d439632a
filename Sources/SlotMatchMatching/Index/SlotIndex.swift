import SlotMatchCore

/// The in-memory spatio-temporal index of free slots that the operator's search runs on.
///
/// Layout: a grid of ~5 km cells over the practices (`PracticeGrid`); for each GP one contiguous array of
/// its free slots sorted by (start, id); and 15-minute time buckets as bitsets, one row per cell and one
/// per GP (bit set = a free slot starts in that bucket). A query walks rings of cells outward from the
/// patient (nearest first), skips cells and GPs whose first bucket is too late or whose cost bound cannot
/// beat the k-th best, and for a GP that survives jumps by binary search to the first slot at
/// now + travel, reading forward only until the deadline or until no later slot can enter the k best.
/// Chosen over per-bucket slot lists because a GP's slots share one place: space is indexed once, by
/// practice, and the bitsets give the time pruning of buckets without moving slots between lists.
/// Complexity (P GPs, m_p slots of GP p, n slots): build O(n log m + P); query O(G log m + S) for the G
/// GPs in the rings visited and the S slots read, independent of n; `remove` O(1) expected (a hash
/// lookup, then O(log m_p) to the entry, left as a tombstone; plus the GPs of its cell when a bucket empties); `insert` O(log m_p + m_p) (a memmove in one
/// GP's array of about a hundred entries, or O(log m_p) when reviving a tombstone); `adjustUsed` O(1) for the
/// current week, O(log W) for the week containing an instant.
/// Weekly caps: the caller's `CapWeeks` (W week ordinals) and a P × W table of used counts; each slot
/// carries its week ordinal, so the cap check of a candidate is one array read, `used[p][week] < cap`.
/// The load terms of the ranking use the current week (`setCurrentWeek(containing:)`).
/// Memory: about 32 bytes a slot plus the id table, (cells + GPs) × buckets bits (at most 32 MB), and 4 bytes per
/// GP and cap week.
public struct SlotIndex: Sendable {
    public private(set) var practitioners: [IndexedPractitioner]
    var points: [SpherePoint]
    var slotsByPractitioner: [[SlotEntry]]
    var locators: [Int64: SlotLocator]
    var poleUsed: [Int64]
    var poleCapacity: [Int64]
    /// The cap weeks, and the used counts by GP and week ordinal (`weekUsed[p * weeks.count + w]`).
    public let weeks: CapWeeks
    var weekUsed: [Int32]
    /// The week ordinal whose counts `practitioners[p].usedThisWeek` and the load terms show.
    public private(set) var currentWeek: Int
    let grid: PracticeGrid
    /// GP facts copied in grid order (`grid.members`), so a cell's GPs are read sequentially.
    var memberPoints: [SpherePoint]
    var memberPermille: [Int32]
    var memberPole: [Int32]
    var memberModes: [UInt8]
    /// Time buckets (15 min): one bit per cell and bucket, set when a free slot of the cell's GPs starts
    /// in it, so the search skips a cell whose first slot cannot be early enough.
    let bucketBase: Int64
    let bucketSeconds: Int64
    let bucketCount: Int
    let wordsPerCell: Int
    var bucketBits: [UInt64]
    /// The same per GP, in grid order: lets the search skip a GP without reading its slots.
    var memberBucketBits: [UInt64]
    /// The largest home-visit radius of any GP: bounds how far a home-visit-only search looks.
    public let maximumHomeVisitRadiusKm: Double
    /// Free (not removed) slots in the index.
    public private(set) var freeSlotCount: Int

    /// Builds the index; bad input (a slot of an unknown GP, an end before its start, a duplicate id,
    /// a practice without valid coordinates, a weekly count of an unknown GP) is an `InputError` naming
    /// the array element.
    ///
    /// Weekly counts: `weeklyUse` gives the used count of each GP per cap week; each GP's `usedThisWeek` is
    /// added to the week containing `currentWeekContaining` (the current week), and afterwards shows that
    /// week's count. Without `weeks` there is one week for all time and `usedThisWeek` is its count.
    public init(practitioners: [IndexedPractitioner], slots: [IndexedSlot], weeks: CapWeeks = .single,
                weeklyUse: [WeeklyUse] = [], currentWeekContaining: Int64 = 0, cellKilometres: Double = 5) throws(InputError) {
        for (i, p) in practitioners.enumerated() {
            guard p.location.isValid else {
                throw InputError(SourcePlace(jsonPath: "$.practitioners[\(i)].location"),
                                 "the practice has no valid coordinates (\(p.location.latitude), \(p.location.longitude))",
                                 remedy: "Give the practice's latitude and longitude in degrees, or its commune.")
            }
            guard p.weeklyCap >= 0, p.usedThisWeek >= 0, p.homeVisitRadiusKm >= 0 else {
                throw InputError(SourcePlace(jsonPath: "$.practitioners[\(i)]"), "a weekly cap, used count or radius is negative",
                                 remedy: "Use zero or a positive number.")
            }
        }
        let weekCount = weeks.count
        var weekUsed = [Int32](repeating: 0, count: practitioners.count * weekCount)
        for (i, u) in weeklyUse.enumerated() {
            guard u.practitioner >= 0 && Int(u.practitioner) < practitioners.count, u.count >= 0 else {
                throw InputError(SourcePlace(jsonPath: "$.weeklyUse[\(i)]"),
                                 "a weekly count names practitioner index \(u.practitioner), which is not in the table, or is negative",
                                 remedy: "Count only the practitioners of the table, with zero or more consultations.")
            }
            let k = Int(u.practitioner) * weekCount + weeks.ordinal(of: u.weekStart)
            weekUsed[k] = Int32(clamping: Int64(weekUsed[k]) + Int64(u.count))
        }
        let current = weeks.ordinal(of: currentWeekContaining)
        var practitioners = practitioners
        for p in practitioners.indices {
            let k = p * weekCount + current
            weekUsed[k] = Int32(clamping: Int64(weekUsed[k]) + Int64(practitioners[p].usedThisWeek))
            practitioners[p].usedThisWeek = weekUsed[k]
        }
        self.weeks = weeks
        self.weekUsed = weekUsed
        self.currentWeek = current
        self.practitioners = practitioners
        self.maximumHomeVisitRadiusKm = practitioners.map(\.homeVisitRadiusKm).max() ?? 0
        self.points = practitioners.map { SpherePoint($0.location) }
        var counts = [Int](repeating: 0, count: practitioners.count)
        for (i, s) in slots.enumerated() {
            guard s.practitioner >= 0 && Int(s.practitioner) < practitioners.count else {
                throw InputError(SourcePlace(jsonPath: "$.slots[\(i)].practitioner"),
                                 "slot \(s.id) belongs to practitioner index \(s.practitioner), which is not in the table",
                                 remedy: "Load the practitioner before their slots.")
            }
            guard s.end >= s.start else {
                throw InputError(SourcePlace(jsonPath: "$.slots[\(i)].end"), "slot \(s.id) ends before it starts",
                                 remedy: "Check the slot's start and end times.")
            }
            guard s.start >= 0 && s.end <= SlotIndex.latestInstant else {
                throw InputError(SourcePlace(jsonPath: "$.slots[\(i)].start"), "slot \(s.id) is not between 1970 and 3000",
                                 remedy: "Check the slot's start and end times (UTC seconds).")
            }
            counts[Int(s.practitioner)] += 1
        }
        var lists = counts.map { n -> [SlotEntry] in var a: [SlotEntry] = []; a.reserveCapacity(n); return a }
        var locators: [Int64: SlotLocator] = [:]
        locators.reserveCapacity(slots.count)
        for (i, s) in slots.enumerated() {
            guard locators.updateValue(SlotLocator(practitioner: s.practitioner, start: s.start), forKey: s.id) == nil else {
                throw InputError(SourcePlace(jsonPath: "$.slots[\(i)].id"), "the slot id \(s.id) appears twice",
                                 remedy: "Give each slot once.")
            }
            lists[Int(s.practitioner)].append(SlotIndex.entry(s, week: weeks.ordinal(of: s.start)))
        }
        for p in lists.indices {
            lists[p].sort { $0.start != $1.start ? $0.start < $1.start : $0.id < $1.id }
        }
        self.slotsByPractitioner = lists
        self.locators = locators
        self.freeSlotCount = slots.count
        let poles = (practitioners.map { Int($0.pole) }.max() ?? -1) + 1
        var used = [Int64](repeating: 0, count: poles), capacity = [Int64](repeating: 0, count: poles)
        for p in practitioners where p.pole >= 0 {
            used[Int(p.pole)] += Int64(p.usedThisWeek); capacity[Int(p.pole)] += Int64(p.weeklyCap)
        }
        self.poleUsed = used
        self.poleCapacity = capacity
        let grid = PracticeGrid(points: practitioners.map(\.location), cellKilometres: cellKilometres)
        self.grid = grid
        let points = self.points
        self.memberPoints = grid.members.map { points[Int($0)] }
        self.memberPermille = grid.members.map { SlotIndex.permille(practitioners[Int($0)]) }
        self.memberPole = grid.members.map { practitioners[Int($0)].pole }
        self.memberModes = grid.members.map { practitioners[Int($0)].modes.rawValue }
        // 15-minute buckets over the slots' span, widened when the span is long so that the bits stay under 32 MB.
        var first = Int64.max, last = Int64.min
        for s in slots { first = min(first, s.start); last = max(last, s.start) }
        if slots.isEmpty { first = 0; last = 0 }
        let span = last - first
        let most = Int64(max(64, min(4096, (1 << 28) / max(1, grid.cellCount + practitioners.count))))
        var width: Int64 = 900
        if span / width + 1 > most { width = ((span / most) / 900 + 1) * 900 }
        self.bucketBase = first
        self.bucketSeconds = width
        self.bucketCount = Int(span / width + 1)
        self.wordsPerCell = (bucketCount + 63) / 64
        self.bucketBits = [UInt64](repeating: 0, count: grid.cellCount * wordsPerCell)
        self.memberBucketBits = [UInt64](repeating: 0, count: practitioners.count * wordsPerCell)
        for s in slots { markBucket(practitioner: s.practitioner, start: s.start) }
    }

    static func permille(_ gp: IndexedPractitioner) -> Int32 {
        gp.weeklyCap > 0 ? Int32(min(Int64(Int32.max), Int64(gp.usedThisWeek) * 1000 / Int64(gp.weeklyCap))) : 1000
    }

    static func entry(_ s: IndexedSlot, week: Int) -> SlotEntry {
        SlotEntry(start: s.start, end: s.end, id: s.id, mode: ModeSet(s.mode).rawValue, visibility: s.visibility.rawValue, alive: true,
                  week: Int32(week))
    }

    public var practitionerCount: Int { practitioners.count }

    /// 3000-01-01T00:00:00Z: slots and query instants are kept before it so no time arithmetic can overflow.
    public static let latestInstant: Int64 = 32_503_680_000

    /// Whether the slot is in the index and free.
    public func contains(slotID: Int64) -> Bool {
        guard let at = position(of: slotID) else { return false }
        return slotsByPractitioner[Int(at.practitioner)][at.offset].alive
    }

    /// Takes a slot out (held, booked, blocked or deleted). Returns false if it was not free in the index.
    @discardableResult
    public mutating func remove(slotID: Int64) -> Bool {
        guard let at = position(of: slotID), slotsByPractitioner[Int(at.practitioner)][at.offset].alive else { return false }
        slotsByPractitioner[Int(at.practitioner)][at.offset].alive = false
        unmarkBucketIfEmpty(practitioner: at.practitioner, start: slotsByPractitioner[Int(at.practitioner)][at.offset].start)
        freeSlotCount -= 1
        return true
    }

    /// Puts a free slot in (a new import, a released hold, a cancelled appointment); a slot already in the
    /// index with that id is replaced. Throws when the slot's GP is not in the table or it ends before it starts.
    public mutating func insert(_ slot: IndexedSlot) throws(InputError) {
        guard slot.practitioner >= 0 && Int(slot.practitioner) < practitioners.count else {
            throw InputError(SourcePlace(jsonPath: "$.practitioner"), "slot \(slot.id) belongs to an unknown practitioner index \(slot.practitioner)",
                             remedy: "Rebuild the index after adding the practitioner.")
        }
        guard slot.end >= slot.start, slot.start >= 0, slot.end <= SlotIndex.latestInstant else {
            throw InputError(SourcePlace(jsonPath: "$.end"), "slot \(slot.id) ends before it starts or is not between 1970 and 3000",
                             remedy: "Check the slot's times.")
        }
        if let at = position(of: slot.id) {
            let old = slotsByPractitioner[Int(at.practitioner)][at.offset]
            if at.practitioner == slot.practitioner && old.start == slot.start {
                if !old.alive { freeSlotCount += 1; markBucket(practitioner: slot.practitioner, start: slot.start) }
                slotsByPractitioner[Int(at.practitioner)][at.offset] = SlotIndex.entry(slot, week: Int(old.week))
                return
            }
            slotsByPractitioner[Int(at.practitioner)].remove(at: at.offset)
            if old.alive { freeSlotCount -= 1; unmarkBucketIfEmpty(practitioner: at.practitioner, start: old.start) }
        }
        let entry = SlotIndex.entry(slot, week: weeks.ordinal(of: slot.start))
        let p = Int(slot.practitioner)
        var lo = 0, hi = slotsByPractitioner[p].count
        while lo < hi {
            let mid = (lo + hi) >> 1
            let e = slotsByPractitioner[p][mid]
            if e.start < entry.start || (e.start == entry.start && e.id < entry.id) { lo = mid + 1 } else { hi = mid }
        }
        slotsByPractitioner[p].insert(entry, at: lo)
        locators[slot.id] = SlotLocator(practitioner: slot.practitioner, start: slot.start)
        markBucket(practitioner: slot.practitioner, start: slot.start)
        freeSlotCount += 1
    }

    /// Counts regulated consultations booked (+1) or cancelled (−1) for a GP in the current week.
    public mutating func adjustUsed(practitioner p: Int32, by delta: Int32) {
        adjustUsed(practitioner: p, weekOrdinal: currentWeek, by: delta)
    }

    /// Counts regulated consultations booked (+1) or cancelled (−1) for a GP in the cap week containing `t`
    /// (the booked slot's start). O(log W).
    public mutating func adjustUsed(practitioner p: Int32, weekContaining t: Int64, by delta: Int32) {
        adjustUsed(practitioner: p, weekOrdinal: weeks.ordinal(of: t), by: delta)
    }

    /// Sets a GP's used count in the cap week containing `t` (the store's recount). O(log W).
    public mutating func setUsed(practitioner p: Int32, weekContaining t: Int64, to count: Int32) {
        guard p >= 0 && Int(p) < practitioners.count else { return }
        let w = weeks.ordinal(of: t)
        adjustUsed(practitioner: p, weekOrdinal: w, by: max(0, count) - weekUsed[Int(p) * weeks.count + w])
    }

    mutating func adjustUsed(practitioner p: Int32, weekOrdinal w: Int, by delta: Int32) {
        guard p >= 0 && Int(p) < practitioners.count else { return }
        let k = Int(p) * weeks.count + w
        let before = weekUsed[k]
        let after = Int32(clamping: max(0, Int64(before) + Int64(delta)))
        weekUsed[k] = after
        guard w == currentWeek else { return }
        practitioners[Int(p)].usedThisWeek = after
        memberPermille[Int(grid.positionOfPractitioner[Int(p)])] = SlotIndex.permille(practitioners[Int(p)])
        let pole = Int(practitioners[Int(p)].pole)
        if pole >= 0 { poleUsed[pole] += Int64(after - before) }
    }

    /// One more regulated consultation for the GP in the current week.
    public mutating func markUsed(practitioner p: Int32) { adjustUsed(practitioner: p, by: 1) }

    /// One more regulated consultation for the GP in the cap week of a slot starting at `start`.
    public mutating func markUsed(practitioner p: Int32, slotStart start: Int64) {
        adjustUsed(practitioner: p, weekContaining: start, by: 1)
    }

    /// The GP's used count in the cap week containing `t`; 0 for an unknown GP.
    public func used(practitioner p: Int32, weekContaining t: Int64) -> Int32 {
        guard p >= 0 && Int(p) < practitioners.count else { return 0 }
        return weekUsed[Int(p) * weeks.count + weeks.ordinal(of: t)]
    }

    /// Whether the GP has reached the weekly cap in the cap week containing `t` (a slot starting then is refused).
    public func isCapped(practitioner p: Int32, at t: Int64) -> Bool {
        guard p >= 0 && Int(p) < practitioners.count else { return true }
        return used(practitioner: p, weekContaining: t) >= practitioners[Int(p)].weeklyCap
    }

    /// Makes the week containing `t` the current one: `usedThisWeek` and the GP and pole load terms show
    /// its counts from now on. O(P).
    public mutating func setCurrentWeek(containing t: Int64) {
        let w = weeks.ordinal(of: t)
        guard w != currentWeek else { return }
        currentWeek = w
        for i in poleUsed.indices { poleUsed[i] = 0 }
        for p in practitioners.indices {
            practitioners[p].usedThisWeek = weekUsed[p * weeks.count + w]
            memberPermille[Int(grid.positionOfPractitioner[p])] = SlotIndex.permille(practitioners[p])
            let pole = Int(practitioners[p].pole)
            if pole >= 0 { poleUsed[pole] += Int64(practitioners[p].usedThisWeek) }
        }
    }

    /// The row length of `weekUsed` (W week ordinals): the search's cap check reads `weekUsed[p * weekStride + week]`.
    @inline(__always)
    var weekStride: Int { weeks.count }

    /// The GP's used/cap in permille (1000 at the cap; a zero cap counts as full).
    public func practitionerLoadPermille(_ p: Int32) -> Int {
        Int(SlotIndex.permille(practitioners[Int(p)]))
    }

    /// The pole's used/cap over its GPs in permille; 0 for no pole.
    public func poleLoadPermille(_ pole: Int32) -> Int {
        guard pole >= 0 && Int(pole) < poleCapacity.count, poleCapacity[Int(pole)] > 0 else { return 0 }
        return Int(poleUsed[Int(pole)] * 1000 / poleCapacity[Int(pole)])
    }

    /// The free slot with this id, if any.
    public func slot(id: Int64) -> IndexedSlot? {
        guard let at = position(of: id) else { return nil }
        let e = slotsByPractitioner[Int(at.practitioner)][at.offset]
        guard e.alive else { return nil }
        return IndexedSlot(id: e.id, practitioner: at.practitioner, start: e.start, end: e.end,
                           mode: ModeSet(rawValue: e.mode).firstMode, visibility: SlotVisibility(rawValue: e.visibility))
    }

    /// The entry of `id` in its GP's array: hash lookup, then binary search on the start.
    func position(of id: Int64) -> (practitioner: Int32, offset: Int)? {
        guard let loc = locators[id] else { return nil }
        let list = slotsByPractitioner[Int(loc.practitioner)]
        var i = SlotIndex.firstIndex(in: list, startingAtOrAfter: loc.start)
        while i < list.count && list[i].start == loc.start {
            if list[i].id == id { return (loc.practitioner, i) }
            i += 1
        }
        return nil
    }

    /// The first position whose start is ≥ `t` (binary search).
    @inline(__always)
    static func firstIndex(in list: [SlotEntry], startingAtOrAfter t: Int64) -> Int {
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if list[mid].start < t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
