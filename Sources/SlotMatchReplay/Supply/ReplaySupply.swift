import SlotMatchCore

/// The GPs and their slots a replay runs over, with the what-if changes (`adding`, `removing`) applied
/// before the replay: a value, so the original supply (files or database) is never touched.
public struct ReplaySupply: Sendable, Hashable {
    public var practitioners: [Practitioner]
    public var slots: [Slot]

    public init(practitioners: [Practitioner], slots: [Slot]) {
        self.practitioners = practitioners; self.slots = slots
    }

    /// Without one GP and their slots (`--remove-practitioner`).
    public func removing(practitioner rpps: RPPS) -> ReplaySupply {
        ReplaySupply(practitioners: practitioners.filter { $0.rpps != rpps }, slots: slots.filter { $0.practitioner != rpps })
    }

    /// With another supply's GPs (replacing the same RPPS) and slots (`--add-supply`).
    public func adding(_ other: ReplaySupply) -> ReplaySupply {
        let added = Set(other.practitioners.map(\.rpps))
        return ReplaySupply(practitioners: practitioners.filter { !added.contains($0.rpps) } + other.practitioners,
                            slots: slots + other.slots)
    }
}
