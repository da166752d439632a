import SlotMatchCore
import SlotMatchMatching
import SlotMatchStore

/// The matching engine's `SlotIndex` kept in step with the store: built at start from the store's roster
/// and free slots, told of this process's own writes at once (`slotTaken`, `slotFreed`), and refreshed
/// before each query when another process committed (`PRAGMA data_version` changed) and the store's
/// change sequence moved. So a slot booked by another operator is never shown free for longer than one
/// query. The store stays the authority: hold and book re-check inside their transaction.
public final class LiveSlotIndex {
    public private(set) var index: SlotIndex
    /// The roster GPs in index order (index position = `Int32` practitioner number of the matching engine).
    public private(set) var practitioners: [Practitioner]
    public private(set) var numberOfPractitioner: [RPPS: Int32]
    /// Where each indexed GP practises (own coordinates, else the commune centre).
    public private(set) var locations: [GeoPoint]
    private let store: Store
    private let territory: Territory
    /// The zone of the SNP week (the territory's, Europe/Paris).
    public let weekZone: ZoneRules
    private var dataVersion: Int64 = -1
    private var changeSequence: Int64 = -1
    private var signature = ""
    private var countedWeek: SNPWeek?
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
    /// rebuild when the roster changed. The weekly counts follow `now`'s SNP week.
    /// `force` looks at the change sequence even when `data_version` has not moved (after this process's own
    /// maintenance writes, which `data_version` does not report).
    public func refreshIfStale(now: Instant, force: Bool = false) throws {
        let week = SNPWeek(containing: now, zone: weekZone)
        if week != countedWeek { try recount(week: week) }
        let version = try store.database.dataVersion()
        guard force || version != dataVersion else { return }
        dataVersion = version
        let signature = try rosterSignature()
        if signature != self.signature { try rebuild(now: now); return }
        let changes = try store.slotChanges(after: changeSequence)
        guard changes.latest != changeSequence else { return }
        for id in changes.removedSlotIDs { index.remove(slotID: id) }
        for slot in changes.slots {
            if slot.status == .free { slotFreed(slot) } else { index.remove(slotID: slot.id) }
        }
        changeSequence = changes.latest
        try recount(week: week)
        refreshCount += 1
    }

    /// Reads the roster, this week's regulated bookings and every free slot, and builds a new index.
    public func rebuild(now: Instant) throws {
        let week = SNPWeek(containing: now, zone: weekZone)
        // data_version first, then the sequence: a commit landing while we read is seen again by the next refresh
        // (applying a slot change twice is harmless). Each read is its own snapshot; transactions do not nest.
        let version = try store.database.dataVersion()
        let sequence = try store.changeSequence()
        let signature = try rosterSignature()
        let roster = try store.practitioners()
        let free = try store.freeSlots(from: Instant(secondsSinceEpoch: 0), to: Instant(secondsSinceEpoch: Int64.max))
        let used = try store.read { db in try LiveSlotIndex.bookedPerPractitioner(db, week: week) }
        var kept: [Practitioner] = []
        var numbers: [RPPS: Int32] = [:]
        var entries: [IndexedPractitioner] = []
        var points: [GeoPoint] = []
        var poleNumber: [String: Int32] = [:]
        for (i, pole) in territory.poles.enumerated() { poleNumber[pole.id] = Int32(i) }
        for p in roster {
            guard let location = p.site.location ?? territory.commune(insee: p.site.communeInsee)?.location, location.isValid else { continue }
            numbers[p.rpps] = Int32(kept.count)
            kept.append(p)
            points.append(location)
            let pole = territory.pole(ofCommune: p.site.communeInsee).flatMap { poleNumber[$0.id] } ?? -1
            entries.append(IndexedPractitioner(location: location, homeVisitRadiusKm: p.homeVisitRadiusKm,
                                               weeklyCap: Int32(clamping: p.weeklySNPCap), usedThisWeek: Int32(clamping: used[p.rpps.digits] ?? 0),
                                               modes: ModeSet(p.modes), participatesInSNP: p.participatesInSNP, pole: pole))
        }
        var slots: [IndexedSlot] = []
        slots.reserveCapacity(free.count)
        for s in free {
            guard let n = numbers[s.practitioner] else { continue }
            slots.append(IndexedSlot(id: s.id, practitioner: n, start: s.start.secondsSinceEpoch, end: s.end.secondsSinceEpoch,
                                     mode: s.mode, visibility: s.visibility))
        }
        index = try SlotIndex(practitioners: entries, slots: slots)
        practitioners = kept
        numberOfPractitioner = numbers
        locations = points
        changeSequence = sequence
        self.signature = signature
        countedWeek = week
        dataVersion = version
        refreshCount += 1
    }

    /// This process took the slot (held or booked): out of the index at once.
    public func slotTaken(_ id: Int64) { index.remove(slotID: id) }

    /// A slot is free (released hold, cancelled appointment, another process's change): into the index.
    public func slotFreed(_ slot: Slot) {
        guard let n = numberOfPractitioner[slot.practitioner] else { return }
        try? index.insert(IndexedSlot(id: slot.id, practitioner: n, start: slot.start.secondsSinceEpoch,
                                      end: slot.end.secondsSinceEpoch, mode: slot.mode, visibility: slot.visibility))
    }

    /// After this process booked or cancelled: the week's counts again (the slot may lie in another week).
    public func recountCountedWeek() throws {
        if let countedWeek { try recount(week: countedWeek) }
    }

    /// Re-reads how many regulated consultations each GP has in `week` and sets the index's counts.
    public func recount(week: SNPWeek) throws {
        let used = try store.read { db in try LiveSlotIndex.bookedPerPractitioner(db, week: week) }
        for (i, p) in practitioners.enumerated() {
            let n = Int32(i)
            let want = Int32(clamping: used[p.rpps.digits] ?? 0)
            let have = index.practitioners[i].usedThisWeek
            if want != have { index.adjustUsed(practitioner: n, by: want - have) }
        }
        countedWeek = week
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
