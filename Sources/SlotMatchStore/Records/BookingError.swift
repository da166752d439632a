import SlotMatchCore

/// Why a hold, booking, cancellation, outcome or override was refused, with a stable `code` for the
/// JSON-RPC service and the CLI, and a `message` that says what happened and what the operator can do.
///
/// Every case is thrown from inside the operation's transaction, so nothing of the refused change is written.
/// Bad input (a malformed id, an unknown code) is an `InputError` instead: the caller must fix the request.
public enum BookingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The slot cannot be given now: held for another request, booked, blocked, or already started.
    case slotUnavailable(slotID: Int64, reason: String)
    /// The hold's time-to-live has run out (the slot may since have been given to someone else).
    case holdExpired(holdID: String, expiredAt: Instant)
    /// No open hold has this id: it was released, already turned into an appointment, or never existed.
    case holdNotFound(holdID: String)
    /// The slot's GP already has `booked` non-cancelled appointments (at least `cap`) in the slot's ISO week.
    case capReached(practitioner: RPPS, cap: Int, booked: Int, weekStart: Instant)
    /// No record of this kind has this id (`kind` is `slot`, `request`, `appointment`).
    case notFound(kind: String, id: String)
    /// The record exists but is not in a state that allows the operation.
    case notAllowed(reason: String, remedy: String)

    /// The stable machine-readable code: `slot-unavailable`, `hold-expired`, `hold-not-found`, `cap-reached`,
    /// `not-found`, `not-allowed`.
    public var code: String {
        switch self {
        case .slotUnavailable: return "slot-unavailable"
        case .holdExpired: return "hold-expired"
        case .holdNotFound: return "hold-not-found"
        case .capReached: return "cap-reached"
        case .notFound: return "not-found"
        case .notAllowed: return "not-allowed"
        }
    }

    /// Every code, for the service's documentation and tests.
    public static let codes = ["slot-unavailable", "hold-expired", "hold-not-found", "cap-reached", "not-found", "not-allowed"]

    /// What happened and what to do, in words an operator can act on.
    public var message: String {
        switch self {
        case .slotUnavailable(let slot, let reason):
            return "Slot \(slot) is not available (\(reason)). Search again and offer the patient another slot."
        case .holdExpired(let hold, let at):
            return "Hold \(hold) expired at \(at.iso8601). Hold the slot again (it may have been taken meanwhile) or search again."
        case .holdNotFound(let hold):
            return "No open hold \(hold): it was released, already booked, or never existed. Hold the slot again or book it directly."
        case .capReached(let rpps, let cap, let booked, let week):
            return "GP \(rpps.digits) already has \(booked) regulated appointments in the week starting \(week.iso8601), "
                + "the weekly cap being \(cap). Choose a slot of another GP."
        case .notFound(let kind, let id):
            return "No \(kind) \(id) in the store. Check the \(kind) id (list them to find it)."
        case .notAllowed(let reason, let remedy):
            return reason + ". " + remedy
        }
    }

    public var description: String { code + ": " + message }
}
