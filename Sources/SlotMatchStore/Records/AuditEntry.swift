import SlotMatchCore

/// One row of the append-only audit log: who did what to which record, when, chained to the row before.
public struct AuditEntry: Sendable, Hashable {
    /// Position in the log, 1, 2, 3, … with no gaps.
    public var seq: Int64
    public var at: Instant
    /// Who acted: an operator id, `import`, `balance`, … (never a patient).
    public var actor: String
    /// What was done: `slot.hold`, `appointment.book`, `import.conflict`, …
    public var action: String
    /// What it was done to: `slot:42`, `request:R-7F3A`, …
    public var subject: String
    /// A JSON object with the particulars, built by the caller (see `AuditDetails`).
    public var details: String
    /// The previous row's `hash` (64 zeros for the first row).
    public var previousHash: String
    /// SHA-256 of this row chained to the previous one (see `AuditEntry.chainHash`).
    public var hash: String

    public init(seq: Int64, at: Instant, actor: String, action: String, subject: String, details: String,
                previousHash: String, hash: String) {
        self.seq = seq; self.at = at; self.actor = actor; self.action = action; self.subject = subject
        self.details = details; self.previousHash = previousHash; self.hash = hash
    }

    /// The `prev_hash` of the first row.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The chain's hash: SHA-256, in lowercase hex, of
    /// `prev_hash|seq|at|actor|action|subject|details` (seq and at as decimal integers).
    ///
    /// `|` is refused in actor, action and subject, so the text splits back into its fields one way only and
    /// no edit can move characters from one field to another without changing the hash.
    public static func chainHash(previousHash: String, seq: Int64, at: Instant, actor: String, action: String,
                                 subject: String, details: String) -> String {
        var hasher = SHA256()
        hasher.update(previousHash); hasher.update("|")
        hasher.update(String(seq)); hasher.update("|")
        hasher.update(String(at.secondsSinceEpoch)); hasher.update("|")
        hasher.update(actor); hasher.update("|")
        hasher.update(action); hasher.update("|")
        hasher.update(subject); hasher.update("|")
        hasher.update(details)
        return SHA256.hex(hasher.finalize())
    }

    /// The hash this row's own fields give.
    public var recomputedHash: String {
        AuditEntry.chainHash(previousHash: previousHash, seq: seq, at: at, actor: actor, action: action,
                             subject: subject, details: details)
    }
}
