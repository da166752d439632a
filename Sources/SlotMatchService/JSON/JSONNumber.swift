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

    /// The value as a double (may round).
    public var double: Double { Double(text) ?? .nan }

    public var description: String { text }
}
