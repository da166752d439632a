import SlotMatchCore

/// A slot the job may give: a free one, or one a `pending` appointment holds now (that appointment may move).
public struct BalanceSlot: Sendable, Hashable {
    /// The store's slot id.
    public var id: Int64
    /// Index into `BalanceInput.practitioners`.
    public var practitioner: Int32
    /// UTC seconds.
    public var start: Int64
    public var end: Int64
    public var mode: ConsultationMode
    public var visibility: SlotVisibility

    public init(id: Int64, practitioner: Int32, start: Int64, end: Int64, mode: ConsultationMode = .office,
                visibility: SlotVisibility = .snp) {
        self.id = id; self.practitioner = practitioner; self.start = start; self.end = end
        self.mode = mode; self.visibility = visibility
    }
}
