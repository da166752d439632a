/// Checks that bytes are well-formed UTF-8 (Unicode §3.9, Table 3-7): no overlong forms,
/// no surrogates, nothing above U+10FFFF. ASCII runs are skipped 32 then eight bytes at a time.
public enum UTF8Validator {
    /// The offset of the first byte that starts an ill-formed sequence, or nil when all is valid.
    public static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = bytes.count
        guard n > 0, let p = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(p)
        var i = 0
        while i < n {
            // ASCII fast path: 32 bytes a test, then 8.
            while i + 32 <= n,
                  (raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                   | raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
                  & 0x8080_8080_8080_8080 == 0 { i += 32 }
            while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            guard i < n else { break }
            let b0 = p[i]
            if b0 < 0x80 { i += 1; continue }
            @inline(__always) func cont(_ k: Int) -> Bool { i + k < n && p[i + k] & 0xC0 == 0x80 }
            switch b0 {
            case 0xC2 ... 0xDF:
                guard cont(1) else { return i }
                i += 2
            case 0xE0 ... 0xEF:
                guard i + 1 < n else { return i }
                let b1 = p[i + 1]
                let ok1: Bool
                switch b0 {
                case 0xE0: ok1 = b1 >= 0xA0 && b1 <= 0xBF
                case 0xED: ok1 = b1 >= 0x80 && b1 <= 0x9F
                default: ok1 = b1 & 0xC0 == 0x80
                }
                guard ok1, cont(2) else { return i }
                i += 3
            case 0xF0 ... 0xF4:
                guard i + 1 < n else { return i }
                let b1 = p[i + 1]
                let ok1: Bool
                switch b0 {
                case 0xF0: ok1 = b1 >= 0x90 && b1 <= 0xBF
                case 0xF4: ok1 = b1 >= 0x80 && b1 <= 0x8F
                default: ok1 = b1 & 0xC0 == 0x80
                }
                guard ok1, cont(2), cont(3) else { return i }
                i += 4
            default:
                return i
            }
        }
        return nil
    }

    public static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidOffset(in: $0) }
    }
}
