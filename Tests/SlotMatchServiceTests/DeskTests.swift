import Testing
import SlotMatchCore
import SlotMatchService
import SlotMatchStore

/// The methods end to end on a real store: search explained, hold/book/cancel/outcome, a losing hold,
/// outside-target bookings, overrides audited, and another connection's writes seen at the next query.
@Suite struct DeskTests {
    static let find = #"{"commune":"78517","urgency":"same-day","at":"2026-12-07T08:00:00Z"}"#

    @Test func findRanksAndShowsCostComponents() throws {
        let f = try ServiceFixture()
        let a = try #require(f.rpc("slots.find", Self.find))
        let slots = try #require(a["result.slots"]).list
        #expect(!slots.isEmpty)
        // The patient is in Rambouillet: GP 1 (Rambouillet) first, at 10:00 (the earliest office slot).
        #expect(slots[0]["practitioner.rpps"]?.text == ServiceFixture.rpps(1).digits)
        #expect(slots[0]["start"]?.text == "2026-12-07T10:00:00Z")
        for s in slots {
            let parts = ["travel", "wait", "treatingGP", "practitionerLoad", "poleLoad"].compactMap { s["components." + $0]?.integer }
            #expect(parts.count == 5)
            #expect(parts.reduce(0, +) == s["cost"]?.integer)
            #expect(s["mode"]?.text == "AMB")
            // Same-day from 08:00Z: deadline 20:00Z, so the next-day slots are not offered.
            #expect((s["start"]?.text ?? "") < "2026-12-07T20:00:00Z")
        }
        let costs = slots.compactMap { $0["cost"]?.integer }
        #expect(costs == costs.sorted())
        #expect(a["result.reasons"]?.list.isEmpty == true)
    }

    @Test func treatingGPComesFirstWithItsBonus() throws {
        let f = try ServiceFixture()
        let gp2 = ServiceFixture.rpps(2).digits
        let a = try #require(f.rpc("slots.find", #"{"commune":"78517","urgency":"same-day","treatingGP":"\#(gp2)","at":"2026-12-07T08:00:00Z"}"#))
        #expect(a["result.slots.0.practitioner.rpps"]?.text == gp2)
        #expect(a["result.slots.0.components.treatingGP"]?.integer == -240)
        #expect(a["result.treatingGPKnown"] == .bool(true))
    }

    @Test func nothingFeasibleGivesReasonsAndTheOutsideTargetSlot() throws {
        let f = try ServiceFixture(hours: [30])
        // Urgent from 08:00Z: deadline 12:00Z; the only office slots start the next day at 14:00Z.
        let a = try #require(f.rpc("slots.find", #"{"commune":"78517","urgency":"urgent","at":"2026-12-07T08:00:00Z"}"#))
        #expect(a["result.slots"]?.list.isEmpty == true)
        #expect(a["result.reasons"]?.list.contains(.string("nothing-before-deadline")) == true)
        #expect(a["result.outsideTarget.outsideTarget"] == .bool(true))
        #expect(a["result.outsideTarget.start"]?.text == "2026-12-08T14:00:00Z")
    }

    @Test func holdBookCancelOutcomeAndALosingHold() throws {
        let f = try ServiceFixture()
        f.submit("req-1")
        f.submit("req-2")
        let slot = try f.slotIDs(gp: 1)[0]
        let hold = try #require(f.rpc("slots.hold", #"{"slot":\#(slot),"request":"req-1","operator":"op-1","at":"2026-12-07T08:01:00Z"}"#))
        let holdID = try #require(hold["result.hold"]?.text)
        #expect(hold["result.expiresAt"]?.text == "2026-12-07T08:03:00Z")
        // The held slot is no longer offered.
        let after = try #require(f.rpc("slots.find", Self.find))
        #expect(!after["result.slots"]!.list.contains { $0["slot"]?.integer == slot })
        // A second operator loses.
        let lost = try #require(f.rpc("slots.hold", #"{"slot":\#(slot),"request":"req-2","operator":"op-2","at":"2026-12-07T08:01:30Z"}"#))
        #expect(lost["error.code"]?.integer == -32001)
        #expect(lost["error.data.code"]?.text == "slot-unavailable")
        let booked = try #require(f.rpc("appointments.book", #"{"hold":"\#(holdID)","request":"req-1","operator":"op-1","at":"2026-12-07T08:02:00Z"}"#))
        #expect(booked["result.status"]?.text == "booked")
        #expect(booked["result.outsideTarget"] == .bool(false))
        let appointment = try #require(booked["result.appointment"]?.integer)
        let again = try #require(f.rpc("appointments.book", #"{"slot":\#(slot),"request":"req-2","operator":"op-2","at":"2026-12-07T08:02:10Z"}"#))
        #expect(again["error.data.code"]?.text == "slot-unavailable")
        let early = try #require(f.rpc("appointments.outcome", #"{"appointment":\#(appointment),"outcome":"fulfilled","operator":"op-1","at":"2026-12-07T08:03:00Z"}"#))
        #expect(early["error.data.code"]?.text == "not-allowed")
        let cancelled = try #require(f.rpc("appointments.cancel", #"{"appointment":\#(appointment),"reason":"gp-unavailable","operator":"op-1","at":"2026-12-07T08:04:00Z"}"#))
        #expect(cancelled["result.status"]?.text == "cancelled")
        // Free again, and offered again at once.
        let back = try #require(f.rpc("slots.find", #"{"commune":"78517","urgency":"same-day","at":"2026-12-07T08:05:00Z"}"#))
        #expect(back["result.slots"]!.list.contains { $0["slot"]?.integer == slot })
        let actions = try f.store.auditEntries().map(\.action)
        for action in ["slot.hold", "appointment.book", "appointment.cancel"] { #expect(actions.contains(action), "\(action) in \(actions)") }
        #expect(try f.store.verifyAudit().isIntact)
    }

    @Test func outcomeAfterTheSlotStarted() throws {
        let f = try ServiceFixture()
        f.submit("req-1")
        let slot = try f.slotIDs(gp: 2)[0]
        let booked = try #require(f.rpc("appointments.book", #"{"slot":\#(slot),"request":"req-1","operator":"op-1","at":"2026-12-07T08:00:00Z"}"#))
        let id = try #require(booked["result.appointment"]?.integer)
        let done = try #require(f.rpc("appointments.outcome", #"{"appointment":\#(id),"outcome":"noshow","operator":"op-1","at":"2026-12-07T10:30:00Z"}"#))
        #expect(done["result.status"]?.text == "noshow")
        let list = try #require(f.rpc("appointments.list", #"{"request":"req-1"}"#))
        #expect(list["result.appointments.0.status"]?.text == "noshow")
    }

    @Test func bookingAfterTheDeadlineIsRecordedOutsideTarget() throws {
        let f = try ServiceFixture()
        f.submit("req-1")  // fever_adult: within-24h from 08:00Z → deadline 2026-12-08T08:00Z
        let late = try f.slotIDs(gp: 1)[2]  // 2026-12-08T10:00Z
        let booked = try #require(f.rpc("appointments.book", #"{"slot":\#(late),"request":"req-1","operator":"op-1","at":"2026-12-07T08:00:00Z"}"#))
        #expect(booked["result.outsideTarget"] == .bool(true))
    }

    @Test func submitTriagesStoresAndSearches() throws {
        let f = try ServiceFixture()
        let a = try #require(f.rpc("requests.submit", #"{"request":"req-9","operator":"op-1","reason":"ear_pain","ageBand":"3-15","commune":"78517","at":"2026-12-07T08:00:00Z"}"#))
        #expect(a["result.stored"] == .bool(true))
        #expect(a["result.triage.rule"]?.text == "otitis-child")
        #expect(a["result.search.modes"]?.list == [.string("AMB")])
        #expect(a["result.search.slots"]?.list.isEmpty == false)
        #expect(try f.store.request(id: "req-9")?.request.urgency == .within24h)
        let vital = try #require(f.rpc("requests.submit", #"{"request":"req-10","operator":"op-1","reason":"fever_adult","flags":["confusion"],"commune":"78517"}"#))
        #expect(vital["result.triage.level"]?.text == "vital")
        #expect(vital["result.search"] == .null)
    }

    @Test func overrideIsStoredAndAudited() throws {
        let f = try ServiceFixture()
        f.submit("req-1")
        let a = try #require(f.rpc("triage", #"{"reason":"fever_adult","request":"req-1","operator":"dr-reg","overrideLevel":"urgent","at":"2026-12-07T08:00:00Z"}"#))
        #expect(a["result.level"]?.text == "urgent")
        #expect(a["result.originalLevel"]?.text == "within-24h")
        #expect(a["result.overriddenBy"]?.text == "dr-reg")
        #expect(try f.store.request(id: "req-1")?.request.urgency == .urgent)
        let entry = try #require(try f.store.auditEntries().last)
        #expect(entry.action == "triage.override")
        #expect(entry.actor == "dr-reg")
        let noRequest = try #require(f.rpc("triage", #"{"reason":"fever_adult","operator":"dr-reg","overrideLevel":"urgent"}"#))
        #expect(noRequest["error.data.path"]?.text == "$.params.request")
    }

    @Test func anotherConnectionsBookingIsSeenAtTheNextQuery() throws {
        let f = try ServiceFixture()
        let other = try f.secondDesk()
        f.submit("req-1")
        let first = try #require(f.rpc("slots.find", Self.find))
        let slot = try #require(first["result.slots.0.slot"]?.integer)
        // The other process books the best slot.
        _ = try other.call("appointments.book", JSONObject([("slot", .int(slot)), ("request", .string("req-1")),
                                                              ("operator", .string("op-2")), ("at", .string("2026-12-07T08:00:30Z"))]))
        let next = try #require(f.rpc("slots.find", Self.find))
        #expect(!next["result.slots"]!.list.contains { $0["slot"]?.integer == slot })
        #expect(next["result.slots.0.slot"]?.integer != slot)
    }

    @Test func capReachedRefusesAndTheCappedGPIsNoLongerOffered() throws {
        let f = try ServiceFixture(caps: [1, 20, 20])
        f.submit("req-1")
        f.submit("req-2")
        let slots = try f.slotIDs(gp: 1)
        _ = try #require(f.rpc("appointments.book", #"{"slot":\#(slots[0]),"request":"req-1","operator":"op-1"}"#))["result"]
        let refused = try #require(f.rpc("appointments.book", #"{"slot":\#(slots[1]),"request":"req-2","operator":"op-1"}"#))
        #expect(refused["error.code"]?.integer == -32003)
        #expect(refused["error.data.code"]?.text == "cap-reached")
        let found = try #require(f.rpc("slots.find", Self.find))
        #expect(!found["result.slots"]!.list.contains { $0["practitioner.rpps"]?.text == ServiceFixture.rpps(1).digits })
    }

    @Test func fhirSearchSlotsAnswersASearchsetBundle() throws {
        let f = try ServiceFixture()
        let gp3 = ServiceFixture.rpps(3).digits
        let a = try #require(f.rpc("fhir.searchSlots", #"{"start":"2026-12-07T00:00:00Z","end":"2026-12-08T00:00:00Z","practitioner":["urn:oid:1.2.250.1.71.4.2.1|8\#(gp3)"]}"#))
        #expect(a["result.resourceType"]?.text == "Bundle")
        #expect(a["result.type"]?.text == "searchset")
        let entries = try #require(a["result.entry"]).list
        let slots = entries.filter { $0["resource.resourceType"]?.text == "Slot" }
        #expect(slots.count == 3)  // two office slots and one video slot that day
        #expect(a["result.total"]?.integer == 3)
        #expect(slots.allSatisfy { $0["search.mode"]?.text == "match" && $0["resource.status"]?.text == "free" })
        #expect(slots.allSatisfy { $0["resource.meta.security.0.code"]?.text == "SNP" })
        #expect(slots.contains { $0["resource.serviceType.0.coding.0.code"]?.text == "VR" })
        let role = try #require(entries.first { $0["resource.resourceType"]?.text == "PractitionerRole" })
        #expect(role["resource.practitioner.identifier.value"]?.text == "8" + gp3)
        #expect(entries.contains { $0["resource.resourceType"]?.text == "Schedule" })
    }

    @Test func territoryAndPractitioners() throws {
        let f = try ServiceFixture()
        let t = try #require(f.rpc("territory.get"))
        #expect(t["result.communes"]!.list.contains { $0["insee"]?.text == "78517" })
        let p = try #require(f.rpc("practitioners.list"))
        #expect(p["result.practitioners"]?.list.count == 3)
        #expect(p["result.practitioners.0.weeklyCap"]?.integer == 20)
    }
}
