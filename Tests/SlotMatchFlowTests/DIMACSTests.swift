import Testing
import SlotMatchCore
import SlotMatchFlow

@Suite struct DIMACSTests {
    @Test(arguments: 0..<20)
    func roundTripKeepsTheNetwork(seed: Int) throws {
        let net = RandomInstances.network(seed: UInt64(seed))
        let text = DIMACSWriter.text(of: net, comments: ["seed \(seed)", "two\nlines"])
        #expect(try DIMACSReader.read(text) == net)
    }

    @Test func roundTripOfABalancingNetworkKeepsItsOptimum() throws {
        let layout = try BalancingNetwork(RandomInstances.problem(seed: 4, requests: 20, slots: 30))
        let back = try DIMACSReader.read(bytes: DIMACSWriter.bytes(of: layout.network))
        #expect(back == layout.network)
        var a = MinCostFlowSolver(layout.network), b = MinCostFlowSolver(back)
        #expect(try a.solve() == b.solve())
    }

    @Test(arguments: 0..<10)
    func adjacencyListsEveryArcOnceUnderItsTail(seed: Int) {
        let net = RandomInstances.network(seed: UInt64(seed))
        let adjacency = FlowAdjacency(net)
        var seen: [Int32] = []
        for v in 0..<Int32(net.nodeCount) {
            let out = adjacency.arcs(leaving: v)
            #expect(out.allSatisfy { net.tails[Int($0)] == v })
            #expect(out.sorted() == Array(out))
            seen += out
        }
        #expect(seen.sorted() == Array(0..<Int32(net.arcCount)))
    }

    @Test func readsCommentsBlankLinesAndCRLF() throws {
        let text = "c a comment\r\n\r\np min 3 2\r\nn 1 4\r\nn 3 -4\r\nc between\r\na 1 2 0 4 -2\r\na 2 3 0 9 7\r\n"
        let net = try DIMACSReader.read(text, file: "t.min")
        #expect(net.supplies == [4, 0, -4])
        #expect(net.tails == [0, 1] && net.heads == [1, 2])
        #expect(net.capacities == [4, 9] && net.costs == [-2, 7])
    }

    @Test(arguments: [
        ("a 1 2 0 1 1\n", 1, "before the problem line"),
        ("p min 2 1\np min 2 1\n", 2, "second problem line"),
        ("p max 2 1\n", 1, "not `min`"),
        ("p min 2 1\na 1 3 0 1 1\n", 2, "node 3 does not exist"),
        ("p min 2 1\na 1 2 0 x 1\n", 2, "`x` is not a whole number"),
        ("p min 2 1\na 1 2 0 1\n", 2, "cost is missing"),
        ("p min 2 1\na 1 2 1 1 1\n", 2, "lower bound is 1"),
        ("p min 2 1\na 1 2 0 -1 1\n", 2, "below 0"),
        ("p min 2 1\nc ok\na 1 2 0 1 1\na 2 1 0 1 1\n", 4, "more arcs"),
        ("p min 2 2\na 1 2 0 1 1\n", 1, "announces 2 arcs but the file has 1"),
        ("p min 2 1\nn 1 5 6\n", 2, "unexpected text `6`"),
        ("p min 2 1\nx 1\n", 2, "a line starting with `x`"),
        ("p min 2 1\nnode 1 1\n", 2, "a line starting with"),
        ("c only a comment\n", 1, "no problem line"),
        ("p min 2 1\na 1 2 0 1 9999999999\n", 2, "too large to solve exactly"),
        ("p min 2 1\nn 1 99999999999999\n", 2, "too large to solve exactly"),
        ("p min 2 1\na 1 2 0 99999999999999999999 1\n", 2, "too large"),
    ])
    func readerErrorsNameTheLine(text: String, line: Int, words: String) {
        #expect { try DIMACSReader.read(text, file: "bad.min") } throws: { error in
            guard let e = error as? InputError else { return false }
            return e.place.line == line && e.place.file == "bad.min" && e.problem.contains(words)
        }
    }
}
