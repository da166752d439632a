/// A booking refused inside the balance transaction: rolls it back, so the run is retried without the move.
struct BalanceRefusal: Error {
    var move: PlannedMove
    var error: BookingError
}
