import Foundation
import Testing
import SlotMatchCore
@testable import SlotMatchStore

@Suite struct CancelOutcomeTests {
    @Test func cancellingFreesAFutureSlotForTheNextPatient() throws {
        let f = try BookingFixture()
        try f.submit("R-1"); try f.submit("R-2")
        let slot = try f.slotIDs()[0]
        let booked = try f.store.book(slotID: slot, requestID: "R-1", operator: "op-ana", weekZone: paris, now: t0)
        let seq = try f.store.changeSequence()
        let cancelled = try f.store.cancel(appointmentID: booked.id, reason: .practitionerUnavailable, operator: "op-bob",
                                           now: t0.adding(seconds: 600))
        #expect(cancelled.status == .cancelled && cancelled.cancelReason == .practitionerUnavailable && cancelled.slot.status == .free)
        #expect(try f.slotStatus(slot) == .free)
        #expect(try f.store.request(id: "R-1")?.status == .pending)  // the GP's unavailability leaves the patient to rebook
        #expect(try f.store.changeSequence() == seq + 1)
        let entry = try #require(try f.store.auditEntries().last)
        #expect(entry.action == "appointment.cancel" && entry.actor == "op-bob" && entry.subject == "appointment:\(booked.id)")
        #expect(entry.details.contains("\"reason\":\"gp-unavailable\"") && entry.details.contains("\"request\":\"R-1\""))
        let next = try f.store.book(slotID: slot, requestID: "R-2", operator: "op-ana", weekZone: paris, now: t0.adding(seconds: 700))
        #expect(next.slot.id == slot)
        #expect(bookingErrorCode { try f.store.cancel(appointmentID: booked.id, reason: .duplicate, operator: "op-ana", now: t0) }
                == "not-allowed")
        #expect(bookingErrorCode { try f.store.cancel(appointmentID: 77, reason: .duplicate, operator: "op-ana", now: t0) } == "not-found")
    }

    @Test(arguments: CancelReason.allCases)
    func theReasonSaysWhetherTheRequestStillNeedsASlot(reason: CancelReason) throws {
        let f = try BookingFixture()
        try f.submit("R-1")
        let booked = try f.store.book(slotID: try f.slotIDs()[0], requestID: "R-1", operator: "op-ana", weekZone: paris, now: t0)
        _ = try f.store.cancel(appointmentID: booked.id, reason: reason, operator: "op-ana", now: t0)
        let expected: RequestStatus = [.practitionerUnavailable, .rebooked, .operatorError].contains(reason) ? .pending : .closed
        #expect(try f.store.request(id: "R-1")?.status == expected)
        #expect(CancelReason(code: reason.code) == reason)
    }

    @Test func cancellingOnceTheSlotHasStartedBlocksIt() throws {
        let f = try BookingFixture()
        try f.submit("R-1")
        let slot = try f.slotIDs()[0]  // t0 + 2 h
        let booked = try f.store.book(slotID: slot, requestID: "R-1", operator: "op-ana", weekZone: paris, now: t0)
        _ = try f.store.cancel(appointmentID: booked.id, reason: .patientCancelled, operator: "op-ana", now: t0.adding(seconds: 7200))
        #expect(try f.slotStatus(slot) == .blocked)
    }

    @Test func outcomesAreRecordedOnceOnBookedAppointmentsThatHaveStarted() throws {
        let f = try BookingFixture()
        for id in ["R-1", "R-2", "R-3", "R-4"] { try f.submit(id) }
        let slots = try f.slotIDs()  // t0 + 2, 3, 4, 5 h
        let a = try f.store.book(slotID: slots[0], requestID: "R-1", operator: "op-ana", weekZone: paris, now: t0)
        let start = a.slot.start
        #expect(bookingErrorCode { try f.store.recordOutcome(appointmentID: a.id, outcome: .fulfilled, operator: "op-ana",
                                                             now: start.adding(seconds: -1)) } == "not-allowed")
        let done = try f.store.recordOutcome(appointmentID: a.id, outcome: .fulfilled, operator: "op-ana", now: start)
        #expect(done.status == .fulfilled && done.slot.status == .booked)
        #expect(try f.store.request(id: "R-1")?.status == .closed)
        #expect(bookingErrorCode { try f.store.recordOutcome(appointmentID: a.id, outcome: .noshow, operator: "op-ana",
                                                             now: start.adding(seconds: 60)) } == "not-allowed")
        #expect(bookingErrorCode { try f.store.cancel(appointmentID: a.id, reason: .duplicate, operator: "op-ana", now: start) } == "not-allowed")

        let b = try f.store.book(slotID: slots[1], requestID: "R-2", operator: "op-ana", weekZone: paris, now: t0)
        let missed = try f.store.recordOutcome(appointmentID: b.id, outcome: .noshow, operator: "op-ana", now: b.slot.end)
        #expect(missed.status == .noshow)

        let c = try f.store.book(slotID: slots[2], requestID: "R-3", operator: "op-ana", weekZone: paris, now: t0)
        _ = try f.store.cancel(appointmentID: c.id, reason: .seenElsewhere, operator: "op-ana", now: t0)
        #expect(bookingErrorCode { try f.store.recordOutcome(appointmentID: c.id, outcome: .fulfilled, operator: "op-ana",
                                                             now: c.slot.end) } == "not-allowed")

        let d = try f.store.book(slotID: slots[3], requestID: "R-4", operator: "balance", awaitingConfirmation: true, weekZone: paris, now: t0)
        #expect(bookingErrorCode { try f.store.recordOutcome(appointmentID: d.id, outcome: .fulfilled, operator: "op-ana",
                                                             now: d.slot.end) } == "not-allowed")
        #expect(bookingErrorCode { try f.store.recordOutcome(appointmentID: 9_999, outcome: .fulfilled, operator: "op-ana", now: t0) }
                == "not-found")

        let window = try f.store.appointments(from: t0, to: t0.adding(seconds: 86_400))
        #expect(window.map(\.status) == [.fulfilled, .noshow, .cancelled, .pending])
        #expect(try f.store.appointments(from: t0, to: t0.adding(seconds: 86_400), status: .noshow).map(\.id) == [b.id])
    }

    @Test func theAuditChainStaysIntactThroughEveryOperation() throws {
        let f = try BookingFixture()
        for id in ["R-1", "R-2", "R-3"] { try f.submit(id) }
        let slots = try f.slotIDs()
        try f.store.recordTriageOverride(requestID: "R-1", operator: "dr-regul", from: .sameDay, to: .urgent, at: t0)
        let h1 = try f.store.hold(slotID: slots[0], requestID: "R-1", operator: "op-ana", now: t0)
        try f.store.releaseHold(h1.id, operator: "op-ana", now: t0)
        let h2 = try f.store.hold(slotID: slots[0], requestID: "R-1", operator: "op-ana", now: t0)
        let a = try f.store.book(holdID: h2.id, requestID: "R-1", operator: "op-ana", weekZone: paris, now: t0)
        let b = try f.store.book(slotID: slots[1], requestID: "R-2", operator: "balance", awaitingConfirmation: true, weekZone: paris, now: t0)
        _ = try f.store.confirm(appointmentID: b.id, operator: "op-ana", now: t0)
        _ = try f.store.cancel(appointmentID: b.id, reason: .patientCancelled, operator: "op-ana", now: t0)
        _ = try f.store.hold(slotID: slots[2], requestID: "R-3", operator: "op-ana", ttlSeconds: 10, now: t0)
        try f.store.releaseExpiredHolds(now: t0.adding(seconds: 10))
        _ = try f.store.recordOutcome(appointmentID: a.id, outcome: .fulfilled, operator: "op-ana", now: a.slot.start)
        // Refused operations leave no trace in the log.
        _ = bookingErrorCode { try f.store.book(slotID: slots[0], requestID: "R-3", operator: "op-ana", weekZone: paris, now: t0) }

        let actions = try f.auditActions().filter { !$0.hasPrefix("request.") }
        #expect(actions == ["triage.override", "slot.hold", "slot.release", "slot.hold", "appointment.book", "appointment.book",
                            "appointment.confirm", "appointment.cancel", "slot.hold", "slot.hold-expire", "appointment.outcome"])
        let verification = try f.store.verifyAudit()
        #expect(verification == .intact(entries: try f.store.auditEntries().count))
    }
}
