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
        var scanner = DIMACSLineScanner(bytes: bytes, file: file)
        var network = FlowNetwork(nodeCount: 0)
        var haveProblem = false
        var declaredArcs = 0
        var problemLine = 0
        while scanner.nextLine() {
            guard let kind = scanner.firstLetter() else { continue }   // blank line
            switch kind {
            case UInt8(ascii: "c"):
                continue
            case UInt8(ascii: "p"):
                guard !haveProblem else {
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
                network = FlowNetwork(nodeCount: Int(nodes))
                network.reserveArcs(Int(arcs))
                haveProblem = true
                declaredArcs = Int(arcs)
                problemLine = scanner.line
            case UInt8(ascii: "n"):
                guard haveProblem else { throw scanner.missingProblemLine() }
                let id = try scanner.node(in: network.nodeCount)
                let supply = try scanner.integer("supply")
                try scanner.end()
                guard supply.magnitude <= UInt64(FlowNetwork.maximumCapacity) else {
                    throw scanner.error("the supply \(supply) is too large to solve exactly in 64-bit integers",
                                        remedy: "Keep supplies within ±\(FlowNetwork.maximumCapacity).")
                }
                network.supplies[Int(id)] = supply
            case UInt8(ascii: "a"):
                guard haveProblem else { throw scanner.missingProblemLine() }
                let tail = try scanner.node(in: network.nodeCount)
                let head = try scanner.node(in: network.nodeCount)
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
                guard cap <= FlowNetwork.maximumCapacity, cost.magnitude <= FlowNetwork.maximumCost.magnitude else {
                    throw scanner.error("the capacity \(cap) or the cost \(cost) is too large to solve exactly in 64-bit integers",
                                        remedy: "Keep capacities up to \(FlowNetwork.maximumCapacity) and costs within ±\(FlowNetwork.maximumCost).")
                }
                guard network.arcCount < declaredArcs else {
                    throw scanner.error("more arcs than the \(declaredArcs) the problem line announces", remedy: "Fix the arc count on the `p` line or remove the extra `a` lines.")
                }
                network.addArc(from: tail, to: head, capacity: cap, cost: cost)
            default:
                throw scanner.error("a line starting with `\(Character(Unicode.Scalar(kind)))`", remedy: "Start every line with `c`, `p`, `n` or `a`.")
            }
        }
        guard haveProblem else {
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
