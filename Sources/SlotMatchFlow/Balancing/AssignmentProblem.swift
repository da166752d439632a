import SlotMatchCore

/// The nightly balancing problem as plain values: requests, candidate slots, GPs' caps and load costs.
///
/// Indices are positions in the arrays (`Int32`). Only feasible candidates appear as edges (slots
/// after a request's deadline are simply not edges: deadlines are hard). Each slot serves at most one
/// request; each practitioner serves at most `weeklyCap` requests (their weekly SNP cap); a request
/// left without a slot costs its `unassignedPenalty`. `BalancingNetwork` turns it into a min-cost flow.
public struct AssignmentProblem: Sendable, Hashable {
    /// A request waiting for a slot.
    public struct Request: Sendable, Hashable {
        /// What leaving it unassigned costs; larger for more urgent requests, so they are served first.
        public var unassignedPenalty: Int64
        public init(unassignedPenalty: Int64) { self.unassignedPenalty = unassignedPenalty }

        /// The penalty grows with urgency: `base` for within-48h, doubling at each more urgent level.
        /// Nil for levels that never receive a GP slot (vital goes to the SAMU-15, advice needs none).
        public init?(urgency: UrgencyLevel, basePenalty: Int64 = 300) {
            let factor: Int64
            switch urgency {
            case .within48h: factor = 1
            case .within24h: factor = 2
            case .sameDay: factor = 4
            case .urgent: factor = 8
            case .vital, .advice: return nil
            }
            unassignedPenalty = basePenalty * factor
        }
    }

    /// A free slot, and the practitioner whose agenda it belongs to.
    public struct Slot: Sendable, Hashable {
        public var practitioner: Int32
        public init(practitioner: Int32) { self.practitioner = practitioner }
    }

    /// A feasible candidate: `request` may take `slot` at the operator's search `cost`.
    public struct Edge: Sendable, Hashable {
        public var request: Int32
        public var slot: Int32
        public var cost: Int64
        public init(request: Int32, slot: Int32, cost: Int64) {
            self.request = request; self.slot = slot; self.cost = cost
        }
    }

    /// A GP: weekly SNP cap, convex cost of their load, and their pole.
    public struct Practitioner: Sendable, Hashable {
        public var weeklyCap: Int64
        public var load: LoadCostCurve
        public var pole: Int32
        public init(weeklyCap: Int64, load: LoadCostCurve = .flat, pole: Int32) {
            self.weeklyCap = weeklyCap; self.load = load; self.pole = pole
        }
    }

    /// A pole (group of communes): convex cost of its load.
    public struct Pole: Sendable, Hashable {
        public var load: LoadCostCurve
        public init(load: LoadCostCurve = .flat) { self.load = load }
    }

    public var requests: [Request]
    public var slots: [Slot]
    public var edges: [Edge]
    public var practitioners: [Practitioner]
    public var poles: [Pole]

    public init(requests: [Request], slots: [Slot], edges: [Edge], practitioners: [Practitioner], poles: [Pole]) {
        self.requests = requests; self.slots = slots; self.edges = edges
        self.practitioners = practitioners; self.poles = poles
    }

    /// Throws the first inconsistency (an index out of range, a negative cap or penalty, a
    /// non-convex curve), placed by a JSON-style path such as `$.edges[3].slot`.
    public func validate() throws(InputError) {
        func fail(_ path: String, _ problem: String, _ remedy: String) -> InputError {
            InputError(SourcePlace(jsonPath: path), problem, remedy: remedy)
        }
        let maxCost = FlowNetwork.maximumCost
        for (i, r) in requests.enumerated() where r.unassignedPenalty < 0 || r.unassignedPenalty > maxCost {
            throw fail("$.requests[\(i)].unassignedPenalty", "the penalty \(r.unassignedPenalty) is outside 0…\(maxCost)",
                       "Give a penalty between 0 and \(maxCost).")
        }
        for (i, s) in slots.enumerated() where s.practitioner < 0 || Int(s.practitioner) >= practitioners.count {
            throw fail("$.slots[\(i)].practitioner", "practitioner \(s.practitioner) does not exist", "Use an index below \(practitioners.count).")
        }
        for (i, e) in edges.enumerated() {
            if e.request < 0 || Int(e.request) >= requests.count {
                throw fail("$.edges[\(i)].request", "request \(e.request) does not exist", "Use an index below \(requests.count).")
            }
            if e.slot < 0 || Int(e.slot) >= slots.count {
                throw fail("$.edges[\(i)].slot", "slot \(e.slot) does not exist", "Use an index below \(slots.count).")
            }
            if e.cost.magnitude > maxCost.magnitude {
                throw fail("$.edges[\(i)].cost", "the cost \(e.cost) is outside ±\(maxCost)", "Scale the search costs down.")
            }
        }
        for (i, p) in practitioners.enumerated() {
            if p.weeklyCap < 0 || p.weeklyCap > FlowNetwork.maximumCapacity {
                throw fail("$.practitioners[\(i)].weeklyCap", "the weekly cap \(p.weeklyCap) is outside 0…\(FlowNetwork.maximumCapacity)", "Give a cap of 0 or more.")
            }
            if p.pole < 0 || Int(p.pole) >= poles.count {
                throw fail("$.practitioners[\(i)].pole", "pole \(p.pole) does not exist", "Use an index below \(poles.count).")
            }
            if let problem = p.load.problem(maximumCost: maxCost) { throw fail("$.practitioners[\(i)].load", problem, "Fix the load cost curve.") }
        }
        for (i, p) in poles.enumerated() {
            if let problem = p.load.problem(maximumCost: maxCost) { throw fail("$.poles[\(i)].load", problem, "Fix the load cost curve.") }
        }
    }
}
