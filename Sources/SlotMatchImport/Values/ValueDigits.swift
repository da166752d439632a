/// Fixed-width decimal fields of iCalendar values, read from bytes.
enum ValueDigits {
    /// The decimal number written in the `count` bytes from `start`; nil when one is not a digit or the field runs
    /// past the end.
    @inline(__always)
    static func value(_ b: [UInt8], _ start: Int, _ count: Int) -> Int? {
        b.withUnsafeBufferPointer { value($0, start, count) }
    }

    /// `value` on contiguous bytes.
    @inline(__always)
    static func value(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        guard start >= 0, start + count <= b.count else { return nil }
        var v = 0
        for i in start ..< start + count {
            let d = Int(b[i]) &- 48
            guard d >= 0, d <= 9 else { return nil }
            v = v * 10 + d
        }
        return v
    }
}
