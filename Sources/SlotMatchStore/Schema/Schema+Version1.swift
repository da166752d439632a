extension Schema {
    /// Version 1: the foundation tables. All instants are UTC seconds since 1970 (`Instant.secondsSinceEpoch`).
    /// Tables are `STRICT` (SQLite ≥ 3.37, sqlite.org/stricttables.html), so a value of the wrong type is refused.
    ///
    /// - `practitioners`: the roster, one row per GP, keyed by RPPS number. `modes` is a comma list of SAS codes
    ///   in canonical order (`AMB,HH,VR`); `snp` 0/1 is SNP participation; `weekly_cap` the weekly SNP cap;
    ///   `home_radius_km` how far the GP goes for home visits; `lat`/`lon` the practice, NULL when unknown
    ///   (the commune centre is then used).
    /// - `slots`: bookable times. `[start_utc, end_utc)`, `mode` (AMB/HH/VR), `visibility` the
    ///   `SlotVisibility.rawValue` bitmask, `status` free/held/booked/blocked, `source` the published file
    ///   it came from (a re-import replaces only its own slots; UNIQUE per practitioner, start, mode and source).
    ///   A held slot names the request holding it and when the hold expires. Indexed by (rpps, start_utc) and,
    ///   for the operator's search, free slots by start_utc (a partial index).
    /// - `requests`: care requests, pseudonymous. Where the patient is (commune or coordinates), an age band,
    ///   the urgency level, wanted modes, the treating GP's RPPS, a reason code and red-flag codes. There is no
    ///   column for a name, phone number, birth date or free text, on purpose: the store never holds directly
    ///   identifying data.
    /// - `appointments`: a slot given to a request. Status pending/booked/fulfilled/noshow/cancelled (as the SAS
    ///   feedback uses them); at most one appointment that is not cancelled per slot (a partial UNIQUE index);
    ///   `outside_target` 1 when booked beyond the urgency's deadline; `cancel_reason` a reason code, never text
    ///   about the patient.
    /// - `audit_log`: append-only, hash-chained journal of who did what. Triggers abort any UPDATE or DELETE;
    ///   each row's `hash` is the SHA-256 of the previous row's hash and this row's fields (see `Store+Audit`).
    /// - `imports`: one row per published file processed: path, source id, practitioner, content hash, outcome
    ///   (imported/unchanged/rejected) and slot counts. `rpps` is not a foreign key: a rejected file may name
    ///   a practitioner the roster does not know.
    /// - `meta`: key/value integers; `change_seq` grows with every write that changes slots or practitioners,
    ///   so an in-memory index can tell it is stale (together with `PRAGMA data_version`).
    static let version1 = Migration(version: 1, name: "foundation tables", sql: """
        CREATE TABLE practitioners (
            rpps            TEXT PRIMARY KEY NOT NULL CHECK (length(rpps) = 11),
            display_name    TEXT NOT NULL,
            commune_insee   TEXT NOT NULL,
            address         TEXT,
            lat             REAL,
            lon             REAL,
            modes           TEXT NOT NULL,
            snp             INTEGER NOT NULL CHECK (snp IN (0, 1)),
            weekly_cap      INTEGER NOT NULL CHECK (weekly_cap >= 0),
            home_radius_km  REAL NOT NULL CHECK (home_radius_km >= 0),
            updated_at      INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE slots (
            id                INTEGER PRIMARY KEY,
            rpps              TEXT NOT NULL REFERENCES practitioners(rpps) ON UPDATE CASCADE ON DELETE RESTRICT,
            start_utc         INTEGER NOT NULL,
            end_utc           INTEGER NOT NULL,
            mode              TEXT NOT NULL CHECK (mode IN ('AMB', 'HH', 'VR')),
            visibility        INTEGER NOT NULL CHECK (visibility BETWEEN 0 AND 255),
            status            TEXT NOT NULL DEFAULT 'free' CHECK (status IN ('free', 'held', 'booked', 'blocked')),
            source            TEXT NOT NULL,
            hold_request      TEXT,
            hold_expires_utc  INTEGER,
            created_at        INTEGER NOT NULL,
            CHECK (end_utc > start_utc),
            CHECK (status <> 'held' OR (hold_request IS NOT NULL AND hold_expires_utc IS NOT NULL)),
            UNIQUE (rpps, start_utc, mode, source)
        ) STRICT;
        CREATE INDEX slots_by_practitioner_start ON slots(rpps, start_utc);
        CREATE INDEX free_slots_by_start ON slots(start_utc) WHERE status = 'free';

        CREATE TABLE requests (
            id              TEXT PRIMARY KEY NOT NULL,
            received_utc    INTEGER NOT NULL,
            commune_insee   TEXT,
            lat             REAL,
            lon             REAL,
            age_band        TEXT,
            urgency         TEXT NOT NULL,
            modes           TEXT NOT NULL,
            treating_rpps   TEXT,
            reason_code     TEXT,
            flags           TEXT,
            status          TEXT NOT NULL DEFAULT 'pending'
        ) STRICT;
        CREATE INDEX requests_by_received ON requests(received_utc);

        CREATE TABLE appointments (
            id              INTEGER PRIMARY KEY,
            slot_id         INTEGER NOT NULL REFERENCES slots(id) ON DELETE RESTRICT,
            request_id      TEXT NOT NULL REFERENCES requests(id) ON DELETE RESTRICT,
            status          TEXT NOT NULL CHECK (status IN ('pending', 'booked', 'fulfilled', 'noshow', 'cancelled')),
            outside_target  INTEGER NOT NULL DEFAULT 0 CHECK (outside_target IN (0, 1)),
            operator        TEXT NOT NULL,
            created_utc     INTEGER NOT NULL,
            updated_utc     INTEGER NOT NULL,
            cancel_reason   TEXT
        ) STRICT;
        CREATE UNIQUE INDEX appointments_one_active_per_slot ON appointments(slot_id) WHERE status <> 'cancelled';
        CREATE INDEX appointments_by_request ON appointments(request_id);

        CREATE TABLE audit_log (
            seq        INTEGER PRIMARY KEY AUTOINCREMENT,
            at_utc     INTEGER NOT NULL,
            actor      TEXT NOT NULL,
            action     TEXT NOT NULL,
            subject    TEXT NOT NULL,
            details    TEXT NOT NULL CHECK (json_valid(details)),
            prev_hash  TEXT NOT NULL,
            hash       TEXT NOT NULL
        ) STRICT;
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: its rows cannot be changed'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: its rows cannot be deleted'); END;

        CREATE TABLE imports (
            id             INTEGER PRIMARY KEY,
            path           TEXT NOT NULL,
            source         TEXT NOT NULL,
            rpps           TEXT,
            content_hash   TEXT NOT NULL,
            status         TEXT NOT NULL CHECK (status IN ('imported', 'unchanged', 'rejected')),
            slots_added    INTEGER NOT NULL DEFAULT 0,
            slots_removed  INTEGER NOT NULL DEFAULT 0,
            slots_kept     INTEGER NOT NULL DEFAULT 0,
            conflicts      INTEGER NOT NULL DEFAULT 0,
            at_utc         INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX imports_by_source ON imports(source, rpps, status, id);

        CREATE TABLE meta (
            key    TEXT PRIMARY KEY NOT NULL,
            value  INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID;
        INSERT INTO meta (key, value) VALUES ('change_seq', 0);
        """)
}
