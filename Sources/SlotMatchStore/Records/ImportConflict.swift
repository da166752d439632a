import SlotMatchCore

/// A held or booked slot that a re-imported file no longer covers: it stays as it is (a patient may be
/// counting on it) and is reported so the practice can call the patient or restore the slot.
public struct ImportConflict: Sendable, Hashable {
    public var slotID: Int64
    public var start: Instant
    public var end: Instant
    public var mode: ConsultationMode
    public var status: SlotStatus

    public init(slotID: Int64, start: Instant, end: Instant, mode: ConsultationMode, status: SlotStatus) {
        self.slotID = slotID; self.start = start; self.end = end; self.mode = mode; self.status = status
    }
}
