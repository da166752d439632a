/// Where an appointment stands, with the statuses the SAS / Hub Santé feedback uses.
///
/// `pending` is a proposed assignment not yet confirmed with the patient: the nightly balance job may move
/// it. `booked` is confirmed and is never moved. `fulfilled` and `noshow` are outcomes; `cancelled` frees the slot.
public enum AppointmentStatus: String, CaseIterable, Sendable, Hashable {
    case pending, booked, fulfilled, noshow, cancelled

    /// Pending and booked appointments still hold their slot and can be cancelled.
    public var isActive: Bool { self == .pending || self == .booked }
}
