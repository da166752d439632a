/// A practitioner's RPPS number (Répertoire partagé des professionnels de santé): 11 digits,
/// the last a Luhn check digit over the first ten.
public struct RPPS: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let digits: String

    /// Validates and wraps an RPPS number; throws an `InputError` that says what is wrong.
    public init(_ text: String) throws(InputError) {
        let trimmed = text.trimmingSpaces
        guard trimmed.utf8.count == 11, trimmed.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw InputError(SourcePlace(), "the RPPS number \"\(trimmed)\" is not 11 digits",
                             remedy: "Copy the 11-digit RPPS number from the practitioner's CPS card or the RPPS directory.")
        }
        guard RPPS.hasValidCheckDigit(trimmed) else {
            throw InputError(SourcePlace(), "the RPPS number \(trimmed) fails its check digit",
                             remedy: "Check for a mistyped digit: the last digit is a Luhn check over the first ten.")
        }
        digits = trimmed
    }

    /// Luhn over all 11 digits (the last being the check digit) must sum to a multiple of 10.
    public static func hasValidCheckDigit(_ number: String) -> Bool {
        var sum = 0
        for (i, byte) in number.utf8.reversed().enumerated() {
            var d = Int(byte) - 48
            if i % 2 == 1 { d *= 2; if d > 9 { d -= 9 } }
            sum += d
        }
        return sum % 10 == 0
    }

    /// The check digit that completes a 10-digit prefix (for generating synthetic numbers).
    public static func checkDigit(forPrefix prefix: String) -> Int {
        for d in 0 ... 9 where hasValidCheckDigit(prefix + String(d)) { return d }
        return 0
    }

    public var description: String { digits }
    public static func < (a: RPPS, b: RPPS) -> Bool { a.digits < b.digits }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line ends (no Foundation needed).
    public var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first ... last])
    }
}
