/// The result of checking the audit log's hash chain: intact, or the first row where it breaks and why.
public enum AuditVerification: Sendable, Hashable, CustomStringConvertible {
    /// Every row links to the one before and matches its hash.
    case intact(entries: Int)
    /// The first broken position in the log.
    case broken(seq: Int64, problem: AuditProblem)

    public var isIntact: Bool { if case .intact = self { return true } else { return false } }

    public var description: String {
        switch self {
        case .intact(let n): return "audit log intact: \(n) entries, hash chain verified"
        case .broken(let seq, let problem): return "audit log broken at entry \(seq): \(problem)"
        }
    }
}
