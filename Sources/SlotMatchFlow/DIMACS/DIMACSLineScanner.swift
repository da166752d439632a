import SlotMatchCore

/// Walks the lines of a DIMACS file and the whitespace-separated fields of the current line.
struct DIMACSLineScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String?
    var line = 0
    private var next = 0      // start of the next line
    private var position = 0  // cursor in the current line
    private var lineEnd = 0

    init(bytes: UnsafeBufferPointer<UInt8>, file: String?) {
        self.bytes = bytes; self.file = file
    }

    mutating func nextLine() -> Bool {
        guard next < bytes.count else { return false }
        line += 1
        position = next
        var e = next
        while e < bytes.count && bytes[e] != 10 { e += 1 }
        lineEnd = e
        if lineEnd > position && bytes[lineEnd - 1] == 13 { lineEnd -= 1 }   // CRLF
        next = e + 1
        return true
    }

    private mutating func skipSpace() {
        while position < lineEnd && (bytes[position] == 32 || bytes[position] == 9) { position += 1 }
    }

    /// The line's first character (consumed), or nil on a blank line.
    mutating func firstLetter() -> UInt8? {
        skipSpace()
        guard position < lineEnd else { return nil }
        let c = bytes[position]
        position += 1
        if position < lineEnd && bytes[position] != 32 && bytes[position] != 9 && c != UInt8(ascii: "c") {
            return 0   // a word, not a one-letter line kind: reported as unknown
        }
        return c
    }

    mutating func word() -> String {
        skipSpace()
        let start = position
        while position < lineEnd && bytes[position] != 32 && bytes[position] != 9 { position += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    mutating func integer(_ what: String) throws(InputError) -> Int64 {
        skipSpace()
        guard position < lineEnd else {
            throw error("the \(what) is missing", remedy: "Complete the line (`p min NODES ARCS`, `n ID SUPPLY`, `a TAIL HEAD LOW CAP COST`).")
        }
        let start = position
        var negative = false
        if bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+") {
            negative = bytes[position] == UInt8(ascii: "-"); position += 1
        }
        var value: Int64 = 0
        var digits = 0
        while position < lineEnd, bytes[position] >= 48, bytes[position] <= 57 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int64(bytes[position] - 48))
            if o1 || o2 {
                throw error("the \(what) is too large", remedy: "Keep numbers below 9223372036854775807.")
            }
            value = s; digits += 1; position += 1
        }
        if digits == 0 || (position < lineEnd && bytes[position] != 32 && bytes[position] != 9) {
            var e = position
            while e < lineEnd && bytes[e] != 32 && bytes[e] != 9 { e += 1 }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<e]), as: UTF8.self)
            throw error("the \(what) `\(text)` is not a whole number", remedy: "Write the \(what) as an integer, such as 12 or -3.")
        }
        return negative ? -value : value
    }

    mutating func node(in count: Int) throws(InputError) -> Int32 {
        let id = try integer("node id")
        guard id >= 1 && id <= Int64(count) else {
            throw error("node \(id) does not exist", remedy: "Use node ids from 1 to \(count), as the problem line declares.")
        }
        return Int32(id - 1)
    }

    mutating func end() throws(InputError) {
        skipSpace()
        if position < lineEnd {
            throw error("unexpected text `\(word())` at the end of the line", remedy: "Remove it, or start the line with `c` to make it a comment.")
        }
    }

    func error(_ problem: String, remedy: String) -> InputError {
        InputError(SourcePlace(file: file, line: line), problem, remedy: remedy)
    }

    func missingProblemLine() -> InputError {
        error("a node or arc line before the problem line", remedy: "Put `p min NODES ARCS` before the `n` and `a` lines.")
    }
}
