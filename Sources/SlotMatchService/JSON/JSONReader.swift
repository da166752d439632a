/// A strict, allocation-light JSON reader for one request line (RFC 8259), written for the service:
/// the whole input must be one value (whitespace around it allowed), UTF-8 is validated first (RFC 3629),
/// nesting is limited, and duplicate object keys are refused (RFC 8259 §4 leaves them undefined; we
/// refuse rather than guess which one the client meant).
///
/// Complexity: O(n) in the bytes, recursion depth ≤ `maximumDepth`.
public struct JSONReader {
    /// Deepest nesting of arrays and objects accepted (a request needs about 4).
    public static let defaultMaximumDepth = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    private let maximumDepth: Int
    private var at = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes; self.maximumDepth = maximumDepth
    }

    /// Parses `bytes` as exactly one JSON value.
    public static func parse(_ bytes: [UInt8], maximumDepth: Int = defaultMaximumDepth) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) -> JSONValue in
            try parse(buffer, maximumDepth: maximumDepth)
        }
    }

    public static func parse(_ text: String, maximumDepth: Int = defaultMaximumDepth) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8), maximumDepth: maximumDepth)
    }

    public static func parse(_ buffer: UnsafeBufferPointer<UInt8>, maximumDepth: Int = defaultMaximumDepth) throws(JSONSyntaxError) -> JSONValue {
        if let bad = UTF8Check.firstInvalidOffset(buffer) {
            throw JSONSyntaxError(.invalidUTF8, at: bad, "the text is not valid UTF-8")
        }
        var reader = JSONReader(buffer, maximumDepth: maximumDepth)
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.at == buffer.count else {
            throw JSONSyntaxError(.syntax, at: reader.at, "unexpected text after the JSON value")
        }
        return value
    }

    // RFC 8259 §2: insignificant whitespace is space, tab, line feed, carriage return.
    private mutating func skipSpace() {
        while at < bytes.count {
            let b = bytes[at]
            guard b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D else { return }
            at += 1
        }
    }

    private func fail(_ problem: String) -> JSONSyntaxError { JSONSyntaxError(.syntax, at: at, problem) }

    private mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard at < bytes.count else { throw fail("the JSON value is missing or cut short") }
        switch bytes[at] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw fail("unexpected character where a JSON value should start")
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let n = word.utf8CodeUnitCount
        guard at + n <= bytes.count else { throw fail("unknown word (expected \(word))") }
        let p = word.utf8Start
        for i in 0..<n where bytes[at + i] != p[i] { throw fail("unknown word (expected \(word))") }
        at += n
    }

    private mutating func checkDepth(_ depth: Int) throws(JSONSyntaxError) {
        if depth > maximumDepth {
            throw JSONSyntaxError(.tooDeep, at: at, "arrays and objects are nested deeper than \(maximumDepth) levels")
        }
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        try checkDepth(depth)
        at += 1
        var items: [JSONValue] = []
        skipSpace()
        if at < bytes.count && bytes[at] == UInt8(ascii: "]") { at += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value(depth: depth))
            skipSpace()
            guard at < bytes.count else { throw fail("the array is not closed with ]") }
            if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
            if bytes[at] == UInt8(ascii: "]") { at += 1; return .array(items) }
            throw fail("expected , or ] in the array")
        }
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        try checkDepth(depth)
        at += 1
        var object = JSONObject()
        skipSpace()
        if at < bytes.count && bytes[at] == UInt8(ascii: "}") { at += 1; return .object(object) }
        while true {
            skipSpace()
            guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { throw fail("expected a member name in quotes") }
            let keyOffset = at
            let key = try string()
            skipSpace()
            guard at < bytes.count, bytes[at] == UInt8(ascii: ":") else { throw fail("expected : after the member name") }
            at += 1
            skipSpace()
            let v = try value(depth: depth)
            guard object.appendNew(key, v) else {
                throw JSONSyntaxError(.duplicateKey, at: keyOffset, "the member name \"\(key)\" appears twice in one object")
            }
            skipSpace()
            guard at < bytes.count else { throw fail("the object is not closed with }") }
            if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
            if bytes[at] == UInt8(ascii: "}") { at += 1; return .object(object) }
            throw fail("expected , or } in the object")
        }
    }

    // RFC 8259 §7: strings; control characters must be escaped; \u escapes with UTF-16 surrogate pairs.
    private mutating func string() throws(JSONSyntaxError) -> String {
        at += 1
        let start = at
        // Fast path: no escapes.
        while at < bytes.count {
            let b = bytes[at]
            if b == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
                at += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw fail("a control character inside a string must be escaped") }
            at += 1
        }
        var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<at]))
        while at < bytes.count {
            let b = bytes[at]
            if b == UInt8(ascii: "\"") {
                at += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 { throw fail("a control character inside a string must be escaped") }
            if b != UInt8(ascii: "\\") { out.append(b); at += 1; continue }
            at += 1
            guard at < bytes.count else { break }
            let e = bytes[at]
            at += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard at + 1 < bytes.count, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") else {
                        throw fail("a \\u escape of a high surrogate must be followed by a low surrogate")
                    }
                    at += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw fail("a \\u high surrogate is followed by something else than a low surrogate") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw fail("a \\u escape is a lone low surrogate")
                }
                guard let u = Unicode.Scalar(scalar) else { throw fail("a \\u escape is not a Unicode scalar") }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                throw fail("unknown escape \\\(Character(Unicode.Scalar(e)))")
            }
        }
        throw fail("the string is not closed with a quote")
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard at + 4 <= bytes.count else { throw fail("a \\u escape needs four hexadecimal digits") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[at]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw fail("a \\u escape needs four hexadecimal digits")
            }
            v = v << 4 | d
            at += 1
        }
        return v
    }

    // RFC 8259 §6: number = [ minus ] int [ frac ] [ exp ]; int = zero / ( digit1-9 *DIGIT ).
    private mutating func number() throws(JSONSyntaxError) -> JSONNumber {
        let start = at
        if bytes[at] == UInt8(ascii: "-") { at += 1 }
        guard at < bytes.count, isDigit(bytes[at]) else { throw fail("a number needs a digit after the minus sign") }
        if bytes[at] == UInt8(ascii: "0") {
            at += 1
            if at < bytes.count && isDigit(bytes[at]) { throw fail("a number may not start with 0 followed by digits") }
        } else {
            while at < bytes.count && isDigit(bytes[at]) { at += 1 }
        }
        if at < bytes.count && bytes[at] == UInt8(ascii: ".") {
            at += 1
            guard at < bytes.count, isDigit(bytes[at]) else { throw fail("a number needs digits after the decimal point") }
            while at < bytes.count && isDigit(bytes[at]) { at += 1 }
        }
        if at < bytes.count && (bytes[at] == UInt8(ascii: "e") || bytes[at] == UInt8(ascii: "E")) {
            at += 1
            if at < bytes.count && (bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-")) { at += 1 }
            guard at < bytes.count, isDigit(bytes[at]) else { throw fail("a number needs digits in its exponent") }
            while at < bytes.count && isDigit(bytes[at]) { at += 1 }
        }
        guard at - start <= 100 else { throw fail("a number is longer than 100 characters") }
        return JSONNumber(validatedText: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self))
    }

    @inline(__always) private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
