import SlotMatchCore

/// One time span a published file yields after recurrence expansion, before it is cut into slots.
///
/// This is the contract between the format readers (iCalendar, xCal, FHIR, CSV) and the slot rules:
/// every reader turns its file into these; `calendar expand` prints them.
public struct PublishedOccurrence: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// A window of availability, to be cut into back-to-back slots of `slotLengthSeconds`.
        case available
        /// Time the practitioner is not available: removes every slot it overlaps.
        case busy
        /// An exact slot published as such (FHIR `Slot` with status `free`): taken as it is.
        case slot
    }

    public var kind: Kind
    /// The component it came from (`VEVENT`, `AVAILABLE`, `VAVAILABILITY`, `Slot`, `csv`).
    public var component: String
    /// The component's UID (or FHIR id, or `csv:<line>`).
    public var uid: String
    public var start: Instant
    public var end: Instant
    public var mode: ConsultationMode
    public var visibility: SlotVisibility
    /// The slot length for `available` windows, when the file says (`X-SLOT-DURATION`, CSV column).
    public var slotLengthSeconds: Int64?
    /// The practitioner named by the file for this occurrence, if any.
    public var practitioner: RPPS?
    /// Where the defining component was read.
    public var place: SourcePlace

    public init(kind: Kind, component: String, uid: String, start: Instant, end: Instant,
                mode: ConsultationMode = .office, visibility: SlotVisibility = .snp, slotLengthSeconds: Int64? = nil,
                practitioner: RPPS? = nil, place: SourcePlace = SourcePlace()) {
        self.kind = kind; self.component = component; self.uid = uid; self.start = start; self.end = end
        self.mode = mode; self.visibility = visibility; self.slotLengthSeconds = slotLengthSeconds
        self.practitioner = practitioner; self.place = place
    }
}
