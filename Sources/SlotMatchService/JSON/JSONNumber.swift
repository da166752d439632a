/// A JSON number kept as its text (RFC 8259 §6), so a request id such as `12345678901234567890` or
/// `1.50` is echoed byte for byte; `int64` answers when the text is a whole number that fits.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number as written (already checked against the RFC 8259 §6 grammar).
    public let text: String

    init(validatedText text: String) { self.text = text }

    public init(integer: Int64) { text = String(integer) }

    public init(double: Double) {
        if double == double.rounded(), abs(double) < 1e15 { text = String(Int64(double)) } else { text = String(double) }
    }

    /// The value when it is an integer literal (no fraction, no exponent) within Int64; else nil.
    public var int64: Int64? {
        guard !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) else { return nil }
        return Int64(text)
    }

    /// The value as a double (may round): the nearest double, as `Double(text)` gives it.
    public var double: Double { exactDecimal ?? Double(text) ?? .nan }

    public var description: String { text }

    /// Up to 10²² as powers of ten, each exact in a double.
    private static let powersOfTen: [Double] = (0...22).reduce(into: []) { p, i in p.append(i == 0 ? 1 : p[i - 1] * 10) }

    /// The double of a plain decimal (`-48.67362526086501`: no exponent) whose digits make an integer m ≤ 2⁵³
    /// with at most 22 after the point: m and 10^k are then exact doubles, and one IEEE division rounds m / 10^k
    /// once, to the nearest double, which is what `Double(text)` gives (Clinger's fast path, "How to read floating
    /// point numbers accurately", 1990). Nil for any other text, which the general conversion reads.
    var exactDecimal: Double? {
        text.utf8.withContiguousStorageIfAvailable(JSONNumber.exactDecimal) ?? nil
    }

    private static func exactDecimal(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var seenPoint = false
        let negative = b.first == UInt8(ascii: "-")
        var i = negative ? 1 : 0
        while i < b.count {
            let c = b[i]
            i += 1
            if c == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
                continue
            }
            guard c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") else { return nil }
            digits += 1
            guard digits <= 16 else { return nil }
            mantissa = mantissa * 10 + UInt64(c - UInt8(ascii: "0"))
            if seenPoint { fractionDigits += 1 }
        }
        guard digits > 0, mantissa <= 1 << 53, fractionDigits <= 22 else { return nil }
        let value = Double(mantissa) / powersOfTen[fractionDigits]
        return negative ? -value : value
    }
}
