import SlotMatchCore

/// The shapes of the ids and codes the booking operations accept, checked before anything is written,
/// so that no name, phone number or free text reaches the store through them.
enum TokenSyntax {
    /// A pseudonymous id or operator id: 1 to 64 of `A-Z a-z 0-9 . _ : -`.
    static func isToken(_ s: String) -> Bool {
        let bytes = s.utf8
        guard !bytes.isEmpty && bytes.count <= 64 else { return false }
        return bytes.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b == UInt8(ascii: "-")
        }
    }

    /// All digits, 9 to 15 of them: the shape of a phone number or a social security number (NIR), never of a pseudonym.
    static func looksLikePersonalNumber(_ s: String) -> Bool {
        let count = s.utf8.count
        return count >= 9 && count <= 15 && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// A code of a closed list (reason, flag): a lowercase letter then up to 47 of `a-z 0-9 _ -`.
    static func isCode(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        guard let first = bytes.first, first >= 0x61 && first <= 0x7A, bytes.count <= 48 else { return false }
        return bytes.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
        }
    }

    /// `jsonPath` names the parameter in the service's terms (`$.request`), for its invalid-params answer.
    static func requireRequestID(_ id: String, field: String = "request id", jsonPath: String = "$.request") throws(InputError) {
        guard isToken(id) else {
            throw InputError(SourcePlace(jsonPath: jsonPath), "the \(field) \"\(String(id.prefix(80)))\" is not a short token",
                             remedy: "Give the regulation software's pseudonymous id: 1 to 64 letters, digits, '.', '_', ':' or '-', no spaces.")
        }
        guard !looksLikePersonalNumber(id) else {
            throw InputError(SourcePlace(jsonPath: jsonPath), "the \(field) \(id) looks like a phone or social security number",
                             remedy: "Use the regulation software's pseudonymous id; the store never holds a patient's numbers.")
        }
    }

    static func requireOperatorID(_ id: String) throws(InputError) {
        guard isToken(id) else {
            throw InputError(SourcePlace(jsonPath: "$.operator"), "the operator id \"\(String(id.prefix(80)))\" is not a short token",
                             remedy: "Give the operator's login id: 1 to 64 letters, digits, '.', '_', ':' or '-', no spaces.")
        }
    }

    /// A fresh opaque hold id: `H-` and 128 random bits in hex (SystemRandomNumberGenerator reads the kernel's getrandom).
    static func newHoldID() -> String {
        var generator = SystemRandomNumberGenerator()
        var text = "H-"
        for _ in 0 ..< 2 {
            let word: UInt64 = generator.next()
            let hex = String(word, radix: 16)
            text += String(repeating: "0", count: 16 - hex.count) + hex
        }
        return text
    }
}
