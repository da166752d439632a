import SlotMatchCore

/// One time span a published file yields after recurrence expansion, before it is cut into slots.
///
/// This is the contract between the format readers (iCalendar, xCal, FHIR, CSV) and the slot rules:
/// every reader turns its file into these; `calendar expand` prints them.
///
/// The component name, UID and place are kept in an `OccurrenceOrigin` shared by every instance of one component
/// (one retain per copy instead of four); they read and write as before. Equality and hashing compare values,
/// never which origin object is shared.
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
    public var start: Instant
    public var end: Instant
    public var mode: ConsultationMode
    public var visibility: SlotVisibility
    /// The slot length for `available` windows, when the file says (`X-SLOT-DURATION`, CSV column).
    public var slotLengthSeconds: Int64?
    /// The practitioner named by the file for this occurrence, if any.
    public var practitioner: RPPS?
    /// Component, UID and place, shared by every instance of one component.
    public var origin: OccurrenceOrigin

    /// The component it came from (`VEVENT`, `AVAILABLE`, `VAVAILABILITY`, `Slot`, `csv`).
    public var component: String {
        get { origin.component }
        set { origin = OccurrenceOrigin(component: newValue, uid: origin.uid, place: origin.place) }
    }
    /// The component's UID (or FHIR id, or `csv:<line>`).
    public var uid: String {
        get { origin.uid }
        set { origin = OccurrenceOrigin(component: origin.component, uid: newValue, place: origin.place) }
    }
    /// Where the defining component was read.
    public var place: SourcePlace {
        get { origin.place }
        set { origin = OccurrenceOrigin(component: origin.component, uid: origin.uid, place: newValue) }
    }

    public init(kind: Kind, component: String, uid: String, start: Instant, end: Instant,
                mode: ConsultationMode = .office, visibility: SlotVisibility = .snp, slotLengthSeconds: Int64? = nil,
                practitioner: RPPS? = nil, place: SourcePlace = SourcePlace()) {
        self.init(kind: kind, origin: OccurrenceOrigin(component: component, uid: uid, place: place), start: start,
                  end: end, mode: mode, visibility: visibility, slotLengthSeconds: slotLengthSeconds,
                  practitioner: practitioner)
    }

    /// An occurrence sharing `origin` with the other instances of its component.
    public init(kind: Kind, origin: OccurrenceOrigin, start: Instant, end: Instant,
                mode: ConsultationMode = .office, visibility: SlotVisibility = .snp, slotLengthSeconds: Int64? = nil,
                practitioner: RPPS? = nil) {
        self.kind = kind; self.origin = origin; self.start = start; self.end = end
        self.mode = mode; self.visibility = visibility; self.slotLengthSeconds = slotLengthSeconds
        self.practitioner = practitioner
    }

    public static func == (a: PublishedOccurrence, b: PublishedOccurrence) -> Bool {
        a.kind == b.kind && a.start == b.start && a.end == b.end && a.mode == b.mode && a.visibility == b.visibility
            && a.slotLengthSeconds == b.slotLengthSeconds && a.practitioner == b.practitioner
            && a.origin.hasSameValues(as: b.origin)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind); hasher.combine(component); hasher.combine(uid); hasher.combine(start); hasher.combine(end)
        hasher.combine(mode); hasher.combine(visibility); hasher.combine(slotLengthSeconds)
        hasher.combine(practitioner); hasher.combine(place)
    }
}
