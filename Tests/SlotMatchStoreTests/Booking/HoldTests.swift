import Foundation
import Testing
import SlotMatchCore
@testable import SlotMatchStore

@Suite struct HoldTests {
    @Test func holdReservesTheSlotWithAnOpaqueTokenAndIsAudited() throws {
        let f = try BookingFixture()
        try f.submit("R-1")
        let slot = try f.slotIDs()[0]
        let seq = try f.store.changeSequence()
        let hold = try f.store.hold(slotID: slot, requestID: "R-1", operator: "op-ana", now: t0)
        #expect(hold.id.hasPrefix("H-") && hold.id.count == 34 && hold.id.dropFirst(2).allSatisfy(\.isHexDigit))
        #expect(hold.expiresAt == t0.adding(seconds: 120) && hold.slotID == slot && hold.requestID == "R-1")
        #expect(try f.slotStatus(slot) == .held)
        #expect(try f.store.hold(id: hold.id) == hold)
        #expect(try f.store.changeSequence() == seq + 1)
        let entry = try #require(try f.store.auditEntries().last)
        #expect(entry.action == "slot.hold" && entry.actor == "op-ana" && entry.subject == "slot:\(slot)")
        #expect(entry.details.contains("\"request\":\"R-1\"") && entry.details.contains("\"expires\":\"\(hold.expiresAt.iso8601)\""))
        // Two holds never share a token.
        try f.submit("R-2")
        let other = try f.store.hold(slotID: try f.slotIDs()[1], requestID: "R-2", operator: "op-ana", now: t0)
        #expect(other.id != hold.id)
    }

    @Test func aValidHoldKeepsOthersOutUntilItExpiresThenIsAsGoodAsFree() throws {
        let f = try BookingFixture()
        try f.submit("R-1"); try f.submit("R-2")
        let slot = try f.slotIDs()[0]
        let first = try f.store.hold(slotID: slot, requestID: "R-1", operator: "op-ana", ttlSeconds: 120, now: t0)
        #expect(bookingErrorCode { try f.store.hold(slotID: slot, requestID: "R-2", operator: "op-bob", now: t0.adding(seconds: 119)) }
                == "slot-unavailable")
        #expect(bookingErrorCode { try f.store.book(slotID: slot, requestID: "R-2", operator: "op-bob", weekZone: paris,
                                                    now: t0.adding(seconds: 119)) } == "slot-unavailable")
        // At expiry (now == expiresAt) the slot can be taken over.
        let second = try f.store.hold(slotID: slot, requestID: "R-2", operator: "op-bob", now: t0.adding(seconds: 120))
        #expect(second.requestID == "R-2")
        #expect(bookingErrorCode { try f.store.book(holdID: first.id, requestID: "R-1", operator: "op-ana", weekZone: paris,
                                                    now: t0.adding(seconds: 121)) } == "hold-expired")
        #expect(bookingErrorCode { try f.store.releaseHold(first.id, operator: "op-ana", now: t0.adding(seconds: 121)) } == "hold-not-found")
        #expect(try f.store.hold(id: first.id) == nil)
        #expect(try f.store.hold(id: second.id) == second)
    }

    @Test func anExpiredHoldCannotBeBookedEvenBeforeAnyoneTakesIt() throws {
        let f = try BookingFixture()
        try f.submit("R-1")
        let hold = try f.store.hold(slotID: try f.slotIDs()[0], requestID: "R-1", operator: "op-ana", ttlSeconds: 60, now: t0)
        #expect(bookingErrorCode { try f.store.book(holdID: hold.id, requestID: "R-1", operator: "op-ana", weekZone: paris,
                                                    now: t0.adding(seconds: 60)) } == "hold-expired")
        #expect(try f.store.appointments(from: t0, to: t0.adding(seconds: 86_400)).isEmpty)
        // Releasing it late still gives the slot back.
        try f.store.releaseHold(hold.id, operator: "op-ana", now: t0.adding(seconds: 90))
        #expect(try f.slotStatus(hold.slotID) == .free)
    }

    @Test func releaseFreesTheSlotOnce() throws {
        let f = try BookingFixture()
        try f.submit("R-1"); try f.submit("R-2")
        let slot = try f.slotIDs()[0]
        let hold = try f.store.hold(slotID: slot, requestID: "R-1", operator: "op-ana", now: t0)
        try f.store.releaseHold(hold.id, operator: "op-ana", now: t0.adding(seconds: 10))
        #expect(try f.slotStatus(slot) == .free)
        #expect(try f.store.freeSlots(from: t0, to: t0.adding(seconds: 86_400)).map(\.id).contains(slot))
        #expect(bookingErrorCode { try f.store.releaseHold(hold.id, operator: "op-ana", now: t0.adding(seconds: 11)) } == "hold-not-found")
        #expect(bookingErrorCode { try f.store.releaseHold("H-0000", operator: "op-ana", now: t0) } == "hold-not-found")
        #expect(bookingErrorCode { try f.store.book(holdID: hold.id, requestID: "R-1", operator: "op-ana", weekZone: paris, now: t0) }
                == "hold-not-found")
        _ = try f.store.hold(slotID: slot, requestID: "R-2", operator: "op-bob", now: t0.adding(seconds: 12))
        #expect(try f.auditActions().suffix(3) == ["slot.hold", "slot.release", "slot.hold"])
    }

    @Test func holdRefusesUnknownRecordsStartedSlotsAndBadInput() throws {
        let f = try BookingFixture()
        try f.submit("R-1")
        let slot = try f.slotIDs()[0]  // starts at t0 + 2 h
        #expect(bookingErrorCode { try f.store.hold(slotID: 999_999, requestID: "R-1", operator: "op-ana", now: t0) } == "not-found")
        #expect(bookingErrorCode { try f.store.hold(slotID: slot, requestID: "R-404", operator: "op-ana", now: t0) } == "not-found")
        #expect(bookingErrorCode { try f.store.hold(slotID: slot, requestID: "R-1", operator: "op-ana", now: t0.adding(seconds: 7200)) }
                == "slot-unavailable")
        for ttl: Int64 in [0, -5, 901] {
            #expect(throws: InputError.self) { try f.store.hold(slotID: slot, requestID: "R-1", operator: "op-ana", ttlSeconds: ttl, now: t0) }
        }
        // The error names the parameter the service's invalid-params answer points at.
        let ttlError = #expect(throws: InputError.self) { try f.store.hold(slotID: slot, requestID: "R-1", operator: "op-ana", ttlSeconds: 0, now: t0) }
        #expect(ttlError?.place.jsonPath == "$.ttlSeconds")
        let operatorError = #expect(throws: InputError.self) { try f.store.hold(slotID: slot, requestID: "R-1", operator: "op ana", now: t0) }
        #expect(operatorError?.place.jsonPath == "$.operator")
        let requestError = #expect(throws: InputError.self) { try f.store.hold(slotID: slot, requestID: "0612345678", operator: "op-ana", now: t0) }
        #expect(requestError?.place.jsonPath == "$.request" && requestError?.remedy.contains("pseudonymous") == true)
        #expect(throws: InputError.self) { try f.store.hold(slotID: slot, requestID: "R-1", operator: "", now: t0) }
        #expect(try f.slotStatus(slot) == .free)
    }

    @Test func expiredHoldsAreSweptBackToFreeAndAudited() throws {
        let f = try BookingFixture()
        try f.submit("R-1"); try f.submit("R-2")
        let slots = try f.slotIDs()
        _ = try f.store.hold(slotID: slots[0], requestID: "R-1", operator: "op-ana", ttlSeconds: 60, now: t0)
        _ = try f.store.hold(slotID: slots[1], requestID: "R-2", operator: "op-ana", ttlSeconds: 300, now: t0)
        #expect(try f.store.releaseExpiredHolds(now: t0.adding(seconds: 59)) == 0)
        let seq = try f.store.changeSequence()
        #expect(try f.store.releaseExpiredHolds(now: t0.adding(seconds: 60)) == 1)
        #expect(try f.slotStatus(slots[0]) == .free && f.slotStatus(slots[1]) == .held)
        #expect(try f.store.changeSequence() == seq + 1)
        let entry = try #require(try f.store.auditEntries().last)
        #expect(entry.action == "slot.hold-expire" && entry.subject == "slot:\(slots[0])" && entry.actor == "slotmatch")
    }
}
