import SlotMatchCore

/// What the properties of one parsed file share, held once instead of once per property: the unfolded bytes
/// their values are ranges of, the table their parameters are ranges of, and the file name of their places.
///
/// Why: a `String` per value meant an allocation for every value over 15 bytes (UID, DTSTAMP, RRULE, SUMMARY …),
/// an array per parameter list and a retained file name per property; building and destroying those was a
/// large part of the import. A property now holds one reference to this (immutable, so `Sendable`) object and
/// integers; `CalendarProperty.value` builds its `String` when asked.
///
/// A property made by `CalendarProperty.init(name:parameters:value:place:)` (xCal, tests) keeps its value
/// whole and gets a storage of its own holding just its parameters and place (`place` non-nil, `bytes` empty).
final class CalendarPropertyStorage: Sendable {
    /// The bytes values are ranges of (iCalendar: the unfolded text of the whole file).
    let bytes: [UInt8]
    /// The parameters of every property, each property's a contiguous range, in line order.
    let parameters: [CalendarParameter]
    /// The file of every place (iCalendar properties keep only their line).
    let file: String?
    /// The whole place, for a property made one by one (then it is the only property of this storage).
    let place: SourcePlace?

    init(bytes: [UInt8], parameters: [CalendarParameter], file: String?, place: SourcePlace?) {
        self.bytes = bytes; self.parameters = parameters; self.file = file; self.place = place
    }

    /// Bytes `start ..< end` as a `String`.
    @inline(__always)
    func string(_ start: Int, _ end: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start ..< end]), as: UTF8.self) }
    }
}
