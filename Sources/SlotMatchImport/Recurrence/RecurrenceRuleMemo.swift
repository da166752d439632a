import Foundation

/// The RRULE texts already read in this process and their rules, so that the same text met again (agenda
/// programs write the same few rules in every file: `FREQ=WEEKLY;BYDAY=MO`) costs a look-up, not a reading.
///
/// Only texts that the byte-level reading accepted and that passed RFC 5545 §3.3.10's table are kept: the rule
/// of a text does not depend on where it was read, while an error does (its place), so a faulty rule is read,
/// and reported at its own place, every time. At most `capacity` texts are kept, so a stream of odd files
/// cannot fill memory. The table is open addressing on an FNV-1a hash of the text's bytes (cheaper than
/// `Dictionary`'s seeded hashing of a `String` for these short texts), with twice as many slots as texts.
final class RecurrenceRuleMemo: @unchecked Sendable {
    static let shared = RecurrenceRuleMemo()
    static let capacity = 512
    private static let slotCount = 1_024

    /// A remembered text and its rule: a look-up hands out one reference, not a copy of the rule's lists.
    private final class Entry: Sendable {
        let text: String
        let hash: UInt64
        let rule: RecurrenceRule
        init(_ text: String, _ hash: UInt64, _ rule: RecurrenceRule) { self.text = text; self.hash = hash; self.rule = rule }
    }

    private let lock = NSLock()
    private var slots = [Entry?](repeating: nil, count: RecurrenceRuleMemo.slotCount)
    private var stored = 0

    /// The rule of `text` if it was read before.
    func rule(for text: String) -> RecurrenceRule? {
        let hash = Self.hash(text)
        lock.lock()
        let entry = find(text, hash)
        lock.unlock()
        return entry?.rule
    }

    /// How many texts are kept.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    /// Keeps the rule read from `text` (a text accepted without error), while there is room.
    func remember(_ rule: RecurrenceRule, for text: String) {
        let hash = Self.hash(text)
        lock.lock()
        defer { lock.unlock() }
        guard stored < Self.capacity, find(text, hash) == nil else { return }
        var i = Int(truncatingIfNeeded: hash) & (Self.slotCount - 1)
        while slots[i] != nil { i = (i + 1) & (Self.slotCount - 1) }
        slots[i] = Entry(text, hash, rule)
        stored += 1
    }

    /// The entry of `text`, under the lock. The table is never full (`capacity` is half the slots).
    private func find(_ text: String, _ hash: UInt64) -> Entry? {
        slots.withUnsafeBufferPointer { table in
            var i = Int(truncatingIfNeeded: hash) & (Self.slotCount - 1)
            while let entry = table[i] {
                if entry.hash == hash && entry.text == text { return entry }
                i = (i + 1) & (Self.slotCount - 1)
            }
            return nil
        }
    }

    /// FNV-1a (64 bits) of the text's UTF-8 bytes.
    private static func hash(_ text: String) -> UInt64 {
        func fnv<S: Sequence<UInt8>>(_ bytes: S) -> UInt64 {
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            return h
        }
        return text.utf8.withContiguousStorageIfAvailable { fnv($0) } ?? fnv(text.utf8)
    }
}
