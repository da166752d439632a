import SlotMatchCore

/// The min-cost flow graph of an `AssignmentProblem`, and where each part of the problem sits in it.
///
/// Nodes, in this order: one per request (supply 1), per slot, per practitioner, per pole, then the
/// sink (demand = number of requests). Arcs: request → slot for each candidate edge (capacity 1,
/// the search cost); request → sink (capacity 1, the unassigned penalty); slot → practitioner
/// (capacity 1: a slot is used at most once); practitioner → pole, one parallel arc per segment of
/// the practitioner's load curve, capacities summing to the weekly cap; pole → sink, one per segment
/// of the pole's load curve, the last one unbounded. A flow of value 1 out of each request is then
/// exactly an assignment, and its cost is search costs + penalties + load costs.
public struct BalancingNetwork: Sendable, Hashable {
    public private(set) var network: FlowNetwork
    public let requestCount: Int
    public let slotCount: Int
    public let practitionerCount: Int
    public let poleCount: Int
    /// Arc of each problem edge, in the problem's order.
    public private(set) var edgeArcs: [Int32]
    /// Arc request → sink of each request.
    public private(set) var penaltyArcs: [Int32]
    /// Arc slot → practitioner of each slot.
    public private(set) var slotArcs: [Int32]
    /// The parallel practitioner → pole arcs of each practitioner.
    public private(set) var practitionerArcs: [[Int32]]
    /// The parallel pole → sink arcs of each pole.
    public private(set) var poleArcs: [[Int32]]

    /// Capacity standing for "no limit" on a pole's last load segment.
    public static let unbounded = Int64(Int32.max)

    public init(_ problem: AssignmentProblem) throws(InputError) {
        try problem.validate()
        requestCount = problem.requests.count
        slotCount = problem.slots.count
        practitionerCount = problem.practitioners.count
        poleCount = problem.poles.count
        let nodes = requestCount + slotCount + practitionerCount + poleCount + 1
        var net = FlowNetwork(nodeCount: nodes)
        net.reserveArcs(problem.edges.count + requestCount + slotCount + 3 * practitionerCount + 3 * poleCount)
        let sink = Int32(nodes - 1)
        for r in 0..<requestCount { net.supplies[r] = 1 }
        net.supplies[Int(sink)] = -Int64(requestCount)
        let slot0 = Int32(requestCount), gp0 = slot0 + Int32(slotCount), pole0 = gp0 + Int32(practitionerCount)
        edgeArcs = problem.edges.map { e in net.addArc(from: e.request, to: slot0 + e.slot, capacity: 1, cost: e.cost) }
        penaltyArcs = problem.requests.enumerated().map { r, request in
            net.addArc(from: Int32(r), to: sink, capacity: 1, cost: request.unassignedPenalty)
        }
        slotArcs = problem.slots.enumerated().map { s, slot in
            net.addArc(from: slot0 + Int32(s), to: gp0 + slot.practitioner, capacity: 1, cost: 0)
        }
        practitionerArcs = problem.practitioners.enumerated().map { p, gp in
            gp.load.segments(upTo: gp.weeklyCap).map { segment in
                net.addArc(from: gp0 + Int32(p), to: pole0 + gp.pole, capacity: segment.units, cost: segment.marginalCost)
            }
        }
        poleArcs = problem.poles.enumerated().map { q, pole in
            pole.load.segments(upTo: Self.unbounded).map { segment in
                net.addArc(from: pole0 + Int32(q), to: sink, capacity: segment.units, cost: segment.marginalCost)
            }
        }
        network = net
    }

    public func requestNode(_ request: Int32) -> Int32 { request }
    public func slotNode(_ slot: Int32) -> Int32 { Int32(requestCount) + slot }
    public func practitionerNode(_ practitioner: Int32) -> Int32 { Int32(requestCount + slotCount) + practitioner }
    public func poleNode(_ pole: Int32) -> Int32 { Int32(requestCount + slotCount + practitionerCount) + pole }
    public var sink: Int32 { Int32(requestCount + slotCount + practitionerCount + poleCount) }
}
