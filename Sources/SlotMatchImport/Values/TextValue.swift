import Glibc

/// RFC 5545 §3.3.11 TEXT values: backslash escapes and comma-separated lists.
///
/// The component model keeps values escaped; code that knows a property is TEXT (SUMMARY, CATEGORIES,
/// LOCATION) decodes it here.
public enum TextValue {
    /// Decodes `\\` `\;` `\,` `\n` `\N`. Any other escaped character stands for itself; a lone trailing
    /// backslash is kept (lenient: it is not worth rejecting an agenda for).
    public static func unescape(_ text: String) -> String {
        // Searched in the contiguous bytes (no generic walk of the UTF-8 view): most values have no backslash.
        var copy = text
        return copy.withUTF8 { hasBackslash($0) ? unescape($0) : text }
    }

    /// Whether the bytes hold a backslash (`memchr`: a UID is tens of bytes, searched word by word, not byte by byte).
    @inline(__always)
    static func hasBackslash(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = p.baseAddress, p.count > 0 else { return false }
        return memchr(base, 0x5C, p.count) != nil
    }

    /// Splits a TEXT list (CATEGORIES, RESOURCES) on unescaped commas and unescapes each item.
    public static func splitList(_ text: String) -> [String] {
        var items: [String] = []
        var current: [UInt8] = []
        var escaped = false
        for b in text.utf8 {
            if escaped {
                current.append(decoded(b))
                escaped = false
            } else if b == 0x5C {
                escaped = true
            } else if b == 0x2C {
                items.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(b)
            }
        }
        if escaped { current.append(0x5C) }
        items.append(String(decoding: current, as: UTF8.self))
        return items
    }

    static func unescape(_ p: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(p.count)
        var i = 0
        while i < p.count {
            let b = p[i]
            if b == 0x5C, i + 1 < p.count {
                out.append(decoded(p[i + 1]))
                i += 2
            } else {
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The character an escape `\x` stands for (RFC 5545 §3.3.11: `\n` and `\N` are a line break).
    @inline(__always)
    static func decoded(_ b: UInt8) -> UInt8 { b == 0x6E || b == 0x4E ? 0x0A : b }
}
