/// UTF-8 validation as RFC 3629 §4 defines it: shortest forms only, no surrogates (U+D800…DFFF),
/// nothing above U+10FFFF. ASCII runs take the fast path.
enum UTF8Check {
    /// The offset of the first byte of the first invalid sequence, or nil when the whole buffer is valid.
    static func firstInvalidOffset(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let start = i
            @inline(__always) func cont(_ k: Int) -> Bool { start + k < n && b[start + k] & 0xC0 == 0x80 }
            switch c {
            case 0xC2...0xDF:
                guard cont(1) else { return start }
                i += 2
            case 0xE0:
                guard start + 1 < n, (0xA0...0xBF).contains(b[start + 1]), cont(2) else { return start }
                i += 3
            case 0xE1...0xEC, 0xEE...0xEF:
                guard cont(1), cont(2) else { return start }
                i += 3
            case 0xED:
                guard start + 1 < n, (0x80...0x9F).contains(b[start + 1]), cont(2) else { return start }
                i += 3
            case 0xF0:
                guard start + 1 < n, (0x90...0xBF).contains(b[start + 1]), cont(2), cont(3) else { return start }
                i += 4
            case 0xF1...0xF3:
                guard cont(1), cont(2), cont(3) else { return start }
                i += 4
            case 0xF4:
                guard start + 1 < n, (0x80...0x8F).contains(b[start + 1]), cont(2), cont(3) else { return start }
                i += 4
            default:
                return start
            }
        }
        return nil
    }
}
