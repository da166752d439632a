import Testing
import SlotMatchCore
import SlotMatchService
import SlotMatchStore

/// `requests.assign`: the joint optimum of the balance model for the given waiting requests, its caps and
/// deadlines, `apply` (pending appointments and audit entries in one transaction, a concurrently taken slot
/// skipped), and its invalid params.
@Suite struct RequestsAssignTests {
    /// A point `share` of the way from commune `a` to commune `b`.
    static func between(_ a: String, _ b: String, share: Double) throws -> GeoPoint {
        let p = try #require(ServiceFixture.territory.commune(insee: a)).location
        let q = try #require(ServiceFixture.territory.commune(insee: b)).location
        return GeoPoint(latitude: p.latitude + (q.latitude - p.latitude) * share, longitude: p.longitude + (q.longitude - p.longitude) * share)
    }

    /// Stores a child's ear pain (within 24 h, office only) at `point`.
    static func submit(_ f: ServiceFixture, _ id: String, at point: GeoPoint) throws {
        let a = try #require(f.rpc("requests.submit", #"{"request":"\#(id)","operator":"op-1","reason":"ear_pain","ageBand":"3-15","location":{"lat":\#(point.latitude),"lon":\#(point.longitude)}}"#))
        #expect(a["error"] == nil)
        #expect(a["result.triage.level"]?.text == "within-24h")
    }

    /// slots.find's offers for a point: slot id → cost.
    static func offers(_ f: ServiceFixture, at point: GeoPoint) throws -> [(slot: Int64, cost: Int64)] {
        let a = try #require(f.rpc("slots.find", #"{"location":{"lat":\#(point.latitude),"lon":\#(point.longitude)},"urgency":"within-24h","modes":["AMB"],"limit":100}"#))
        return a["result.slots"]!.list.compactMap { s in s["slot"]?.integer.flatMap { id in s["cost"]?.integer.map { (id, $0) } } }
    }

    static func assign(_ f: ServiceFixture, _ ids: [String], apply: Bool = false) throws -> JSONValue {
        let list = ids.map { "\"\($0)\"" }.joined(separator: ",")
        return try #require(f.rpc("requests.assign", #"{"requests":[\#(list)],"operator":"op-1","apply":\#(apply)}"#))
    }

    /// Request A halfway-ish between Rambouillet and Ablis (a little nearer Rambouillet), B in Rambouillet; one office
    /// slot per GP at +2 h. A's best is GP 1 (Rambouillet), B's too, by far: greedy serves A first and sends B away.
    static func crossing() throws -> (ServiceFixture, GeoPoint, GeoPoint) {
        let f = try ServiceFixture(hours: [2])
        let a = try between("78517", "78003", share: 0.45)
        let b = try between("78517", "78003", share: 0)
        try submit(f, "req-A", at: a)
        try submit(f, "req-B", at: b)
        return (f, a, b)
    }

    @Test func jointAssignmentBeatsGreedyAndIsTheOptimum() throws {
        let (f, a, b) = try Self.crossing()
        let offersA = try Self.offers(f, at: a), offersB = try Self.offers(f, at: b)
        let greedyA = try #require(offersA.first)
        let greedyB = try #require(offersB.first { $0.slot != greedyA.slot })
        var best = Int64.max
        for x in offersA { for y in offersB where y.slot != x.slot { best = min(best, x.cost + y.cost) } }
        // The hand-made case really is one where booking one by one loses.
        #expect(best < greedyA.cost + greedyB.cost)

        let answer = try Self.assign(f, ["req-A", "req-B"])
        #expect(answer["error"] == nil)
        let rows = answer["result.assignments"]!.list
        #expect(rows.map { $0["request"]?.text } == ["req-A", "req-B"])
        let slotA = try #require(rows[0]["slot.slot"]?.integer), slotB = try #require(rows[1]["slot.slot"]?.integer)
        #expect(slotA != slotB)
        // Each slot is priced as slots.find prices it, and the pair is the brute-force optimum.
        let costA = try #require(rows[0]["slot.cost"]?.integer), costB = try #require(rows[1]["slot.cost"]?.integer)
        #expect(offersA.first { $0.slot == slotA }?.cost == costA)
        #expect(offersB.first { $0.slot == slotB }?.cost == costB)
        #expect(costA + costB == best)
        #expect(rows[1]["slot.practitioner.rpps"]?.text == ServiceFixture.rpps(1).digits)
        // No load cost at these loads: the total is the edges' sum, proven optimal.
        #expect(answer["result.totalCost"]?.integer == best)
        #expect(answer["result.optimal"] == .bool(true))
        #expect(answer["result.applied"] == .bool(false))
        let components = try #require(rows[0]["slot.components"])
        #expect((components["travel"]?.integer ?? 0) + (components["wait"]?.integer ?? 0) + (components["treatingGP"]?.integer ?? 0) == costA)
        // A dry run writes nothing.
        #expect(try f.store.appointments(requestID: "req-A").isEmpty)
        #expect(try f.store.request(id: "req-B")?.status == .pending)
    }

    @Test func weeklyCapsAndDeadlinesHold() throws {
        // GP 1 may take one more this week; the +26 h slots are past the 24 h deadline.
        let f = try ServiceFixture(hours: [2, 3, 26], caps: [1, 20, 20])
        let here = try Self.between("78517", "78003", share: 0)
        let ids = (1...6).map { "req-\($0)" }
        for id in ids { try Self.submit(f, id, at: here) }
        let answer = try Self.assign(f, ids)
        #expect(answer["error"] == nil)
        let rows = answer["result.assignments"]!.list
        let given = rows.filter { $0["slot"] != .null }
        let deadline = f.start.adding(seconds: 24 * 3600)
        for row in given {
            let start = try #require(row["slot.start"]?.text.flatMap(Instant.parseISO8601))
            #expect(start <= deadline)
        }
        #expect(given.filter { $0["slot.practitioner.rpps"]?.text == ServiceFixture.rpps(1).digits }.count == 1)
        // GP 1: 1 (cap), GPs 2 and 3: 2 each within the deadline.
        #expect(given.count == 5)
        #expect(answer["result.unassigned"]?.integer == 1)
        #expect(rows.filter { $0["slot"] == .null }.compactMap { $0["reason"]?.text } == ["taken-by-others"])
    }

    @Test func applyWritesPendingAppointmentsAndAuditEntries() throws {
        let (f, _, _) = try Self.crossing()
        let auditBefore = try f.store.auditEntries().count
        let answer = try Self.assign(f, ["req-A", "req-B"], apply: true)
        #expect(answer["error"] == nil)
        #expect(answer["result.applied"] == .bool(true))
        #expect(answer["result.booked"]?.integer == 2)
        for row in answer["result.assignments"]!.list {
            let id = try #require(row["appointment"]?.integer)
            let appointment = try #require(try f.store.appointment(id: id))
            #expect(appointment.status == .pending)
            #expect(appointment.slot.id == row["slot.slot"]?.integer)
            #expect(appointment.requestID == row["request"]?.text)
        }
        let entries = try f.store.auditEntries().dropFirst(auditBefore)
        #expect(entries.filter { $0.action == "balance.move" }.count == 2)
        #expect(entries.filter { $0.action == "appointment.book" }.count == 2)
        #expect(entries.allSatisfy { $0.actor == "op-1" })
        #expect(try f.store.verifyAudit().isIntact)
        // The requests now hold appointments: a second call refuses them.
        let again = try Self.assign(f, ["req-A"])
        #expect(again["error.code"]?.integer == -32602)
        #expect(again["error.data.path"]?.text == "$.params.requests[0]")
    }

    @Test func aSlotTakenMeanwhileIsSkippedAndReported() throws {
        let (f, _, _) = try Self.crossing()
        f.submit("req-C")
        let gp1 = try #require(try f.slotIDs(gp: 1).first)
        let other = try f.secondDesk()
        var booked: JSONValue?
        f.desk.assignWillApply = {
            booked = try? other.call("appointments.book", JSONObject([("slot", .int(gp1)), ("request", .string("req-C")), ("operator", .string("op-2"))]))
        }
        let answer = try Self.assign(f, ["req-A", "req-B"], apply: true)
        #expect(booked != nil)
        #expect(answer["error"] == nil)
        let rows = answer["result.assignments"]!.list
        let b = try #require(rows.first { $0["request"]?.text == "req-B" })
        #expect(b["slot.slot"]?.integer == gp1)
        #expect(b["appointment"] == .null)
        #expect(b["skipped.code"]?.text == "slot-unavailable")
        #expect(answer["result.booked"]?.integer == 1)
        #expect(answer["result.skipped"]?.integer == 1)
        // Nothing half-written: B is still waiting, with no appointment; A got its own.
        #expect(try f.store.request(id: "req-B")?.status == .pending)
        #expect(try f.store.appointments(requestID: "req-B").isEmpty)
        #expect(try f.store.appointments(requestID: "req-A").count == 1)
        #expect(try f.store.appointments(requestID: "req-C").count == 1)
    }

    static let tooMany = (0...500).map { "\"r-\($0)\"" }.joined(separator: ",")

    @Test(arguments: [
        (#"{"requests":["req-A","nobody"],"operator":"op-1"}"#, "$.params.requests[1]"),
        (#"{"requests":[],"operator":"op-1"}"#, "$.params.requests"),
        (#"{"requests":[\#(tooMany)],"operator":"op-1"}"#, "$.params.requests"),
        (#"{"requests":["req-A","req-A"],"operator":"op-1"}"#, "$.params.requests[1]"),
        (#"{"requests":"req-A","operator":"op-1"}"#, "$.params.requests"),
        (#"{"requests":["req A"],"operator":"op-1"}"#, "$.params.requests[0]"),
        (#"{"requests":["req-A"]}"#, "$.params.operator"),
        (#"{"operator":"op-1"}"#, "$.params.requests"),
        (#"{"requests":["req-A"],"operator":"op-1","apply":"yes"}"#, "$.params.apply"),
        (#"{"requests":["req-A"],"operator":"op-1","limit":3}"#, "$.params.limit"),
    ])
    func invalidParams(params: String, path: String) throws {
        let f = try ServiceFixture(hours: [2])
        try Self.submit(f, "req-A", at: try Self.between("78517", "78003", share: 0))
        let answer = try #require(f.rpc("requests.assign", params))
        #expect(answer["error.code"]?.integer == -32602)
        #expect(answer["error.data.path"]?.text == path)
        #expect(try f.store.appointments(requestID: "req-A").isEmpty)
    }

    @Test func aRequestWithAnAppointmentIsRefused() throws {
        let (f, _, _) = try Self.crossing()
        let slot = try #require(try f.slotIDs(gp: 2).first)
        #expect(f.rpc("appointments.book", #"{"slot":\#(slot),"request":"req-B","operator":"op-1"}"#)?["error"] == nil)
        let answer = try Self.assign(f, ["req-A", "req-B"])
        #expect(answer["error.code"]?.integer == -32602)
        #expect(answer["error.data.path"]?.text == "$.params.requests[1]")
    }

    /// The slot given to `request` in an answer, by GP and start (ids differ between two stores).
    static func placed(_ answer: JSONValue, _ request: String) -> String? {
        guard let row = answer["result.assignments"]?.list.first(where: { $0["request"]?.text == request }),
              let gp = row["slot.practitioner.rpps"]?.text, let start = row["slot.start"]?.text else { return nil }
        return gp + "@" + start
    }

    @Test func consecutiveSingleCallsRepairTheWindowLikeAFreshSolve() throws {
        let (f, _, _) = try Self.crossing()
        let first = try Self.assign(f, ["req-A"])
        #expect(first["result.incremental"] == .bool(false))
        // Alone, A takes its best: GP 1.
        #expect(Self.placed(first, "req-A")?.hasPrefix(ServiceFixture.rpps(1).digits) == true)
        // A new request stored meanwhile changes no slot: the window stands.
        f.submit("req-C")
        let second = try Self.assign(f, ["req-B"])
        #expect(second["error"] == nil)
        #expect(second["result.incremental"] == .bool(true))
        #expect(second["result.windowRequests"]?.integer == 2)
        #expect(second["result.optimal"] == .bool(true))

        // The same two requests solved afresh, jointly, on a store of their own.
        let (g, _, _) = try Self.crossing()
        let fresh = try Self.assign(g, ["req-A", "req-B"])
        #expect(fresh["result.incremental"] == .bool(false))
        #expect(second["result.totalCost"]?.integer == fresh["result.totalCost"]?.integer)
        #expect(Self.placed(second, "req-B") == Self.placed(fresh, "req-B"))
        #expect(Self.placed(second, "req-B")?.hasPrefix(ServiceFixture.rpps(1).digits) == true)

        // A slot booked elsewhere changes the window's slots: the next call solves afresh.
        let slot = try #require(try f.slotIDs(gp: 3).first)
        #expect(try f.secondDesk().call("appointments.book", JSONObject([("slot", .int(slot)), ("request", .string("req-C")),
                                                                          ("operator", .string("op-2"))])) != .null)
        try Self.submit(f, "req-D", at: try Self.between("78517", "78003", share: 0.2))
        let third = try Self.assign(f, ["req-D"])
        #expect(third["result.incremental"] == .bool(false))
        #expect(third["result.windowRequests"]?.integer == 1)
    }
}
