import SlotMatchCore
import SlotMatchMatching
import SlotMatchStore

/// The matching engine's `SlotIndex` kept in step with the store: built at start from the store's roster
/// and free slots, told of this process's own writes at once (`slotTaken`, `slotFreed`), and refreshed
/// before each query when another process committed (`PRAGMA data_version` changed) and the store's
/// change sequence moved. So a slot booked by another operator is never shown free for longer than one
/// query. The store stays the authority: hold and book re-check inside their transaction.
///
/// Weekly SNP caps are counted per SNP week (ISO week in `weekZone`, `SNPWeek`), as the store's booking
/// check counts them: the index is given the weeks it covers (from the earliest free slot's week, at most
/// `lookBackDays` before now, to the latest free slot's week) and each GP's count per week
/// (`Store.weeklySNPLoad`); a booking or cancellation updates its slot's week. Appointments outside the
/// covered weeks are summed into the index's open-ended first or last week, which can only hide a slot,
/// never offer one the store would refuse; `now` or a freed slot leaving the covered weeks rebuilds.
public final class LiveSlotIndex {
    public private(set) var index: SlotIndex
    /// The roster GPs in index order (index position = `Int32` practitioner number of the matching engine).
    public private(set) var practitioners: [Practitioner]
    public private(set) var numberOfPractitioner: [RPPS: Int32]
    /// Each indexed GP as a search answer shows it, `{"rpps", "name", "commune"}`, built once per rebuild
    /// rather than once per answered slot.
    public private(set) var practitionerJSON: [JSONValue] = []
    /// The compact text of each `practitionerJSON` object, which `slotmatch serve`'s search answers copy as is.
    public private(set) var practitionerText = JSONTextTable()
    /// Where each indexed GP practises (own coordinates, else the commune centre).
    public private(set) var locations: [GeoPoint]
    private let store: Store
    private let territory: Territory
    /// The zone of the SNP week (the territory's, Europe/Paris).
    public let weekZone: ZoneRules
    private var dataVersion: Int64 = -1
    private var changeSequence: Int64 = -1
    private var signature = ""
    /// The SNP weeks the index counts separately, in order; empty before the first build.
    public private(set) var coveredWeeks: [SNPWeek] = []
    /// Set when a slot after the covered weeks entered the index: the refresh rebuilds.
    private var coverageStale = false
    /// Free slots further back than this before now do not widen the covered weeks (they cannot be booked).
    public static let lookBackDays: Int64 = 28
    /// At most this many weeks are covered (ten years): a slot beyond shares the open-ended last week.
    public static let maximumWeeks = 520
    /// How many times the index was rebuilt or refreshed from the store (for `stats`).
    public private(set) var refreshCount = 0

    public init(store: Store, territory: Territory, weekZone: ZoneRules, now: Instant) throws {
        self.store = store
        self.territory = territory
        self.weekZone = weekZone
        index = try SlotIndex(practitioners: [], slots: [])
        practitioners = []
        numberOfPractitioner = [:]
        locations = []
        try rebuild(now: now)
    }

    /// Catches up with other processes' commits: nothing when `PRAGMA data_version` has not moved; else the
    /// slot changes after the last change sequence seen (`Store.slotChanges(after:)`), applied in place; a full
    /// rebuild when the roster changed or `now` left the covered weeks. The load terms follow `now`'s SNP week;
    /// the weeks of the changed slots are recounted from the store.
    /// `force` looks at the change sequence even when `data_version` has not moved (after this process's own
    /// maintenance writes, which `data_version` does not report).
    public func refreshIfStale(now: Instant, force: Bool = false) throws {
        if coverageStale || !covers(now) { try rebuild(now: now); return }
        index.setCurrentWeek(containing: now.secondsSinceEpoch)
        let version = try store.database.dataVersion()
        guard force || version != dataVersion else { return }
        dataVersion = version
        let signature = try rosterSignature()
        if signature != self.signature { try rebuild(now: now); return }
        let changes = try store.slotChanges(after: changeSequence)
        guard changes.latest != changeSequence else { return }
        for id in changes.removedSlotIDs { index.remove(slotID: id) }
        var touched = Set<SNPWeek>()
        for slot in changes.slots {
            if slot.status == .free { slotFreed(slot) } else { index.remove(slotID: slot.id) }
            // A booking or cancellation by another process changed the slot: its week's counts may have moved.
            touched.insert(SNPWeek(containing: slot.start, zone: weekZone))
        }
        changeSequence = changes.latest
        // A new slot after the covered weeks: rebuild now, so its week is counted apart from this query on.
        if coverageStale { try rebuild(now: now); return }
        for week in touched { try recount(week: week) }
        refreshCount += 1
    }

    /// Reads the roster, every free slot and the regulated bookings per GP and SNP week over the weeks the
    /// free slots span, and builds a new index.
    public func rebuild(now: Instant) throws {
        // data_version first, then the sequence: a commit landing while we read is seen again by the next refresh
        // (applying a slot change twice is harmless). Each read is its own snapshot; transactions do not nest.
        let version = try store.database.dataVersion()
        let sequence = try store.changeSequence()
        let signature = try rosterSignature()
        let roster = try store.practitioners()
        let free = try store.freeSlots(from: Instant(secondsSinceEpoch: 0), to: Instant(secondsSinceEpoch: Int64.max))
        let weeks = coverage(now: now, free: free)
        let load = try store.weeklySNPLoad(from: weeks.first?.start ?? now, to: Instant(secondsSinceEpoch: Int64.max), zone: weekZone)
        var kept: [Practitioner] = []
        var numbers: [RPPS: Int32] = [:]
        var numberOfDigits: [String: Int32] = [:]
        var entries: [IndexedPractitioner] = []
        var points: [GeoPoint] = []
        var poleNumber: [String: Int32] = [:]
        for (i, pole) in territory.poles.enumerated() { poleNumber[pole.id] = Int32(i) }
        for p in roster {
            guard let location = p.site.location ?? territory.commune(insee: p.site.communeInsee)?.location, location.isValid else { continue }
            numbers[p.rpps] = Int32(kept.count)
            numberOfDigits[p.rpps.digits] = Int32(kept.count)
            kept.append(p)
            points.append(location)
            let pole = territory.pole(ofCommune: p.site.communeInsee).flatMap { poleNumber[$0.id] } ?? -1
            entries.append(IndexedPractitioner(location: location, homeVisitRadiusKm: p.homeVisitRadiusKm,
                                               weeklyCap: Int32(clamping: p.weeklySNPCap), usedThisWeek: 0,
                                               modes: ModeSet(p.modes), participatesInSNP: p.participatesInSNP, pole: pole))
        }
        var slots: [IndexedSlot] = []
        slots.reserveCapacity(free.count)
        for s in free {
            guard let n = numbers[s.practitioner] else { continue }
            slots.append(IndexedSlot(id: s.id, practitioner: n, start: s.start.secondsSinceEpoch, end: s.end.secondsSinceEpoch,
                                     mode: s.mode, visibility: s.visibility))
        }
        var use: [WeeklyUse] = []
        for (week, counts) in load {
            for (rpps, n) in counts {
                guard let p = numberOfDigits[rpps] else { continue }
                use.append(WeeklyUse(practitioner: p, weekStart: week.start.secondsSinceEpoch, count: Int32(clamping: n)))
            }
        }
        var starts = weeks.map(\.start.secondsSinceEpoch)
        if let last = weeks.last { starts.append(last.end.secondsSinceEpoch) }
        index = try SlotIndex(practitioners: entries, slots: slots, weeks: CapWeeks(starts: starts), weeklyUse: use,
                              currentWeekContaining: now.secondsSinceEpoch)
        coveredWeeks = weeks
        coverageStale = false
        practitioners = kept
        practitionerJSON = kept.map { gp in
            .members([("rpps", .string(gp.rpps.digits)), ("name", .string(gp.displayName)),
                      ("commune", .string(gp.site.communeInsee))])
        }
        practitionerText = JSONTextTable(practitionerJSON)
        numberOfPractitioner = numbers
        locations = points
        changeSequence = sequence
        self.signature = signature
        dataVersion = version
        refreshCount += 1
    }

    /// This process took the slot (held or booked): out of the index at once.
    public func slotTaken(_ id: Int64) { index.remove(slotID: id) }

    /// A slot is free (released hold, cancelled appointment, another process's change): into the index.
    /// A slot after the covered weeks makes the next refresh rebuild (its week gets its own counts); one
    /// before them is in the past (the covered weeks start at or before now's).
    public func slotFreed(_ slot: Slot) {
        guard let n = numberOfPractitioner[slot.practitioner] else { return }
        if let last = coveredWeeks.last, slot.start >= last.end { coverageStale = true }
        try? index.insert(IndexedSlot(id: slot.id, practitioner: n, start: slot.start.secondsSinceEpoch,
                                      end: slot.end.secondsSinceEpoch, mode: slot.mode, visibility: slot.visibility))
    }

    /// After this process booked (`delta` +1) or cancelled (−1) an appointment on `slot`: the counts of the
    /// slot's SNP week, re-read from the store when the index counts that week apart, else moved by `delta`
    /// (the open-ended weeks hold sums, which one booking moves by one).
    public func appointmentChanged(slot: Slot, delta: Int32) throws {
        guard let n = numberOfPractitioner[slot.practitioner] else { return }
        let week = SNPWeek(containing: slot.start, zone: weekZone)
        if coveredWeeks.contains(week) {
            try recount(week: week)
        } else {
            index.adjustUsed(practitioner: n, weekContaining: slot.start.secondsSinceEpoch, by: delta)
        }
    }

    /// Re-reads how many regulated consultations each GP has in `week` (one of the covered weeks) and sets
    /// the index's counts for it.
    public func recount(week: SNPWeek) throws {
        guard coveredWeeks.contains(week) else {
            // Before the covered weeks: the past, whose slots cannot be booked. After them: rebuild to count it apart.
            if let first = coveredWeeks.first, week.start < first.start { return }
            coverageStale = true
            return
        }
        let used = try store.read { db in try LiveSlotIndex.bookedPerPractitioner(db, week: week) }
        for (i, p) in practitioners.enumerated() {
            index.setUsed(practitioner: Int32(i), weekContaining: week.start.secondsSinceEpoch,
                          to: Int32(clamping: used[p.rpps.digits] ?? 0))
        }
    }

    /// The GP's regulated consultations in the SNP week containing `instant`, as the index counts them.
    public func used(practitioner rpps: RPPS, weekContaining instant: Instant) -> Int? {
        guard let n = numberOfPractitioner[rpps] else { return nil }
        return Int(index.used(practitioner: n, weekContaining: instant.secondsSinceEpoch))
    }

    /// Whether the covered weeks contain `instant`.
    func covers(_ instant: Instant) -> Bool {
        guard let first = coveredWeeks.first, let last = coveredWeeks.last else { return false }
        return instant >= first.start && instant < last.end
    }

    /// The SNP weeks from the earliest free slot's (not more than `lookBackDays` before now) to the latest
    /// free slot's, now's week and the weeks covered before always included (so queries whose `at` goes
    /// back and forth do not rebuild each time); at most `maximumWeeks`.
    func coverage(now: Instant, free: [Slot]) -> [SNPWeek] {
        let floor = now.adding(seconds: -LiveSlotIndex.lookBackDays * 86_400)
        var earliest = now, latest = now
        if let first = coveredWeeks.first, let last = coveredWeeks.last {
            earliest = min(earliest, first.start); latest = max(latest, last.start)
        }
        for s in free {
            if s.start < earliest && s.start >= floor { earliest = s.start }
            if s.start > latest { latest = s.start }
        }
        var weeks: [SNPWeek] = []
        var week = SNPWeek(containing: earliest, zone: weekZone)
        while week.start <= latest && weeks.count < LiveSlotIndex.maximumWeeks {
            weeks.append(week)
            week = SNPWeek(containing: week.end, zone: weekZone)
        }
        return weeks
    }

    /// Appointments that count against the weekly SNP cap (not cancelled) per GP, for slots starting in `week`.
    static func bookedPerPractitioner(_ db: Database, week: SNPWeek) throws -> [String: Int] {
        let rows = try db.fetchAll("""
            SELECT s.rpps, count(*) FROM appointments a JOIN slots s ON s.id = a.slot_id
            WHERE a.status <> 'cancelled' AND s.start_utc >= ? AND s.start_utc < ? GROUP BY s.rpps
            """, [.integer(week.start.secondsSinceEpoch), .integer(week.end.secondsSinceEpoch)]) { ($0.string(0), $0.int(1)) }
        return Dictionary(rows, uniquingKeysWith: +)
    }

    private func rosterSignature() throws -> String { try store.read { db in try LiveSlotIndex.rosterSignature(db) } }

    /// Changes whenever a practitioner is added or updated (count and latest update time).
    static func rosterSignature(_ db: Database) throws -> String {
        try db.fetchOne("SELECT count(*), coalesce(max(updated_at), 0), coalesce(sum(weekly_cap), 0) FROM practitioners") {
            "\($0.int64(0))/\($0.int64(1))/\($0.int64(2))"
        } ?? ""
    }
}
