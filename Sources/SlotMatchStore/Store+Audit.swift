import CSQLite
import SlotMatchCore

/// The audit log: append-only (triggers abort UPDATE and DELETE) and hash-chained, so that an edited or
/// deleted row is detected by `verifyAudit`, even one changed by someone who dropped the triggers.
extension Store {
    /// Appends one entry in its own transaction. To record a change and its audit entry atomically,
    /// call `Database.appendAudit` inside the `write` that makes the change.
    @discardableResult
    public func appendAudit(actor: String, action: String, subject: String, details: String, at: Instant) throws -> AuditEntry {
        try write { db in try db.appendAudit(actor: actor, action: action, subject: subject, details: details, at: at) }
    }

    /// The whole log, in order.
    public func auditEntries() throws -> [AuditEntry] {
        try read { db in try db.fetchAll(Database.auditSelect + " ORDER BY seq") { s in Database.auditEntry(s) } }
    }

    /// Walks the log from the first row: sequence without gaps, each `prev_hash` equal to the previous
    /// row's hash, each hash equal to the one its fields give. Reports the first break.
    public func verifyAudit() throws -> AuditVerification {
        try read { db in
            let statement = try db.makeStatement(Database.auditSelect + " ORDER BY seq")
            var expectedSeq: Int64 = 1
            var previousHash = AuditEntry.genesisHash
            var count = 0
            while try statement.step() {
                let entry = Database.auditEntry(statement)
                if entry.seq != expectedSeq { return .broken(seq: expectedSeq, problem: .deletedRow) }
                if entry.previousHash != previousHash { return .broken(seq: entry.seq, problem: .badLink) }
                if entry.recomputedHash != entry.hash { return .broken(seq: entry.seq, problem: .editedRow) }
                previousHash = entry.hash
                expectedSeq += 1
                count += 1
            }
            if try db.auditSequenceCounter() >= expectedSeq { return .broken(seq: expectedSeq, problem: .deletedTail) }
            return .intact(entries: count)
        }
    }
}

extension Database {
    static let auditSelect = "SELECT seq, at_utc, actor, action, subject, details, prev_hash, hash FROM audit_log"

    static func auditEntry(_ s: Statement) -> AuditEntry {
        AuditEntry(seq: s.int64(0), at: Instant(secondsSinceEpoch: s.int64(1)), actor: s.string(2), action: s.string(3),
                   subject: s.string(4), details: s.string(5), previousHash: s.string(6), hash: s.string(7))
    }

    /// The highest seq AUTOINCREMENT has handed out (sqlite.org/autoinc.html: kept in `sqlite_sequence`).
    func auditSequenceCounter() throws(DatabaseError) -> Int64 {
        try fetchInt64("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'") ?? 0
    }

    /// Appends one audit entry inside the current write transaction, chained to the last row.
    ///
    /// `details` must be a JSON object text (the table checks `json_valid`); `actor`, `action` and `subject`
    /// must be non-empty and free of `|` (see `AuditEntry.chainHash`), else an `InputError` is thrown.
    @discardableResult
    public func appendAudit(actor: String, action: String, subject: String, details: String, at: Instant) throws -> AuditEntry {
        guard isInTransaction else {
            throw DatabaseError(resultCode: SQLITE_MISUSE,
                                message: "appendAudit must run inside a write transaction, with the change it records")
        }
        for (field, value) in [("actor", actor), ("action", action), ("subject", subject)] {
            if value.isEmpty || value.contains("|") {
                throw InputError(SourcePlace(), "the audit \(field) \"\(value)\" is empty or contains \"|\"",
                                 remedy: "Give a non-empty \(field) without the character |, such as an operator id or `slot:42`.")
            }
        }
        let last = try fetchOne("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1") { ($0.int64(0), $0.string(1)) }
        let seq = max(last?.0 ?? 0, try auditSequenceCounter()) + 1
        let previousHash = last?.1 ?? AuditEntry.genesisHash
        let hash = AuditEntry.chainHash(previousHash: previousHash, seq: seq, at: at, actor: actor, action: action,
                                        subject: subject, details: details)
        try execute("""
            INSERT INTO audit_log (seq, at_utc, actor, action, subject, details, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [.integer(seq), .integer(at.secondsSinceEpoch), .text(actor), .text(action), .text(subject), .text(details),
                  .text(previousHash), .text(hash)])
        return AuditEntry(seq: seq, at: at, actor: actor, action: action, subject: subject, details: details,
                          previousHash: previousHash, hash: hash)
    }
}
