import SlotMatchCore

/// One FHIR R4 `Slot` as SlotMatch read it, with what the SAS aggregator profile says about it
/// (`meta.security` → visibility, `serviceType` → mode, `appointmentType` kept for information).
public struct FHIRSlotRecord: Sendable, Hashable {
    /// `Slot.id`, else the entry's `fullUrl`, else `Slot#<entry index>`.
    public var id: String
    /// FHIR R4 Slot.status (value set slotstatus): `free`, `busy`, `busy-unavailable`, `busy-tentative` (`entered-in-error` is dropped).
    public var status: String
    public var start: Instant
    public var end: Instant
    public var mode: ConsultationMode
    public var visibility: SlotVisibility
    /// `appointmentType` coding code (v2-0276: `ROUTINE`, `WALKIN`, …), for information only.
    public var appointmentType: String?
    /// The practitioner reached through `Slot.schedule` → `Schedule.actor`.
    public var practitioner: RPPS?
    /// Where the Slot was read (JSON path, and line for XML).
    public var place: SourcePlace

    public init(id: String, status: String, start: Instant, end: Instant, mode: ConsultationMode, visibility: SlotVisibility,
                appointmentType: String? = nil, practitioner: RPPS? = nil, place: SourcePlace = SourcePlace()) {
        self.id = id; self.status = status; self.start = start; self.end = end; self.mode = mode; self.visibility = visibility
        self.appointmentType = appointmentType; self.practitioner = practitioner; self.place = place
    }

    /// Free slots are published slots; every busy status removes the slots it overlaps.
    public var isFree: Bool { status == "free" }
}
