import SlotMatchCore

/// Following other processes' writes: what changed in the slots since a change sequence number.
///
/// An in-memory index remembers `latest`; before a query it checks `dataVersion()` (cheap: it changes when
/// another connection committed, sqlite.org/pragma.html#pragma_data_version) and, if it moved, asks
/// `slotChanges(after: latest)`. Its own process's writes it applies at once from the returned values.
extension Store {
    /// Slots inserted or changed, and slots deleted, after change sequence `seq`, read in one snapshot.
    /// `slotChanges(after: 0)` lists every slot.
    public func slotChanges(after seq: Int64) throws -> SlotChanges {
        try read { db in
            let latest = try db.changeSequence()
            let slots = try db.slots(Database.slotSelect + " WHERE changed_seq > ? ORDER BY id", [.integer(seq)])
            let removed = try db.fetchAll("""
                SELECT DISTINCT slot_id FROM slot_removals
                WHERE changed_seq > ? AND slot_id NOT IN (SELECT id FROM slots) ORDER BY slot_id
                """, [.integer(seq)]) { $0.int64(0) }
            return SlotChanges(latest: latest, slots: slots, removedSlotIDs: removed)
        }
    }

    /// `PRAGMA data_version` on this connection: it changes when another connection commits to the file.
    public func dataVersion() throws -> Int64 { try database.dataVersion() }
}
