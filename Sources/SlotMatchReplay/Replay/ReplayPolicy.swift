import SlotMatchCore

/// How requests are given slots in a replay.
/// - `nearest`: at the call, the feasible slot of the closest GP (earliest of theirs);
/// - `ranked`: at the call, the operator's top-ranked slot (`SlotSearch`, the service's ranking);
/// - `batch(seconds)`: requests gathered for a window, then the exact min-cost assignment at its end;
/// - `hindsight`: the exact assignment of the whole period knowing every call, most in target then least booking cost:
///   no policy serves more in target, nor as many at a lower booking cost (docs/replay.md);
/// - `logged`: what the log says was booked (its outcomes), measured with the same KPIs.
public enum ReplayPolicy: Sendable, Hashable, CustomStringConvertible {
    case logged
    case nearest
    case ranked
    case batch(windowSeconds: Int64)
    case hindsight

    /// `nearest`, `ranked`, `batch:15m`, `batch:60m` (any `batch:<n>m` or `<n>h`), `hindsight`.
    public init?(_ text: String) {
        switch text.lowercased() {
        case "nearest": self = .nearest
        case "ranked": self = .ranked
        case "hindsight": self = .hindsight
        case "logged": self = .logged
        default:
            let t = text.lowercased()
            guard t.hasPrefix("batch:"), t.count > 7 else { return nil }
            let spec = t.dropFirst(6)
            guard let unit = spec.last, let n = Int64(spec.dropLast()), n > 0, n <= 24 * 60 else { return nil }
            switch unit {
            case "m": self = .batch(windowSeconds: n * 60)
            case "h" where n <= 24: self = .batch(windowSeconds: n * 3600)
            default: return nil
            }
        }
    }

    public var description: String {
        switch self {
        case .nearest: return "nearest"
        case .ranked: return "ranked"
        case .hindsight: return "hindsight"
        case .logged: return "logged"
        case .batch(let s): return s % 3600 == 0 && s >= 3600 && s != 3600 ? "batch:\(s / 3600)h" : "batch:\(s / 60)m"
        }
    }

    public static let allNames = ["logged", "nearest", "ranked", "batch:15m", "batch:60m", "hindsight"]
}
