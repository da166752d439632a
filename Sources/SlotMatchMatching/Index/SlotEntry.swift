/// A slot inside the index: 32 bytes, kept in the GP's array sorted by start.
/// `alive == false` is a tombstone left by `remove`, revived by a later `insert` of the same id.
/// `week` is the ordinal of its cap week (`CapWeeks.ordinal(of: start)`), set when it enters the index.
struct SlotEntry: Sendable, Hashable {
    var start: Int64
    var end: Int64
    var id: Int64
    var mode: UInt8
    var visibility: UInt8
    var alive: Bool
    var week: Int32
}
