/// What became of a published file: its slots applied, identical to the last import, or refused.
public enum ImportStatus: String, CaseIterable, Sendable, Hashable {
    case imported, unchanged, rejected
}
