/// A fixed piece of memory (a stack allocation) that JSON text is written into with one bounds check per piece
/// and no array bookkeeping, then copied out in one go (`written`). A write that does not fit sets `overflowed`
/// and is dropped: the caller then writes the same part straight into its array instead, so no text is lost.
struct JSONScratch: JSONByteSink {
    private let base: UnsafeMutableRawBufferPointer
    private(set) var count = 0
    /// A write did not fit: `written` is incomplete and must not be used.
    private(set) var overflowed = false

    init(_ memory: UnsafeMutableRawBufferPointer) { base = memory }

    /// The bytes written so far.
    var written: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: base[0..<count]) }

    @inline(__always)
    mutating func write(_ byte: UInt8) {
        guard count < base.count else { overflowed = true; return }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func write(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        guard bytes.count <= base.count - count, let target = base.baseAddress else { overflowed = true; return }
        (target + count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
    }
}
