/// JSON string literals (RFC 8259 §7), written the one way every SlotMatch JSON writer above the core uses:
/// the service's `JSONWriter`, the CLI, the demand log and the triage rule file. It lives in SlotMatchConfig
/// because that is the lowest module they all depend on (the core stays free of JSON).
///
/// Escapes: quote and backslash, `\n` `\r` `\t`, other control characters as `\u00XX` (lower-case hex), DEL
/// (0x7F) too when `escapingDelete` is true; everything else is copied as UTF-8.
public enum JSONString {
    static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends `s` as a JSON string literal, quotes included.
    public static func quote(_ s: String, escapingDelete: Bool = true, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { bytes in
            out.append(0x22)
            // Fast path: copy runs that need no escape in one go.
            var runStart = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C || (b == 0x7F && escapingDelete) else { continue }
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                runStart = i + 1
                switch b {
                case 0x22: out.append(0x5C); out.append(0x22)
                case 0x5C: out.append(0x5C); out.append(0x5C)
                case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
                case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
                default:
                    out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hexDigits[Int(b >> 4)], hexDigits[Int(b & 15)]])
                }
            }
            if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
            out.append(0x22)
        }
    }

    /// `s` as a JSON string literal, quotes included.
    public static func quoted(_ s: String, escapingDelete: Bool = true) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 2)
        quote(s, escapingDelete: escapingDelete, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` as a JSON string literal to a `String`.
    public static func quote(_ s: String, escapingDelete: Bool = true, into out: inout String) {
        out += quoted(s, escapingDelete: escapingDelete)
    }
}
