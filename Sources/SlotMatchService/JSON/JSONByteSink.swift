/// Where compact JSON text is appended: an answer's byte array, or a `JSONScratch` on the stack. The answer
/// writers (`SearchAnswer`, `InstantText.writeQuoted`) are generic over it, so one writing code serves both: a
/// search answer writes each slot into a scratch with no per-piece array bookkeeping, and copies it out once.
protocol JSONByteSink {
    mutating func write(_ byte: UInt8)
    mutating func write(_ bytes: UnsafeRawBufferPointer)
}

extension JSONByteSink {
    /// A literal piece of JSON text as is (keys with their quotes and colon, punctuation, `null`).
    @inline(__always)
    mutating func write(_ text: StaticString) {
        write(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// A whole number as `JSONValue.int` writes it (`String(Int64)`: decimal digits, a minus sign when negative),
    /// without building the String.
    @inline(__always)
    mutating func writeInteger<T: BinaryInteger>(_ value: T) {
        let v = Int64(value)
        if v >= 0 && v < 10 { write(UInt8(48 + v)); return }
        if v < 0 { write(UInt8(ascii: "-")) }
        var magnitude = v.magnitude
        // At most 20 digits (UInt64.max), made backwards on the stack.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var i = 24
            repeat {
                i -= 1
                buffer[i] = UInt8(48 + magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            write(UnsafeRawBufferPointer(rebasing: buffer[i..<24]))
        }
    }

    /// `s` as the JSON string `JSONWriter` writes for `.string(s)`: copied between quotes when it is printable
    /// ASCII without quote or backslash (every code and instant of an answer), else escaped by `JSONWriter.quote`.
    mutating func writeString(_ s: String) {
        let done = s.utf8.withContiguousStorageIfAvailable { b -> Bool in
            for c in b where c < 0x20 || c == 0x22 || c == 0x5C || c >= 0x7F { return false }
            write(0x22)
            write(UnsafeRawBufferPointer(b))
            write(0x22)
            return true
        } ?? false
        guard !done else { return }
        var quoted: [UInt8] = []
        JSONWriter.quote(s, into: &quoted)
        quoted.withUnsafeBytes { write($0) }
    }
}

/// The answer's byte array is a sink (the writers append to it directly when a part does not fit a scratch).
extension Array: JSONByteSink where Element == UInt8 {
    @inline(__always)
    mutating func write(_ byte: UInt8) { append(byte) }

    @inline(__always)
    mutating func write(_ bytes: UnsafeRawBufferPointer) { append(contentsOf: bytes) }
}
