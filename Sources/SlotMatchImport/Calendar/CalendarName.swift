/// A property (or parameter, or component) name with a packed form for comparison: its first 16 UTF-8 bytes
/// in two integers, its byte count and whether it is ASCII.
///
/// `CalendarComponent.property(_:)` runs for every property a reader asks of every component. Comparing two
/// packed names is two integer compares, where comparing two `String`s goes through the standard library's
/// Unicode comparison. The answer is the same as `String ==`: two ASCII names are equal exactly when their
/// bytes are, so for ASCII names of at most 16 bytes the packed form decides; longer or non-ASCII names
/// fall back to comparing the strings (`matches(_:)`).
public struct CalendarName: Sendable, Hashable {
    /// The name itself.
    public let text: String
    /// Bytes 0 ..< 8, little-endian, zero-padded.
    let head: UInt64
    /// Bytes 8 ..< 16, little-endian, zero-padded.
    let tail: UInt64
    /// UTF-8 byte count, negative when the name is not all ASCII (then only `String ==` can decide).
    let count: Int

    /// The packed form of `name` (kept as it is: pass the upper-cased name, as the model stores it).
    public init(_ name: String) {
        text = name
        // Native and small strings are contiguous UTF-8: 16 bytes copied at once, one ASCII check per word.
        if let packed = name.utf8.withContiguousStorageIfAvailable({ Self.pack($0) }) {
            (head, tail, count) = packed
            return
        }
        var head: UInt64 = 0, tail: UInt64 = 0, any: UInt8 = 0, n = 0
        for b in name.utf8 {
            any |= b
            if n < 8 { head |= UInt64(b) << UInt64(n &* 8) } else if n < 16 { tail |= UInt64(b) << UInt64((n &- 8) &* 8) }
            n &+= 1
        }
        self.head = head; self.tail = tail; count = any < 0x80 ? n : -1
    }

    /// The packed form of the bytes `p`: first 16 bytes, count, or -1 when a byte is not ASCII.
    @inline(__always)
    static func pack(_ p: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64, Int) {
        let n = p.count
        let bytes = n == 0 ? (0, 0) : Self.load(p.baseAddress!, min(n, 16))
        var ascii = (bytes.0 | bytes.1) & 0x8080_8080_8080_8080 == 0
        var i = 16
        while ascii && i < n { if p[i] >= 0x80 { ascii = false }; i += 1 }
        return (bytes.0, bytes.1, ascii ? n : -1)
    }

    /// The upper-cased ASCII name `p[start ..< end]` (the parser's names, which `ContentLine.isNameByte` keeps
    /// ASCII): packed 8 bytes at a time, its text shared from `known` when listed there.
    @inline(__always)
    init(upperCasingASCII p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, known: KnownCalendarNames = .shared) {
        let n = end - start
        let bytes = n == 0 ? (0, 0) : Self.load(p.baseAddress! + start, min(n, 16))
        head = Self.upperCased(bytes.0); tail = Self.upperCased(bytes.1); count = n
        text = known.text(head: head, tail: tail, count: n) ?? ContentLine.upperCased(p, start, end)
    }

    /// Bytes `p[0 ..< n]` (1 <= n <= 16) as two little-endian words, zero-padded, reading no byte past `n`:
    /// two overlapping loads of 8 (or 4) bytes, the overlap shifted out, instead of a `memcpy` call.
    @inline(__always)
    static func load(_ p: UnsafePointer<UInt8>, _ n: Int) -> (UInt64, UInt64) {
        let raw = UnsafeRawPointer(p)
        if n >= 8 {
            let head = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            // Bytes n-8 ..< n; the first 16-n of them are head's again (n == 8: all, and >> 64 gives 0).
            let last = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
            return (head, last >> UInt64(8 * (16 - n)))
        }
        if n >= 4 {
            let first = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let last = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)))
            return (first | last << UInt64(8 * (n - 4)), 0)   // the overlapping bytes are the same: OR keeps them
        }
        var head = UInt64(p[0])
        if n > 1 { head |= UInt64(p[1]) << 8 }
        if n > 2 { head |= UInt64(p[2]) << 16 }
        return (head, 0)
    }

    /// ASCII a-z to A-Z in eight bytes at once (bytes below 0x80 only): a byte b gets the 0x80 bit of
    /// b + 0x1F (b >= 0x61) and not of b + 0x05 (b >= 0x7B); that bit shifted to 0x20 is subtracted.
    @inline(__always)
    static func upperCased(_ x: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let lower = (x &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(x &+ 0x0505_0505_0505_0505) & high
        return x &- (lower >> 2)
    }

    /// `text == other.text`, mostly without comparing strings.
    @inline(__always)
    public func matches(_ other: CalendarName) -> Bool {
        if count >= 0 && other.count >= 0 {
            // Both ASCII: different bytes mean different strings; up to 16 bytes the packed form is the whole name.
            guard head == other.head, tail == other.tail, count == other.count else { return false }
            if count <= 16 { return true }
        }
        return text == other.text
    }

    /// Equal names (`matches`), so that `Hashable` agrees with `String`'s.
    public static func == (a: CalendarName, b: CalendarName) -> Bool { a.matches(b) }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}
