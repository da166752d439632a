import SlotMatchCore

/// Reads the DIMACS min-cost-flow format, the file every benchmark solver here reads.
///
/// DIMACS Implementation Challenge (1991), "Minimum cost flow" format: `c` comment lines, one problem
/// line `p min NODES ARCS`, node lines `n ID SUPPLY` (positive supply, negative demand; nodes not
/// listed have 0), arc lines `a TAIL HEAD LOW CAP COST`; node ids run from 1 to NODES. Ids are
/// turned into 0-based `Int32` node ids. Lower bounds other than 0 are refused (the solvers here
/// take lower bounds 0). Parsing works on bytes, without Foundation, so a 2-million-arc file
/// reads in well under a second.
public enum DIMACSReader {
    /// Parses a whole file's text. `file` names it in errors.
    public static func read(_ text: String, file: String? = nil) throws(InputError) -> FlowNetwork {
        let bytes = Array(text.utf8)
        return try read(bytes: bytes, file: file)
    }

    /// Parses a whole file's bytes. `file` names it in errors.
    public static func read(bytes: [UInt8], file: String? = nil) throws(InputError) -> FlowNetwork {
        let result: Result<FlowNetwork, InputError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(InputError) { return .success(try read(bytes: buffer, file: file)) }
            catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Parses a whole file's bytes. `file` names it in errors.
    public static func read(bytes: UnsafeBufferPointer<UInt8>, file: String? = nil) throws(InputError) -> FlowNetwork {
        var scanner = LineScanner(bytes: bytes, file: file)
        var network: FlowNetwork? = nil
        var declaredArcs = 0
        var problemLine = 0
        while scanner.nextLine() {
            guard let kind = scanner.firstLetter() else { continue }   // blank line
            switch kind {
            case UInt8(ascii: "c"):
                continue
            case UInt8(ascii: "p"):
                guard network == nil else {
                    throw scanner.error("a second problem line `p`", remedy: "Keep exactly one `p min NODES ARCS` line, before the node and arc lines.")
                }
                let word = scanner.word()
                guard word == "min" else {
                    throw scanner.error("the problem is `\(word)`, not `min`", remedy: "Use a DIMACS min-cost-flow file: its problem line reads `p min NODES ARCS`.")
                }
                let nodes = try scanner.integer("number of nodes")
                let arcs = try scanner.integer("number of arcs")
                guard nodes >= 0, nodes < Int64(Int32.max), arcs >= 0, arcs < Int64(Int32.max) else {
                    throw scanner.error("\(nodes) nodes and \(arcs) arcs is out of range", remedy: "Give between 0 and 2147483646 nodes and arcs.")
                }
                try scanner.end()
                var net = FlowNetwork(nodeCount: Int(nodes))
                net.reserveArcs(Int(arcs))
                network = net
                declaredArcs = Int(arcs)
                problemLine = scanner.line
            case UInt8(ascii: "n"):
                guard network != nil else { throw scanner.missingProblemLine() }
                let id = try scanner.node(in: network!.nodeCount)
                let supply = try scanner.integer("supply")
                try scanner.end()
                network!.supplies[Int(id)] = supply
            case UInt8(ascii: "a"):
                guard network != nil else { throw scanner.missingProblemLine() }
                let tail = try scanner.node(in: network!.nodeCount)
                let head = try scanner.node(in: network!.nodeCount)
                let low = try scanner.integer("lower bound")
                let cap = try scanner.integer("capacity")
                let cost = try scanner.integer("cost")
                try scanner.end()
                guard low == 0 else {
                    throw scanner.error("the lower bound is \(low)", remedy: "Write lower bound 0: shift a lower bound into the supplies of the arc's ends before exporting.")
                }
                guard cap >= 0 else {
                    throw scanner.error("the capacity is \(cap), below 0", remedy: "Give a capacity of 0 or more.")
                }
                guard network!.arcCount < declaredArcs else {
                    throw scanner.error("more arcs than the \(declaredArcs) the problem line announces", remedy: "Fix the arc count on the `p` line or remove the extra `a` lines.")
                }
                network!.addArc(from: tail, to: head, capacity: cap, cost: cost)
            default:
                throw scanner.error("a line starting with `\(Character(Unicode.Scalar(kind)))`", remedy: "Start every line with `c`, `p`, `n` or `a`.")
            }
        }
        guard let network else {
            throw InputError(SourcePlace(file: file, line: scanner.line), "no problem line `p min NODES ARCS`", remedy: "Add the problem line before the node and arc lines.")
        }
        guard network.arcCount == declaredArcs else {
            throw InputError(SourcePlace(file: file, line: problemLine),
                             "the problem line announces \(declaredArcs) arcs but the file has \(network.arcCount)",
                             remedy: "Fix the arc count on the `p` line or add the missing `a` lines.")
        }
        return network
    }
}

/// Walks the lines of a DIMACS file and the whitespace-separated fields of the current line.
struct LineScanner {
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
