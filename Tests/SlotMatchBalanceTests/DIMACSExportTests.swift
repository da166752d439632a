import SlotMatchCore
import SlotMatchFlow
import Testing
@testable import SlotMatchBalance

@Suite struct DIMACSExportTests {
    @Test(arguments: [11, 12, 13])
    func theExportedProblemReadsBackAndSolvesToTheSameCost(seed: UInt64) throws {
        var rng = SplitMix(seed)
        let gps = (0 ..< 4).map { gp($0, km: Double(rng.next() % 20), cap: 2 + Int(rng.next() % 3), pole: Int32($0 % 2)) }
        var slots: [BalanceSlot] = []
        for n in 0 ..< 4 { for k in 0 ..< 5 { slots.append(slot(Int64(n * 10 + k), gp: Int32(n), hours: 1 + Double(rng.next() % 30))) } }
        let requests = (0 ..< 10).map { r in
            request("R-\(r)", urgency: r % 3 == 0 ? .sameDay : .within48h, at: north(of: rambouillet, km: Double(rng.next() % 15)),
                    current: r == 0 ? .init(appointmentID: 1, slot: 3) : nil)
        }
        let plan = try BalancePlanner().plan(input(gps, slots, requests))
        let bytes = plan.dimacs(comments: ["test export"])
        #expect(String(decoding: bytes.prefix(12), as: UTF8.self) == "c test expor")
        let read = try DIMACSReader.read(bytes: bytes)
        #expect(read.nodeCount == plan.network.nodeCount && read.arcCount == plan.network.arcCount)
        #expect(read.costs == plan.network.costs && read.capacities == plan.network.capacities && read.supplies == plan.network.supplies)
        var solver = MinCostFlowSolver(read)
        #expect(try solver.solve() == plan.costAfter)
        #expect(solver.solution.verify(in: read))
    }
}
