import Testing
import SlotMatchCore
import SlotMatchFlow

@Suite struct BalancingSolverTests {
    /// Every assignment of requests to candidate slots (or none), keeping slots distinct and caps.
    static func bruteForce(_ p: AssignmentProblem) -> Int64 {
        var byRequest = [[AssignmentProblem.Edge]](repeating: [], count: p.requests.count)
        for e in p.edges { byRequest[Int(e.request)].append(e) }
        var usedSlot = Set<Int32>()
        var gpLoad = [Int64](repeating: 0, count: p.practitioners.count)
        var best = Int64.max
        func go(_ r: Int, _ cost: Int64) {
            if r == p.requests.count {
                var total = cost
                var poleLoad = [Int64](repeating: 0, count: p.poles.count)
                for (g, gp) in p.practitioners.enumerated() {
                    total += gp.load.cost(ofLoad: gpLoad[g]); poleLoad[Int(gp.pole)] += gpLoad[g]
                }
                for (q, pole) in p.poles.enumerated() { total += pole.load.cost(ofLoad: poleLoad[q]) }
                best = min(best, total)
                return
            }
            go(r + 1, cost + p.requests[r].unassignedPenalty)
            for e in byRequest[r] where !usedSlot.contains(e.slot) {
                let g = Int(p.slots[Int(e.slot)].practitioner)
                if gpLoad[g] >= p.practitioners[g].weeklyCap { continue }
                usedSlot.insert(e.slot); gpLoad[g] += 1
                go(r + 1, cost + e.cost)
                usedSlot.remove(e.slot); gpLoad[g] -= 1
            }
        }
        go(0, 0)
        return best
    }

    /// Slots distinct, only candidate edges used, caps kept, loads consistent.
    static func checkFeasible(_ a: BalancedAssignment, _ p: AssignmentProblem, cancelled: Set<Int32> = []) {
        let candidates = Set(p.edges.map { [$0.request, $0.slot] })
        var seen = Set<Int32>()
        var load = [Int64](repeating: 0, count: p.practitioners.count)
        for (r, s) in a.slotOfRequest.enumerated() where s >= 0 {
            #expect(!cancelled.contains(Int32(r)))
            #expect(candidates.contains([Int32(r), s]), "request \(r) got slot \(s), not a candidate (a deadline broken)")
            #expect(seen.insert(s).inserted, "slot \(s) used twice")
            load[Int(p.slots[Int(s)].practitioner)] += 1
        }
        #expect(load == a.practitionerLoads)
        for (g, gp) in p.practitioners.enumerated() { #expect(load[g] <= gp.weeklyCap, "GP \(g) over their cap") }
    }

    @Test(arguments: 0..<80)
    func smallRandomProblemsMatchBruteForce(seed: Int) throws {
        let p = RandomInstances.problem(seed: UInt64(seed), requests: 2 + seed % 5, slots: 2 + seed % 6)
        var solver = try BalancingSolver(p)
        let a = solver.solve()
        #expect(a.cost == Self.bruteForce(p))
        #expect(solver.solution.verify(in: solver.network))
        Self.checkFeasible(a, p)
    }

    @Test(arguments: 0..<20)
    func largerRandomProblemsAreCertifiedAndFeasible(seed: Int) throws {
        let p = RandomInstances.problem(seed: UInt64(500 + seed), requests: 120, slots: 200, practitioners: 12,
                                        poles: 3, edgesPerRequest: 6)
        var solver = try BalancingSolver(p)
        let a = solver.solve()
        #expect(solver.solution.certificate.violation(flow: solver.solution.flow, in: solver.network) == nil)
        Self.checkFeasible(a, p)
        #expect(a.unassigned.count + a.slotOfRequest.filter { $0 >= 0 }.count == p.requests.count)
    }

    @Test func convexLoadCostSpreadsLoad() throws {
        // Two GPs in one pole; GP 0's slots are 1 cheaper for everyone.
        let reqs = Array(repeating: AssignmentProblem.Request(unassignedPenalty: 1000), count: 4)
        let slots = (0..<8).map { AssignmentProblem.Slot(practitioner: Int32($0 / 4)) }
        var edges: [AssignmentProblem.Edge] = []
        for r in 0..<4 { for s in 0..<8 { edges.append(.init(request: Int32(r), slot: Int32(s), cost: s < 4 ? 10 : 11)) } }
        func loads(_ curve: LoadCostCurve) throws -> [Int64] {
            let gps = (0..<2).map { _ in AssignmentProblem.Practitioner(weeklyCap: 4, load: curve, pole: 0) }
            var solver = try BalancingSolver(AssignmentProblem(requests: reqs, slots: slots, edges: edges,
                                                               practitioners: gps, poles: [.init()]))
            return solver.solve().practitionerLoads
        }
        #expect(try loads(.flat) == [4, 0])                                            // piles up on the cheaper GP
        #expect(try loads(LoadCostCurve(marginalCosts: [0, 5], breakpoints: [2])) == [2, 2])   // spread
    }

    @Test func poleLoadCostSpreadsAcrossPoles() throws {
        let reqs = Array(repeating: AssignmentProblem.Request(unassignedPenalty: 1000), count: 4)
        let slots = (0..<8).map { AssignmentProblem.Slot(practitioner: Int32($0 / 4)) }
        var edges: [AssignmentProblem.Edge] = []
        for r in 0..<4 { for s in 0..<8 { edges.append(.init(request: Int32(r), slot: Int32(s), cost: s < 4 ? 10 : 12)) } }
        let gps = (0..<2).map { AssignmentProblem.Practitioner(weeklyCap: 4, pole: Int32($0)) }
        let pole = AssignmentProblem.Pole(load: LoadCostCurve(marginalCosts: [0, 3, 9], breakpoints: [1, 2]))
        var solver = try BalancingSolver(AssignmentProblem(requests: reqs, slots: slots, edges: edges,
                                                           practitioners: gps, poles: [pole, pole]))
        #expect(solver.solve().poleLoads == [2, 2])
    }

    @Test func mostUrgentRequestIsServedFirst() throws {
        let urgent = try #require(AssignmentProblem.Request(urgency: .urgent))
        let routine = try #require(AssignmentProblem.Request(urgency: .within48h))
        #expect(AssignmentProblem.Request(urgency: .vital) == nil)
        // One slot, two requests; the routine one is even a little cheaper to place.
        let p = AssignmentProblem(requests: [routine, urgent], slots: [.init(practitioner: 0)],
                                  edges: [.init(request: 0, slot: 0, cost: 5), .init(request: 1, slot: 0, cost: 20)],
                                  practitioners: [.init(weeklyCap: 5, pole: 0)], poles: [.init()])
        var solver = try BalancingSolver(p)
        let a = solver.solve()
        #expect(a.slotOfRequest == [-1, 0])
        #expect(a.unassigned == [0])
    }

    @Test func weeklyCapIsNeverExceeded() throws {
        let reqs = Array(repeating: AssignmentProblem.Request(unassignedPenalty: 500), count: 5)
        let slots = (0..<5).map { _ in AssignmentProblem.Slot(practitioner: 0) }
        let edges = (0..<5).map { AssignmentProblem.Edge(request: Int32($0), slot: Int32($0), cost: 1) }
        var solver = try BalancingSolver(AssignmentProblem(requests: reqs, slots: slots, edges: edges,
                                                           practitioners: [.init(weeklyCap: 2, pole: 0)], poles: [.init()]))
        let a = solver.solve()
        #expect(a.practitionerLoads == [2])
        #expect(a.unassigned.count == 3)
        #expect(a.cost == 2 + 3 * 500)
    }

    @Test(arguments: [
        (AssignmentProblem(requests: [.init(unassignedPenalty: 1)], slots: [.init(practitioner: 3)], edges: [],
                           practitioners: [], poles: []), "$.slots[0].practitioner"),
        (AssignmentProblem(requests: [.init(unassignedPenalty: 1)], slots: [], edges: [.init(request: 0, slot: 2, cost: 1)],
                           practitioners: [], poles: []), "$.edges[0].slot"),
        (AssignmentProblem(requests: [], slots: [], edges: [],
                           practitioners: [.init(weeklyCap: 1, load: LoadCostCurve(marginalCosts: [5, 1], breakpoints: [2]), pole: 0)],
                           poles: [.init()]), "$.practitioners[0].load"),
        (AssignmentProblem(requests: [.init(unassignedPenalty: Int64.max)], slots: [], edges: [],
                           practitioners: [], poles: []), "$.requests[0].unassignedPenalty"),
        (AssignmentProblem(requests: [.init(unassignedPenalty: 1)], slots: [.init(practitioner: 0)],
                           edges: [.init(request: 0, slot: 0, cost: -(1 << 40))],
                           practitioners: [.init(weeklyCap: 1, pole: 0)], poles: [.init()]), "$.edges[0].cost"),
    ])
    func invalidProblemsAreRefusedWithAPlace(problem: AssignmentProblem, path: String) {
        #expect { try BalancingSolver(problem) } throws: { error in
            (error as? InputError)?.place.jsonPath == path
        }
    }

    @Test(arguments: 0..<40)
    func incrementalChangesEqualAFreshSolve(seed: Int) throws {
        var rng = SeededRandom(seed: UInt64(7000 + seed))
        let p = RandomInstances.problem(seed: UInt64(3000 + seed), requests: 30, slots: 45, practitioners: 6,
                                        poles: 2, edgesPerRequest: 4)
        var solver = try BalancingSolver(p)
        solver.solve()
        var cancelled = Set<Int32>()
        for step in 0..<9 {
            switch step % 3 {
            case 0:
                let candidates = (0..<3).map { _ in (slot: Int32(rng.int(0...44)), cost: Int64(rng.int(0...30))) }
                let r = try solver.addRequest(.init(unassignedPenalty: Int64(rng.int(10...90))), candidates: candidates)
                #expect(Int(r) == 30 + step / 3)
            case 1:
                let r = Int32(rng.int(0...29)); cancelled.insert(r)
                solver.cancelRequest(r)
            default:
                solver.removeSlot(Int32(rng.int(0...44)))
            }
            let changed = solver.network
            var fresh = MinCostFlowSolver(changed)
            #expect(try fresh.solve() == solver.assignment.cost)
            let solution = solver.solution
            #expect(solution.certificate.violation(flow: solution.flow, in: changed) == nil)
        }
        for r in cancelled { #expect(solver.assignment.slotOfRequest[Int(r)] == -1) }
    }

    @Test func addRequestRefusesUnknownSlotsAndRepeatedChangesAreHarmless() throws {
        let p = RandomInstances.problem(seed: 5, requests: 4, slots: 5)
        var solver = try BalancingSolver(p)
        let before = solver.solve().cost
        #expect { try solver.addRequest(.init(unassignedPenalty: 10), candidates: [(slot: 9, cost: 1)]) } throws: { error in
            (error as? InputError)?.place.jsonPath == "$.candidates[0].slot"
        }
        #expect(solver.assignment.cost == before)       // nothing was added
        solver.cancelRequest(1)
        let afterCancel = solver.assignment.cost
        solver.cancelRequest(1)                           // twice: no change
        solver.cancelRequest(42)                          // unknown: no change
        #expect(solver.assignment.cost == afterCancel)
        solver.removeSlot(0); solver.removeSlot(0)
        var fresh = MinCostFlowSolver(solver.network)
        #expect(try fresh.solve() == solver.assignment.cost)
    }

    @Test func incrementalRepairMatchesBruteForceOfTheChangedProblem() throws {
        let p = RandomInstances.problem(seed: 99, requests: 5, slots: 6)
        var solver = try BalancingSolver(p)
        solver.solve()
        solver.removeSlot(2)
        solver.cancelRequest(0)
        try solver.addRequest(.init(unassignedPenalty: 40), candidates: [(slot: 1, cost: 3), (slot: 4, cost: 8)])
        var changed = p
        changed.edges.removeAll { $0.slot == 2 || $0.request == 0 }
        changed.requests[0].unassignedPenalty = 0     // a cancelled request costs nothing either way
        changed.requests.append(.init(unassignedPenalty: 40))
        changed.edges += [.init(request: 5, slot: 1, cost: 3), .init(request: 5, slot: 4, cost: 8)]
        #expect(solver.assignment.cost == Self.bruteForce(changed))
    }
}
