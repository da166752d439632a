import Testing
import SlotMatchCore
import SlotMatchService
import SlotMatchStore

/// Holds that end: released by the operator, or expired and swept back into the search.
@Suite struct DeskHoldLifetimeTests {
    static func offered(_ f: ServiceFixture, _ slot: Int64, at: String) throws -> Bool {
        let a = try #require(f.rpc("slots.find", #"{"commune":"78517","urgency":"same-day","at":"\#(at)"}"#))
        return a["result.slots"]!.list.contains { $0["slot"]?.integer == slot }
    }

    @Test func releasedHoldIsOfferedAgainAtOnce() throws {
        let f = try ServiceFixture()
        f.submit("req-1")
        let slot = try f.slotIDs(gp: 1)[0]
        let hold = try #require(f.rpc("slots.hold", #"{"slot":\#(slot),"request":"req-1","operator":"op-1","at":"2026-12-07T08:00:00Z"}"#))
        let holdID = try #require(hold["result.hold"]?.text)
        #expect(try !Self.offered(f, slot, at: "2026-12-07T08:00:10Z"))
        let released = try #require(f.rpc("slots.release", #"{"hold":"\#(holdID)","operator":"op-1","at":"2026-12-07T08:00:20Z"}"#))
        #expect(released["result.released"] == .bool(true))
        #expect(try Self.offered(f, slot, at: "2026-12-07T08:00:30Z"))
        let twice = try #require(f.rpc("slots.release", #"{"hold":"\#(holdID)","operator":"op-1","at":"2026-12-07T08:00:40Z"}"#))
        #expect(twice["error.data.code"]?.text == "hold-not-found")
    }

    @Test func expiredHoldComesBackAndCannotBeBooked() throws {
        let f = try ServiceFixture()
        f.submit("req-1")
        f.submit("req-2")
        let slot = try f.slotIDs(gp: 1)[0]
        let hold = try #require(f.rpc("slots.hold", #"{"slot":\#(slot),"request":"req-1","operator":"op-1","ttlSeconds":60,"at":"2026-12-07T08:00:00Z"}"#))
        let holdID = try #require(hold["result.hold"]?.text)
        #expect(try !Self.offered(f, slot, at: "2026-12-07T08:00:30Z"))
        #expect(try Self.offered(f, slot, at: "2026-12-07T08:02:00Z"))
        let late = try #require(f.rpc("appointments.book", #"{"hold":"\#(holdID)","request":"req-1","operator":"op-1","at":"2026-12-07T08:02:10Z"}"#))
        #expect(late["error.code"]?.integer == -32002)
        #expect(late["error.data.code"]?.text == "hold-expired")
        let other = try #require(f.rpc("slots.hold", #"{"slot":\#(slot),"request":"req-2","operator":"op-2","at":"2026-12-07T08:02:20Z"}"#))
        #expect(other["result.slot"]?.integer == slot)
    }

    @Test func submitWithAnOverrideStoresTheDoctorsLevel() throws {
        let f = try ServiceFixture()
        let a = try #require(f.rpc("requests.submit", #"{"request":"req-o","operator":"dr-reg","reason":"ear_pain","overrideLevel":"urgent","commune":"78517","at":"2026-12-07T08:00:00Z"}"#))
        #expect(a["result.triage.level"]?.text == "urgent")
        #expect(a["result.triage.originalLevel"]?.text == "within-48h")
        #expect(a["result.search.deadline"]?.text == "2026-12-07T12:00:00Z")
        #expect(try f.store.request(id: "req-o")?.request.urgency == .urgent)
        #expect(try f.store.auditEntries().contains { $0.action == "triage.override" && $0.actor == "dr-reg" })
    }
}
