import Foundation

/// What concurrent booking threads report — wins, refusals by code, anything unexpected — collected under a lock.
final class BookingLedger: @unchecked Sendable {
    struct Win: Hashable { var thread: Int; var slot: Int64; var appointment: Int64 }

    private let lock = NSLock()
    private var _wins: [Win] = []
    private var _refusals: [String: Int] = [:]
    private var _lostAfterHold: [String: Int] = [:]
    private var _unexpected: [String] = []

    func win(thread: Int, slot: Int64, appointment: Int64) { locked { _wins.append(Win(thread: thread, slot: slot, appointment: appointment)) } }
    func refused(_ code: String) { locked { _refusals[code, default: 0] += 1 } }
    /// A thread held the slot and then could not book it.
    func lostAfterHold(_ code: String) { locked { _lostAfterHold[code, default: 0] += 1 } }
    func unexpected(_ text: String) { locked { _unexpected.append(text) } }

    var wins: [Win] { locked { _wins } }
    var refusals: [String: Int] { locked { _refusals } }
    var lostAfterHold: [String: Int] { locked { _lostAfterHold } }
    var unexpectedErrors: [String] { locked { _unexpected } }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
