import SlotMatchCore
import SlotMatchFlow
import SlotMatchMatching

/// The nightly re-optimisation: every waiting request and every `pending` appointment over the free slots of
/// the horizon, solved exactly as one min-cost flow (`SlotMatchFlow.BalancingSolver`).
///
/// - Candidate edges: for each request its k best feasible slots from the slot index (k + group size − 1 for a group of
///   requests asking the same question, so identical callers are not all fighting over the same k), priced by the operator's
///   search (travel, wait, treating-GP bonus; `docs/ranking.md`), plus the slot it holds now (staying is always
///   possible, so the run never makes anyone worse off than dropping them). Deadlines are hard: the search offers
///   no slot after the request's deadline.
/// - Capacities: one flow node per GP and ISO week the horizon touches (Europe/Paris weeks, as the booking counts
///   them), of capacity `weeklyCap − fixed` (never below what the GP's pending appointments take now).
/// - Convex load costs on each GP-week and each pole: marginal cost steps up at 50/75/90 % of the capacity, up to
///   the search's `practitionerLoad` / `poleLoad` weight at the top, so demand spreads instead of piling up.
/// - A waiting request left unassigned costs a penalty doubling with urgency; a pending appointment is never
///   dropped (`keepPenalty`).
/// Pure: works on the values it is given, never reads the store.
public struct BalancePlanner: Sendable {
    public var settings: BalanceSettings

    public init(settings: BalanceSettings = .defaults) { self.settings = settings }

    private struct NodeKey: Hashable { var practitioner: Int32; var week: Int }

    /// What makes two requests' searches identical but for the deadline.
    private struct QueryKey: Hashable {
        var latitude: UInt64, longitude: UInt64, modes: UInt8, treating: Int32
        init(_ r: BalanceRequest) {
            latitude = r.location.latitude.bitPattern; longitude = r.location.longitude.bitPattern
            modes = r.modes.rawValue; treating = r.treatingPractitioner ?? -1
        }
    }

    /// Plans the run. `progress(done, total)` is called as candidate searches are done (for a terminal bar).
    public func plan(_ input: BalanceInput, progress: ((Int, Int) -> Void)? = nil) throws(InputError) -> BalancePlan {
        try input.validate()
        let weights = settings.weights

        // GP-week nodes, in first-seen order of the slots.
        var nodeOfKey: [NodeKey: Int32] = [:]
        var nodeKeys: [NodeKey] = []
        var slotNode = [Int32](repeating: 0, count: input.slots.count)
        for (s, slot) in input.slots.enumerated() {
            let key = NodeKey(practitioner: slot.practitioner, week: SNPWeekKey.days(of: slot.start, in: input.weekZone))
            if let n = nodeOfKey[key] { slotNode[s] = n; continue }
            let n = Int32(nodeKeys.count)
            nodeOfKey[key] = n; nodeKeys.append(key); slotNode[s] = n
        }
        var current = [Int](repeating: 0, count: nodeKeys.count)
        for r in input.requests { if let c = r.current { current[Int(slotNode[Int(c.slot)])] += 1 } }
        let fixed = nodeKeys.map { input.practitioners[Int($0.practitioner)].fixedLoadByWeek[$0.week] ?? 0 }
        let caps = nodeKeys.map { input.practitioners[Int($0.practitioner)].weeklyCap }
        let capacity = nodeKeys.indices.map { max(max(0, caps[$0] - fixed[$0]), current[$0]) }

        // Poles: the territory's, plus one without cost for GPs outside every pole.
        let outside = Int32(input.poles.count)
        let poleOfNode = nodeKeys.map { k -> Int32 in
            let p = input.practitioners[Int(k.practitioner)].pole
            return p >= 0 ? p : outside
        }
        let poleCount = input.poles.count + 1
        var poleCapacity = [Int](repeating: 0, count: poleCount)
        var poleFixed = [Int](repeating: 0, count: poleCount)
        var poleCurrent = [Int](repeating: 0, count: poleCount)
        for n in nodeKeys.indices {
            let q = Int(poleOfNode[n])
            poleCapacity[q] += caps[n]; poleFixed[q] += fixed[n]; poleCurrent[q] += current[n]
        }
        let gpCurves = nodeKeys.indices.map { curve(capacity: caps[$0], fixed: fixed[$0], weight: weights.practitionerLoad) }
        let poleCurves = (0 ..< poleCount).map { q in
            q == Int(outside) ? LoadCostCurve.flat : curve(capacity: poleCapacity[q], fixed: poleFixed[q], weight: weights.poleLoad)
        }

        // The slot index, holding the free slots and those of pending appointments. A GP with no capacity left in
        // any week is marked capped, so the search spends no candidate on them.
        var open = [Bool](repeating: false, count: input.practitioners.count)
        for n in nodeKeys.indices where capacity[n] > 0 { open[Int(nodeKeys[n].practitioner)] = true }
        let indexed = input.practitioners.enumerated().map { p, gp in
            IndexedPractitioner(location: gp.location, homeVisitRadiusKm: gp.homeVisitRadiusKm, weeklyCap: 1,
                                usedThisWeek: open[p] ? 0 : 1, modes: gp.modes, participatesInSNP: gp.participatesInSNP,
                                pole: gp.pole)
        }
        let index = try SlotIndex(practitioners: indexed, slots: input.slots.map {
            IndexedSlot(id: $0.id, practitioner: $0.practitioner, start: $0.start, end: $0.end, mode: $0.mode, visibility: $0.visibility)
        })
        var slotOfID: [Int64: Int32] = [:]
        for (s, slot) in input.slots.enumerated() { slotOfID[slot.id] = Int32(s) }
        var edgeWeights = weights
        edgeWeights.practitionerLoad = 0
        edgeWeights.poleLoad = 0
        let search = SlotSearch(weights: edgeWeights, travel: settings.travel)

        // Being served must always beat waiting: the base penalty is above any edge cost plus load costs the
        // horizon allows; each more urgent level doubles it (so the most urgent win a contested slot), and a pending
        // appointment is worth more than the most urgent waiting request (the job moves, never drops).
        let horizonMinutes = Int64(max(0, input.horizonEnd - input.now) / 60)
        let floor = Int64(weights.waitMinute) * horizonMinutes + Int64(weights.travelMinute) * Int64(settings.maxTravelMinutes)
            + Int64(weights.practitionerLoad) + Int64(weights.poleLoad) + 1
        let basePenalty = max(settings.basePenalty, floor)
        let keepPenalty = max(settings.keepPenalty, 16 * basePenalty)
        let requests = input.requests.map { request in
            AssignmentProblem.Request(unassignedPenalty: request.current != nil ? keepPenalty
                : (AssignmentProblem.Request(urgency: request.urgency, basePenalty: basePenalty)?.unassignedPenalty ?? 0))
        }

        // Requests that ask the same question (same place, modes and treating GP) see the same best slots: with k
        // candidates each, such a group could never use more than k slots. So each group is searched once, for
        // k + (group size − 1) slots up to the latest deadline in the group, and each member keeps those that start
        // by its own deadline.
        var groupOf: [QueryKey: [Int]] = [:]
        var groupOrder: [QueryKey] = []
        for (r, request) in input.requests.enumerated() where request.urgency.mayReceiveSlot && settings.candidatesPerRequest > 0 {
            let key = QueryKey(request)
            if groupOf[key] == nil { groupOrder.append(key) }
            groupOf[key, default: []].append(r)
        }
        let groups = groupOrder.map { groupOf[$0] ?? [] }
        var limit = groups.map { min(SlotPricing.maximumLimit, settings.candidatesPerRequest + $0.count - 1) }
        var found = [[RankedSlot]](repeating: [], count: groups.count)
        var stale = [Bool](repeating: true, count: groups.count)

        // Pricing rounds (column generation): solve on the candidates, then check with the optimal potentials π that no
        // slot left out could enter. A request's missing slots all cost at least its last candidate's cost c_k, so their
        // reduced cost is ≥ c_k + π(request) − max π(slot); when that is ≥ 0 for every truncated candidate list, the
        // optimum holds over ALL feasible slots, not just the k best. Otherwise those groups' limits double and it re-solves.
        var rounds = 0
        var exact = false
        var edges: [AssignmentProblem.Edge] = []
        var edgeCost: [Int64: Int64] = [:]  // (request << 32 | slot) → cost, to price moves
        var currentEdgeCost = [Int64](repeating: 0, count: input.requests.count)
        var problem: AssignmentProblem
        var solver: BalancingSolver
        var assignment: BalancedAssignment
        while true {
            rounds += 1
            for g in groups.indices where stale[g] {
                if rounds == 1 { progress?(g, groups.count) }
                let members = groups[g]
                let request = input.requests[members[0]]
                let deadline = members.map { input.requests[$0].deadline }.max() ?? request.deadline
                let query = SlotQuery(patient: request.location, now: input.now, deadline: min(deadline, input.horizonEnd - 1),
                                      modes: request.modes, treatingPractitioner: request.treatingPractitioner,
                                      limit: limit[g], maxTravelMinutes: settings.maxTravelMinutes)
                found[g] = search.find(query, in: index).slots
                stale[g] = false
            }
            if rounds == 1 { progress?(groups.count, groups.count) }
            var candidates = [[RankedSlot]](repeating: [], count: input.requests.count)
            for (g, members) in groups.enumerated() {
                for r in members { candidates[r] = found[g].filter { $0.start <= input.requests[r].deadline } }
            }
            edges.removeAll(keepingCapacity: true)
            edgeCost.removeAll(keepingCapacity: true)
            for (r, request) in input.requests.enumerated() {
                var holdsOwn = false
                for ranked in candidates[r] {
                    guard let s = slotOfID[ranked.slotID] else { continue }
                    edges.append(AssignmentProblem.Edge(request: Int32(r), slot: s, cost: Int64(ranked.cost)))
                    edgeCost[Int64(r) << 32 | Int64(s)] = Int64(ranked.cost)
                    if s == request.current?.slot { holdsOwn = true; currentEdgeCost[r] = Int64(ranked.cost) }
                }
                if let c = request.current, !holdsOwn {
                    let cost = self.cost(of: request, slot: input.slots[Int(c.slot)], now: input.now, search: search, index: index)
                    edges.append(AssignmentProblem.Edge(request: Int32(r), slot: c.slot, cost: cost))
                    edgeCost[Int64(r) << 32 | Int64(c.slot)] = cost
                    currentEdgeCost[r] = cost
                }
            }
            problem = AssignmentProblem(
                requests: requests, slots: slotNode.map { AssignmentProblem.Slot(practitioner: $0) }, edges: edges,
                practitioners: nodeKeys.indices.map {
                    AssignmentProblem.Practitioner(weeklyCap: Int64(capacity[$0]), load: gpCurves[$0], pole: poleOfNode[$0])
                },
                poles: poleCurves.map { AssignmentProblem.Pole(load: $0) })
            solver = try BalancingSolver(problem)
            assignment = solver.solve()

            let pi = solver.solution.certificate.potentials
            var maxSlotPotential = Int64.min
            for s in input.slots.indices { maxSlotPotential = max(maxSlotPotential, pi[Int(solver.layout.slotNode(Int32(s)))]) }
            var grow: [Int] = []
            var stuck = false
            for (g, members) in groups.enumerated() where found[g].count >= limit[g] {
                guard let last = found[g].last.map({ Int64($0.cost) }) else { continue }
                let mayImprove = members.contains { r in last + pi[Int(solver.layout.requestNode(Int32(r)))] - maxSlotPotential < 0 }
                guard mayImprove else { continue }
                if limit[g] >= SlotPricing.maximumLimit { stuck = true } else { grow.append(g) }
            }
            if grow.isEmpty { exact = !stuck; break }
            if rounds >= settings.maxPricingRounds { break }
            // Every member of a group gets the group's whole list: stay within the edge budget.
            var projected = 0
            let growing = Set(grow)
            for (g, members) in groups.enumerated() {
                projected += members.count * (growing.contains(g) ? min(SlotPricing.maximumLimit, limit[g] * 2) : limit[g])
            }
            if projected > settings.candidateEdgeBudget(requests: input.requests.count) { break }
            for g in grow { limit[g] = min(SlotPricing.maximumLimit, limit[g] * 2); stale[g] = true }
        }
        let certified = solver.solution.verify(in: solver.network)

        // The status quo by the same measure: current edges, penalties of the waiting, load costs now.
        var before: Int64 = 0
        for (r, request) in input.requests.enumerated() {
            before += request.current != nil ? currentEdgeCost[r] : requests[r].unassignedPenalty
        }
        for n in nodeKeys.indices { before += gpCurves[n].cost(ofLoad: Int64(current[n])) }
        for q in 0 ..< poleCount { before += poleCurves[q].cost(ofLoad: Int64(poleCurrent[q])) }

        var moves: [BalanceMove] = []
        for (r, request) in input.requests.enumerated() {
            let to = assignment.slotOfRequest[r]
            guard to >= 0, to != request.current?.slot else { continue }
            let after = edgeCost[Int64(r) << 32 | Int64(to)] ?? 0
            let was = request.current != nil ? currentEdgeCost[r] : requests[r].unassignedPenalty
            moves.append(BalanceMove(requestID: request.id, appointmentID: request.current?.appointmentID,
                                     fromSlot: request.current?.slot, toSlot: to, costDelta: after - was))
        }
        moves.sort { ($0.appointmentID == nil ? 1 : 0, $0.requestID) < ($1.appointmentID == nil ? 1 : 0, $1.requestID) }

        let loads = nodeKeys.indices.map { n in
            PractitionerWeekLoad(practitioner: nodeKeys[n].practitioner, weekDays: nodeKeys[n].week, weeklyCap: caps[n],
                                 fixed: fixed[n], before: fixed[n] + current[n], after: fixed[n] + Int(assignment.practitionerLoads[n]))
        }.sorted { ($0.practitioner, $0.weekDays) < ($1.practitioner, $1.weekDays) }
        let poleLoads = input.poles.indices.map { q in
            PoleLoad(pole: Int32(q), capacity: poleCapacity[q], fixed: poleFixed[q], before: poleFixed[q] + poleCurrent[q],
                     after: poleFixed[q] + Int(assignment.poleLoads[q]))
        }
        let unassigned = assignment.unassigned.sorted {
            (requests[Int($0)].unassignedPenalty, -$0) > (requests[Int($1)].unassignedPenalty, -$1)
        }
        return BalancePlan(moves: moves, unassigned: unassigned, slotOfRequest: assignment.slotOfRequest, costBefore: before,
                           costAfter: assignment.cost, practitionerLoads: loads, poleLoads: poleLoads, problem: problem,
                           network: solver.layout.network, certified: certified, candidateEdgeCount: edges.count,
                           pricingRounds: rounds, exactOverAllFeasibleSlots: exact, solver: solver)
    }

    /// The convex load cost of a GP-week or pole holding `fixed` unmovable appointments out of `capacity`: the
    /// marginal cost of the n-th unit added is `weight × slope / 4` of the segment that load `fixed + n` falls in.
    func curve(capacity: Int, fixed: Int, weight: Int) -> LoadCostCurve {
        guard weight > 0, capacity > 0 else { return .flat }
        var costs: [Int64] = [], breakpoints: [Int64] = []
        for (k, slope) in settings.loadQuarterSlopes.enumerated() {
            let cost = Int64(weight) * slope / 4
            guard k < settings.loadBreakpointsPermille.count else { costs.append(cost); break }
            let end = (settings.loadBreakpointsPermille[k] * Int64(capacity) + 999) / 1000 - Int64(fixed)
            if end < 1 { continue }  // this segment is already used up by the fixed load
            if let last = breakpoints.last, end <= last { continue }  // zero-width segment (small capacities)
            costs.append(cost); breakpoints.append(end)
        }
        if costs.count == breakpoints.count, !breakpoints.isEmpty { breakpoints.removeLast() }
        return costs.isEmpty ? .flat : LoadCostCurve(marginalCosts: costs, breakpoints: breakpoints)
    }

    /// The search's cost of one given slot for a request (travel, wait, treating-GP bonus), as `SlotSearch` prices it.
    func cost(of request: BalanceRequest, slot: BalanceSlot, now: Int64, search: SlotSearch, index: SlotIndex) -> Int64 {
        let w = search.weights
        let travel = slot.mode == .video ? 0 : search.travelMinutes(from: request.location, toPractitioner: slot.practitioner, in: index)
        let wait = Int(max(0, slot.start - now) / 60)
        let bonus = slot.practitioner == request.treatingPractitioner ? -w.treatingGPBonus : 0
        return Int64(w.travelMinute * travel + w.waitMinute * wait + bonus)
    }
}
