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

    /// The ledger as text lines (`win <worker> <slot> <appointment>`, `refused <code>`, `lost <code>`, `unexpected <text>`),
    /// for a worker process to hand its results to the test that launched it.
    var lines: String {
        locked {
            var out = _wins.map { "win \($0.thread) \($0.slot) \($0.appointment)\n" }.joined()
            for (code, n) in _refusals { out += String(repeating: "refused \(code)\n", count: n) }
            for (code, n) in _lostAfterHold { out += String(repeating: "lost \(code)\n", count: n) }
            for text in _unexpected { out += "unexpected " + text.replacingOccurrences(of: "\n", with: " ") + "\n" }
            return out
        }
    }

    /// Adds what a worker process wrote with `lines`.
    func absorb(_ text: String) {
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { unexpected("unreadable line: \(line)"); continue }
            switch parts[0] {
            case "win":
                let numbers = parts[1].split(separator: " ").compactMap { Int64($0) }
                if numbers.count == 3 { win(thread: Int(numbers[0]), slot: numbers[1], appointment: numbers[2]) } else { unexpected(String(line)) }
            case "refused": refused(parts[1])
            case "lost": lostAfterHold(parts[1])
            default: unexpected(parts[1])
            }
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
