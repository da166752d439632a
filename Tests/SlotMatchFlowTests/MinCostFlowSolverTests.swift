import Testing
import SlotMatchFlow

@Suite struct MinCostFlowSolverTests {
    @Test(arguments: 0..<60)
    func randomNetworkOptimumIsCertifiedAndMatchesReference(seed: Int) throws {
        let net = RandomInstances.network(seed: UInt64(seed))
        var solver = MinCostFlowSolver(net)
        let cost = try solver.solve()
        let solution = solver.solution
        #expect(solution.certificate.violation(flow: solution.flow, in: net) == nil)
        #expect(solution.verify(in: net))
        #expect(cost == ReferenceMinCostFlow.cost(of: net))
    }

    @Test(arguments: 0..<40)
    func negativeCostsWithoutNegativeCyclesMatchReference(seed: Int) throws {
        let net = RandomInstances.network(seed: UInt64(900 + seed), acyclic: true)
        var solver = MinCostFlowSolver(net)
        #expect(try solver.solve() == ReferenceMinCostFlow.cost(of: net))
        let solution = solver.solution
        #expect(solution.certificate.violation(flow: solution.flow, in: net) == nil)
    }

    @Test func certificateRejectsSuboptimalFlow() throws {
        // Two parallel routes 0 → 1; the optimum uses the cheap one.
        var net = FlowNetwork(nodeCount: 2)
        net.supplies = [1, -1]
        net.addArc(from: 0, to: 1, capacity: 1, cost: 5)
        net.addArc(from: 0, to: 1, capacity: 1, cost: 2)
        var solver = MinCostFlowSolver(net)
        #expect(try solver.solve() == 2)
        let certificate = solver.certificate
        #expect(certificate.verify(flow: [0, 1], in: net))
        #expect(!certificate.verify(flow: [1, 0], in: net))          // dearer route
        #expect(!certificate.verify(flow: [1, 1], in: net))          // not conserved
        #expect(!certificate.verify(flow: [0, 2], in: net))          // over capacity
        #expect(!OptimalityCertificate(potentials: [0, 0]).verify(flow: [0, 1], in: net))   // 0→1 cost 5 would be fine, but 2 > 0 carries flow
    }

    @Test func unbalancedSuppliesAreRefused() {
        var net = FlowNetwork(nodeCount: 2)
        net.supplies = [2, -1]
        net.addArc(from: 0, to: 1, capacity: 5, cost: 1)
        var solver = MinCostFlowSolver(net)
        #expect(throws: FlowSolverError.unbalanced(supplyBalance: 1)) { try solver.solve() }
    }

    @Test func infeasibleNetworkIsReported() {
        var net = FlowNetwork(nodeCount: 3)
        net.supplies = [2, 0, -2]
        net.addArc(from: 0, to: 1, capacity: 5, cost: 1)
        net.addArc(from: 1, to: 2, capacity: 1, cost: 1)
        var solver = MinCostFlowSolver(net)
        #expect(throws: FlowSolverError.infeasible(node: 0)) { try solver.solve() }
    }

    @Test(arguments: 0..<80)
    func generalChangesRepairToTheFreshOptimum(seed: Int) throws {
        var rng = SeededRandom(seed: UInt64(1000 + seed))
        let net = RandomInstances.network(seed: UInt64(seed))
        var solver = MinCostFlowSolver(net)
        try solver.solve()
        // A new node with a unit of supply, an arc to a demand and two random arcs.
        let demand = Int32(net.supplies.firstIndex(where: { $0 < 0 })!)
        let v = solver.addNode(supply: 1)
        solver.addArc(from: v, to: demand, capacity: 1, cost: 50)
        solver.addArc(from: v, to: Int32(rng.int(0...net.nodeCount - 1)), capacity: 2, cost: Int64(rng.int(-3...9)))
        solver.addArc(from: Int32(rng.int(0...net.nodeCount - 1)), to: v, capacity: 2, cost: Int64(rng.int(-3...9)))
        solver.setSupply(demand, solver.supply(of: demand) - 1)
        try solver.reoptimize()
        // Remove a random arc (its flow is rerouted); keep feasibility: not one of the guarantee arcs' ends.
        let arc = Int32(rng.int(0...net.arcCount - 1))
        solver.removeArc(arc)
        let changed = solver.network
        guard let reference = ReferenceMinCostFlow.cost(of: changed) else {
            #expect(throws: FlowSolverError.self) { try solver.reoptimize() }
            return
        }
        try solver.reoptimize()
        #expect(solver.totalCost == reference)
        #expect(solver.solution.verify(in: changed))
    }
}
