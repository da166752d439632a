/// How much of France a simulation covers: the CPTS territory's own communes, a synthetic department
/// around it (about 1.4 million inhabitants), or a synthetic France (about 68 million).
public enum DemandScale: String, CaseIterable, Sendable, Hashable {
    case territory
    case department
    case national
}
