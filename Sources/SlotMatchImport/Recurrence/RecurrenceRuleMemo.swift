import Foundation

/// The RRULE texts already read in this process and their rules, so that the same text met again (agenda
/// programs write the same few rules in every file: `FREQ=WEEKLY;BYDAY=MO`) costs a look-up, not a reading.
///
/// Only texts that the byte-level reading accepted and that passed RFC 5545 §3.3.10's table are kept: the rule
/// of a text does not depend on where it was read, while an error does (its place), so a faulty rule is read,
/// and reported at its own place, every time. At most `capacity` texts are kept, so a stream of odd files
/// cannot fill memory.
final class RecurrenceRuleMemo: @unchecked Sendable {
    static let shared = RecurrenceRuleMemo()
    static let capacity = 512

    /// A remembered rule in a box: a look-up hands out one reference, not a copy of the rule's nine lists.
    private final class Entry: Sendable {
        let rule: RecurrenceRule
        init(_ rule: RecurrenceRule) { self.rule = rule }
    }

    private let lock = NSLock()
    private var rules: [String: Entry] = [:]

    /// The rule of `text` if it was read before.
    func rule(for text: String) -> RecurrenceRule? {
        lock.lock()
        let entry = rules[text]
        lock.unlock()
        return entry?.rule
    }

    /// How many texts are kept.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return rules.count
    }

    /// Keeps the rule read from `text` (a text accepted without error), while there is room.
    func remember(_ rule: RecurrenceRule, for text: String) {
        lock.lock()
        defer { lock.unlock() }
        if rules.count < Self.capacity { rules[text] = Entry(rule) }
    }
}
