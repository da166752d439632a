import SlotMatchCore

/// Everything one published file says: whose agenda it is, the range it is authoritative for, and its occurrences.
public struct PublishedAvailability: Sendable, Hashable {
    /// The practitioner the file names (`X-SLOTMATCH-RPPS`, the ORGANIZER's RPPS, the FHIR identifier), if any.
    public var practitioner: RPPS?
    /// The range the file declares itself authoritative for (VAVAILABILITY DTSTART/DTEND, FHIR
    /// `Schedule.planningHorizon`); nil means "use the import's horizon".
    public var declaredRange: (start: Instant, end: Instant)?
    /// Occurrences sorted by start.
    public var occurrences: [PublishedOccurrence]

    public init(practitioner: RPPS? = nil, declaredRange: (start: Instant, end: Instant)? = nil, occurrences: [PublishedOccurrence] = []) {
        self.practitioner = practitioner; self.declaredRange = declaredRange; self.occurrences = occurrences
    }

    public static func == (a: PublishedAvailability, b: PublishedAvailability) -> Bool {
        a.practitioner == b.practitioner && a.declaredRange?.start == b.declaredRange?.start
            && a.declaredRange?.end == b.declaredRange?.end && a.occurrences == b.occurrences
    }

    public func hash(into h: inout Hasher) {
        h.combine(practitioner); h.combine(declaredRange?.start); h.combine(declaredRange?.end); h.combine(occurrences)
    }
}
