/// Who may see a slot, with the SAS aggregator profile's slot types (`Slot.meta.security`).
public struct SlotVisibility: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Bookable by the public (online booking).
    public static let publicAccess = SlotVisibility(rawValue: 1 << 0)
    /// Reserved for health professionals.
    public static let professional = SlotVisibility(rawValue: 1 << 1)
    /// Reserved for the SAS regulation line (soins non programmés).
    public static let snp = SlotVisibility(rawValue: 1 << 2)
    /// Reserved for the CPTS's own organisation.
    public static let cpts = SlotVisibility(rawValue: 1 << 3)

    public static let codes: [(code: String, value: SlotVisibility)] = [
        ("PUBLIC", .publicAccess), ("PRO", .professional), ("SNP", .snp), ("CPTS", .cpts),
    ]

    /// Reads one code (`PUBLIC`, `PRO`, `SNP`, `CPTS`; any case).
    public init?(code: String) {
        let upper = code.uppercased()
        guard let match = SlotVisibility.codes.first(where: { $0.code == upper }) else { return nil }
        self = match.value
    }

    /// The codes set in this value, in the canonical order.
    public var codeList: [String] { SlotVisibility.codes.filter { contains($0.value) }.map(\.code) }
}
