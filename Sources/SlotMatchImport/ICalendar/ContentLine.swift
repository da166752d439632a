/// One unfolded iCalendar content line split into name, parameters and value (RFC 5545 §3.1):
///
///     contentline = name *(";" param) ":" value CRLF
///
/// Names are upper-cased; parameter values are unquoted, split on commas outside quotes and have their
/// RFC 6868 escapes (`^n`, `^^`, `^'`) applied; the value is kept verbatim (TEXT escapes are the
/// value parsers' business). Scanning is over bytes; each `String` is built once from its slice.
public struct ContentLine: Sendable, Hashable {
    public var name: String
    public var parameters: [CalendarParameter]
    public var value: String
    /// Byte offset of the value in the logical line (after the colon).
    public var valueOffset: Int

    public init(name: String, parameters: [CalendarParameter], value: String, valueOffset: Int) {
        self.name = name; self.parameters = parameters; self.value = value; self.valueOffset = valueOffset
    }

    /// Parses one logical (already unfolded) line.
    public static func parse(_ line: [UInt8]) throws(ContentLineProblem) -> ContentLine {
        let result: Result<ContentLine, ContentLineProblem> = line.withUnsafeBufferPointer { p in
            do throws(ContentLineProblem) { return .success(try parse(p)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    public static func parse(_ line: UnsafeBufferPointer<UInt8>) throws(ContentLineProblem) -> ContentLine {
        var parameters: [CalendarParameter] = []
        var strings = ContentLineStrings()
        let (nameEnd, valueStart) = try scan(line, parameters: &parameters, strings: &strings)
        return ContentLine(name: upperCased(line, 0, nameEnd), parameters: parameters,
                           value: string(line, valueStart, line.count), valueOffset: valueStart)
    }

    // MARK: - Scanning

    /// RFC 5545 §3.1: name = iana-token / x-name, made of ALPHA, DIGIT and "-".
    @inline(__always)
    static func isNameByte(_ b: UInt8) -> Bool { nameByteTable.utf8Start[Int(b)] == 0x31 }

    /// '1' at the index of every name byte ('-', '0'-'9', 'A'-'Z', 'a'-'z'), '0' elsewhere (256 entries): one
    /// load per byte, and a literal, so no lazy initialisation is checked.
    @inline(__always)
    static var nameByteTable: StaticString {
        "0000000000000000000000000000000000000000000001001111111111000000011111111111111111111111111000000111111111111111111111111110000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    }

    /// Finds the end of the name and the start of the value, appending the parameters.
    /// `strings` shares the parameter names and short values that repeat from line to line.
    static func scan(_ p: UnsafeBufferPointer<UInt8>, parameters: inout [CalendarParameter], strings: inout ContentLineStrings)
        throws(ContentLineProblem) -> (nameEnd: Int, valueStart: Int) {
        let n = p.count
        var i = 0
        while i < n, isNameByte(p[i]) { i += 1 }
        let nameEnd = i
        guard i < n else { throw noColon(p) }
        if nameEnd == 0 || (p[i] != 0x3B && p[i] != 0x3A) {
            guard hasColon(p, from: i) else { throw noColon(p) }
            if nameEnd == 0 && p[i] == 0x3A {
                throw ContentLineProblem(offset: 0, problem: "the line starts with ':' so it has no property name",
                                         remedy: "Write the property name before the colon, e.g. SUMMARY:Consultation.")
            }
            if nameEnd == 0 && (p[i] == 0x20 || p[i] == 0x09) {
                throw ContentLineProblem(offset: 0, problem: "the line starts with a space but does not continue a previous line",
                                         remedy: "Remove the leading space, or join the line to the one before it.")
            }
            throw ContentLineProblem(offset: i, problem: "the property name contains '\(printable(p[i]))'",
                                     remedy: "Property names use only letters, digits and '-' (RFC 5545 §3.1), e.g. DTSTART or X-SLOT-DURATION.")
        }
        while p[i] == 0x3B {  // ';'
            i += 1
            let nameStart = i
            while i < n, isNameByte(p[i]) { i += 1 }
            guard i < n else { throw noColon(p) }
            guard i > nameStart else {
                throw ContentLineProblem(offset: i, problem: "a parameter after ';' has no name",
                                         remedy: "Write parameters as ;NAME=value, e.g. ;TZID=Europe/Paris, or remove the extra ';'.")
            }
            guard p[i] == 0x3D else {  // '='
                let parameterName = string(p, nameStart, i)
                throw ContentLineProblem(offset: i, problem: "the parameter \(parameterName) has no '=' and value",
                                         remedy: "Write it as \(parameterName)=value (RFC 5545 §3.2).")
            }
            let parameterName = strings.name(p, nameStart, i).text
            i += 1
            // The first value inline, further ones (after unquoted commas) in an array: no array for one value.
            var first: String?
            var others: [String] = []
            while true {
                let value: String
                if i < n, p[i] == 0x22 {  // quoted-string = DQUOTE *QSAFE-CHAR DQUOTE
                    let open = i
                    var j = i + 1
                    while j < n, p[j] != 0x22 { j += 1 }
                    guard j < n else {
                        throw ContentLineProblem(offset: open, problem: "the quote opened for parameter \(parameterName) is never closed",
                                                 remedy: "Add the closing '\"' after the value.")
                    }
                    value = parameterText(p, open + 1, j, &strings)
                    i = j + 1
                } else {
                    let start = i
                    while i < n {
                        let b = p[i]
                        if b == 0x2C || b == 0x3B || b == 0x3A { break }
                        if b == 0x22 {
                            throw ContentLineProblem(offset: i, problem: "a '\"' appears inside the unquoted value of parameter \(parameterName)",
                                                     remedy: "Put the whole value in quotes, or write a quote as ^' (RFC 6868).")
                        }
                        i += 1
                    }
                    value = parameterText(p, start, i, &strings)
                }
                if first == nil { first = value } else { others.append(value) }
                guard i < n else { throw noColon(p) }
                if p[i] == 0x2C { i += 1; continue }  // ',' another value
                break
            }
            guard p[i] == 0x3B || p[i] == 0x3A else {
                throw ContentLineProblem(offset: i, problem: "unexpected '\(printable(p[i]))' after the quoted value of parameter \(parameterName)",
                                         remedy: "After a closing quote comes ',', ';' or ':'.")
            }
            parameters.append(CalendarParameter(name: parameterName, firstValue: first, otherValues: others))
        }
        return (nameEnd, i + 1)
    }

    static func hasColon(_ p: UnsafeBufferPointer<UInt8>, from: Int) -> Bool {
        var i = from
        while i < p.count { if p[i] == 0x3A { return true }; i += 1 }
        return false
    }

    static func noColon(_ p: UnsafeBufferPointer<UInt8>) -> ContentLineProblem {
        ContentLineProblem(offset: p.count, problem: "the line has no ':' between the property name and its value",
                           remedy: "Each line must read NAME:value; if it continues the line before, start it with one space (RFC 5545 §3.1 folding).")
    }

    static func printable(_ b: UInt8) -> String {
        b >= 0x21 && b < 0x7F ? String(UnicodeScalar(b)) : (b == 0x20 ? "space" : "byte 0x" + String(b, radix: 16, uppercase: true))
    }

    // MARK: - Building strings from slices

    @inline(__always)
    static func string(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        let n = end - start
        // Up to 15 bytes the string is built in place (measured cheaper than the generic decoding); the
        // standard library validates (and would repair) the bytes either way, so the result is the same.
        if n <= 15 {
            return String(unsafeUninitializedCapacity: n) { out in
                if n > 0 { out.baseAddress!.update(from: p.baseAddress! + start, count: n) }
                return n
            }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: p[start ..< end]), as: UTF8.self)
    }

    /// ASCII upper-casing while copying (names are ASCII by `isNameByte`).
    @inline(__always)
    static func upperCased(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(unsafeUninitializedCapacity: end - start) { out in
            var k = 0
            for i in start ..< end {
                let b = p[i]
                out[k] = (b >= 0x61 && b <= 0x7A) ? b - 0x20 : b
                k += 1
            }
            return k
        }
    }

    /// A parameter value with RFC 6868 §3 escapes decoded: `^n` newline, `^^` caret, `^'` double quote;
    /// a caret before any other character is kept as it is.
    static func parameterText(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ strings: inout ContentLineStrings) -> String {
        var i = start
        while i < end, p[i] != 0x5E { i += 1 }
        if i == end { return strings.parameterValue(p, start, end) }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: p[start ..< i]))
        while i < end {
            let b = p[i]
            if b == 0x5E, i + 1 < end {
                switch p[i + 1] {
                case 0x6E, 0x4E: out.append(0x0A); i += 2; continue  // ^n (RFC 6868 lists lower case; N tolerated)
                case 0x5E: out.append(0x5E); i += 2; continue         // ^^
                case 0x27: out.append(0x22); i += 2; continue         // ^'
                default: break
                }
            }
            out.append(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
