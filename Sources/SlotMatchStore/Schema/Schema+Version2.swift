extension Schema {
    /// Version 2: booking. Adds what hold / book / cancel and an in-memory slot index following other processes need.
    ///
    /// - `slots.changed_seq`: the `change_seq` of the commit that last inserted or changed the slot (indexed).
    ///   Triggers set it to `change_seq + 1` at the time of the change, because every write that changes slots
    ///   bumps `change_seq` once, after its changes (the importer does; the booking operations do). A write that
    ///   bumped earlier only makes the number larger, never smaller than a sequence a reader has already seen,
    ///   so `slotChanges(after:)` never misses a change (it may repeat one).
    /// - `slot_removals`: (slot id, change_seq) for each deleted slot (a re-import removes free slots), by trigger.
    /// - `holds`: one row per hold, its opaque token `id`, the slot, the request, the operator, creation and
    ///   expiry, and how it ended (`released`, `booked`, `expired`; NULL while open). At most one open hold per
    ///   slot (partial UNIQUE index). The slot row keeps `status = 'held'`, `hold_request` and `hold_expires_utc`
    ///   as version 1 defined them, so a search reading slots alone sees the hold.
    /// - `appointments.hold_id`: the hold an appointment was booked from.
    /// - `requests.urgency_overridden_by`: the regulating doctor who last overrode the level (the audit log has each override).
    /// Existing slots get the current `change_seq` (at least 1), so `slotChanges(after: 0)` lists every slot.
    static let version2 = Migration(version: 2, name: "booking: holds, slot change sequence", sql: """
        ALTER TABLE slots ADD COLUMN changed_seq INTEGER NOT NULL DEFAULT 0;
        UPDATE slots SET changed_seq = max(1, (SELECT value FROM meta WHERE key = 'change_seq'));
        CREATE INDEX slots_by_changed_seq ON slots(changed_seq);

        CREATE TRIGGER slots_changed_on_insert AFTER INSERT ON slots BEGIN
            UPDATE slots SET changed_seq = (SELECT value FROM meta WHERE key = 'change_seq') + 1 WHERE id = NEW.id;
        END;
        CREATE TRIGGER slots_changed_on_update
            AFTER UPDATE OF rpps, start_utc, end_utc, mode, visibility, status, source, hold_request, hold_expires_utc ON slots
        BEGIN
            UPDATE slots SET changed_seq = (SELECT value FROM meta WHERE key = 'change_seq') + 1 WHERE id = NEW.id;
        END;

        CREATE TABLE slot_removals (
            slot_id      INTEGER NOT NULL,
            changed_seq  INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX slot_removals_by_changed_seq ON slot_removals(changed_seq);
        CREATE TRIGGER slots_removed AFTER DELETE ON slots BEGIN
            INSERT INTO slot_removals (slot_id, changed_seq)
            VALUES (OLD.id, (SELECT value FROM meta WHERE key = 'change_seq') + 1);
        END;

        CREATE TABLE holds (
            id           TEXT PRIMARY KEY NOT NULL,
            slot_id      INTEGER NOT NULL REFERENCES slots(id) ON DELETE CASCADE,
            request_id   TEXT NOT NULL REFERENCES requests(id) ON DELETE RESTRICT,
            operator     TEXT NOT NULL,
            created_utc  INTEGER NOT NULL,
            expires_utc  INTEGER NOT NULL,
            ended        TEXT CHECK (ended IN ('released', 'booked', 'expired')),
            ended_utc    INTEGER,
            CHECK (expires_utc > created_utc),
            CHECK ((ended IS NULL) = (ended_utc IS NULL))
        ) STRICT;
        CREATE UNIQUE INDEX holds_one_open_per_slot ON holds(slot_id) WHERE ended IS NULL;
        CREATE INDEX holds_by_request ON holds(request_id);

        ALTER TABLE appointments ADD COLUMN hold_id TEXT;
        ALTER TABLE requests ADD COLUMN urgency_overridden_by TEXT;
        CREATE INDEX appointments_by_status ON appointments(status);
        """)
}
