/// How one parse makes its strings: known names shared from `KnownCalendarNames` (taken once per parse, as
/// a global's lazy initialisation is checked at every access), the last short parameter value shared with the
/// next one of the same bytes (agendas write `TZID=Europe/Paris` on every DTSTART, DTEND and EXDATE),
/// everything else built from its bytes.
///
/// A shared string has exactly the bytes asked for, so it is the `String` the general path would build. (A
/// 64-entry cache of every short value was measured here and dropped: per file, its misses cost more than
/// the strings it saved; a `String` of up to 15 bytes is held inline and costs no allocation anyway.)
struct ContentLineStrings {
    let known: KnownCalendarNames
    /// The last short parameter value made, packed (`lastCount` -1: none yet).
    private var lastHead: UInt64 = 0
    private var lastTail: UInt64 = 0
    private var lastCount = -1
    private var last = ""

    init() { known = KnownCalendarNames.shared }

    /// `String(decoding: p[start ..< end], as: UTF8.self)`.
    @inline(__always)
    func string(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String { ContentLine.string(p, start, end) }

    /// `String(decoding: p[start ..< end], as: UTF8.self)` for a parameter value: the previous one again when
    /// it has the same bytes.
    @inline(__always)
    mutating func parameterValue(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        let n = end - start
        guard n <= 15 else { return ContentLine.string(p, start, end) }
        let bytes = n == 0 ? (0, 0) : CalendarName.load(p.baseAddress! + start, n)
        if n == lastCount && bytes.0 == lastHead && bytes.1 == lastTail { return last }
        last = ContentLine.string(p, start, end)
        lastHead = bytes.0; lastTail = bytes.1; lastCount = n
        return last
    }

    /// The upper-cased ASCII name `p[start ..< end]`, its text shared when it is a known name.
    @inline(__always)
    func name(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> CalendarName {
        CalendarName(upperCasingASCII: p, start, end, known: known)
    }
}
