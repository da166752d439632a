/// How one parse makes its strings: known names shared from `KnownCalendarNames` (taken once per parse, as
/// a global's lazy initialisation is checked at every access), everything else built from its bytes.
///
/// (A cache of repeated short values was measured here and dropped: per file, its misses cost more than the
/// strings it saved; a `String` of up to 15 bytes is held inline and costs no allocation anyway.)
struct ContentLineStrings {
    let known: KnownCalendarNames

    init() { known = KnownCalendarNames.shared }

    /// `String(decoding: p[start ..< end], as: UTF8.self)`.
    @inline(__always)
    func string(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String { ContentLine.string(p, start, end) }

    /// The upper-cased ASCII name `p[start ..< end]`, its text shared when it is a known name.
    @inline(__always)
    func name(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> CalendarName {
        CalendarName(upperCasingASCII: p, start, end, known: known)
    }
}
