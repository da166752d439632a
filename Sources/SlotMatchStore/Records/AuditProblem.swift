/// Why the audit log's hash chain does not hold at some row.
public enum AuditProblem: Sendable, Hashable, CustomStringConvertible {
    /// The row's fields no longer give its stored hash: it was changed after being written.
    case editedRow
    /// The row is missing: the sequence jumps over it (rows were deleted).
    case deletedRow
    /// The row's `prev_hash` is not the hash of the row before it: a row before it was replaced or rewritten.
    case badLink
    /// Rows after the last one present were deleted (SQLite's AUTOINCREMENT counter had gone further).
    case deletedTail

    public var description: String {
        switch self {
        case .editedRow: return "the row was edited after it was written (its hash does not match its contents)"
        case .deletedRow: return "the row was deleted (the sequence skips it)"
        case .badLink: return "the row does not link to the row before it (prev_hash differs): an earlier row was rewritten"
        case .deletedTail: return "the last rows of the log were deleted"
        }
    }
}
