import SlotMatchCore

/// The per-component part of a `PublishedOccurrence`: which component it came from, its UID and where it was read.
///
/// Why a class of its own: a calendar component yields hundreds of instances that all carry the same three strings
/// (component name, UID, the place's file and JSON path). Kept in one shared, immutable object, copying an
/// occurrence retains one reference instead of four. Immutable (every stored property `let`), so `Sendable`.
public final class OccurrenceOrigin: Sendable {
    /// The component it came from (`VEVENT`, `AVAILABLE`, `VAVAILABILITY`, `Slot`, `csv`).
    public let component: String
    /// The component's UID (or FHIR id, or `csv:<line>`).
    public let uid: String
    /// Where the defining component was read.
    public let place: SourcePlace

    public init(component: String, uid: String, place: SourcePlace) {
        self.component = component; self.uid = uid; self.place = place
    }

    /// The same values (not the same object): what `PublishedOccurrence`'s equality compares.
    func hasSameValues(as other: OccurrenceOrigin) -> Bool {
        self === other || (uid == other.uid && component == other.component && place == other.place)
    }
}
