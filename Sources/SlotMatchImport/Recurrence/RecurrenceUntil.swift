import SlotMatchCore

/// The inclusive end bound of a recurrence rule: RFC 5545 §3.3.10 `UNTIL`.
///
/// A UTC bound is compared with each instance's instant; a local (floating) bound and a DATE bound
/// are compared with the instance's wall-clock reading.
public enum RecurrenceUntil: Sendable, Hashable {
    /// `UNTIL=20261231`: every instance on or before that day (its whole day is included).
    case date(CivilDate)
    /// `UNTIL=20261231T170000`: a wall-clock bound in the zone of DTSTART.
    case local(LocalDateTime)
    /// `UNTIL=20261231T170000Z`.
    case utc(Instant)
}
