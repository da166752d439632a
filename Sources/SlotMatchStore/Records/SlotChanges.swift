import SlotMatchCore

/// What changed in the slots after a change sequence number: enough for an in-memory index to catch up
/// with other processes' writes without reloading everything.
///
/// Apply `removedSlotIDs` first, then replace every slot in `slots` by its new state; then remember `latest`
/// and ask again with it. A slot may appear in two successive answers; applying it twice is harmless.
public struct SlotChanges: Sendable, Hashable {
    /// The store's change sequence when this was read: pass it as `after` next time.
    public var latest: Int64
    /// Slots inserted or changed (status, hold, times, visibility) after the given sequence, by id.
    public var slots: [Slot]
    /// Slots deleted after the given sequence (by a re-import), by id.
    public var removedSlotIDs: [Int64]

    public init(latest: Int64, slots: [Slot], removedSlotIDs: [Int64]) {
        self.latest = latest; self.slots = slots; self.removedSlotIDs = removedSlotIDs
    }
}
