import Foundation
import Testing
import SlotMatchCore
@testable import SlotMatchStore

@Suite struct BookTests {
    @Test func bookingAValidHoldMakesABookedAppointmentInOneAuditedChange() throws {
        let f = try BookingFixture()
        try f.submit("R-1")
        let slot = try f.slotIDs()[0]
        let hold = try f.store.hold(slotID: slot, requestID: "R-1", operator: "op-ana", now: t0)
        let seq = try f.store.changeSequence()
        let appointment = try f.store.book(holdID: hold.id, requestID: "R-1", operator: "op-ana", outsideTarget: true,
                                           weekZone: paris, now: t0.adding(seconds: 30))
        #expect(appointment.status == .booked && appointment.slot.id == slot && appointment.slot.status == .booked)
        #expect(appointment.requestID == "R-1" && appointment.holdID == hold.id && appointment.outsideTarget)
        #expect(appointment.createdAt == t0.adding(seconds: 30) && appointment.operatorID == "op-ana")
        #expect(try f.store.appointment(id: appointment.id) == appointment)
        #expect(try f.store.hold(id: hold.id) == nil)
        #expect(try f.store.request(id: "R-1")?.status == .booked)
        #expect(try f.store.changeSequence() == seq + 1)
        let entry = try #require(try f.store.auditEntries().last)
        #expect(entry.action == "appointment.book" && entry.subject == "slot:\(slot)" && entry.actor == "op-ana")
        #expect(entry.details.contains("\"hold\":\"\(hold.id)\"") && entry.details.contains("\"request\":\"R-1\""))
        // The hold is used up; the slot cannot be booked again.
        #expect(bookingErrorCode { try f.store.book(holdID: hold.id, requestID: "R-1", operator: "op-ana", weekZone: paris, now: t0) }
                == "hold-not-found")
        try f.submit("R-2")
        #expect(bookingErrorCode { try f.store.book(slotID: slot, requestID: "R-2", operator: "op-bob", weekZone: paris, now: t0) }
                == "slot-unavailable")
    }

    @Test func anotherRequestCannotBookFromSomeoneElsesHold() throws {
        let f = try BookingFixture()
        try f.submit("R-1"); try f.submit("R-2")
        let slot = try f.slotIDs()[0]
        let hold = try f.store.hold(slotID: slot, requestID: "R-1", operator: "op-ana", now: t0)
        let before = try f.store.storeStatistics()
        #expect(bookingErrorCode { try f.store.book(holdID: hold.id, requestID: "R-2", operator: "op-bob", weekZone: paris, now: t0) }
                == "not-allowed")
        #expect(try f.store.storeStatistics() == before)
        #expect(try f.slotStatus(slot) == .held && f.store.hold(id: hold.id) == hold)
    }

    @Test func directBookingTakesFreeOrExpiredSlotsAndUsesTheRequestsOwnHold() throws {
        let f = try BookingFixture()
        for id in ["R-1", "R-2", "R-3"] { try f.submit(id) }
        let slots = try f.slotIDs()
        let free = try f.store.book(slotID: slots[0], requestID: "R-1", operator: "op-ana", weekZone: paris, now: t0)
        #expect(free.holdID == nil && free.status == .booked)
        // Held for R-2 (valid): R-2 booking by slot id uses its hold.
        let hold = try f.store.hold(slotID: slots[1], requestID: "R-2", operator: "op-ana", now: t0)
        let own = try f.store.book(slotID: slots[1], requestID: "R-2", operator: "op-ana", weekZone: paris, now: t0.adding(seconds: 5))
        #expect(own.holdID == hold.id)
        // Held for R-1's neighbour but expired: anyone may book it.
        let stale = try f.store.hold(slotID: slots[2], requestID: "R-3", operator: "op-ana", ttlSeconds: 30, now: t0)
        try f.submit("R-4")
        let taken = try f.store.book(slotID: slots[2], requestID: "R-4", operator: "op-bob", weekZone: paris, now: t0.adding(seconds: 30))
        #expect(taken.requestID == "R-4" && taken.holdID == nil)
        #expect(try f.store.hold(id: stale.id) == nil)
    }

    @Test func bookingReleasesTheOtherSlotsTheRequestStillHolds() throws {
        let f = try BookingFixture()
        try f.submit("R-1"); try f.submit("R-2")
        let slots = try f.slotIDs()
        let a = try f.store.hold(slotID: slots[0], requestID: "R-1", operator: "op-ana", now: t0)
        let b = try f.store.hold(slotID: slots[1], requestID: "R-1", operator: "op-ana", now: t0)
        let c = try f.store.hold(slotID: slots[2], requestID: "R-2", operator: "op-bob", now: t0)
        _ = try f.store.book(holdID: b.id, requestID: "R-1", operator: "op-ana", weekZone: paris, now: t0.adding(seconds: 20))
        #expect(try f.slotStatus(slots[0]) == .free && f.store.hold(id: a.id) == nil)
        #expect(try f.slotStatus(slots[2]) == .held && f.store.hold(id: c.id) == c)  // another request's hold is untouched
        let last = try f.store.auditEntries().suffix(2)
        #expect(last.map(\.action) == ["slot.release", "appointment.book"] && last.first?.subject == "slot:\(slots[0])")
        #expect(try f.store.verifyAudit().isIntact)
    }

    @Test func aRequestHasOneActiveAppointmentAndUnknownsAreNotFound() throws {
        let f = try BookingFixture()
        try f.submit("R-1")
        let slots = try f.slotIDs()
        let first = try f.store.book(slotID: slots[0], requestID: "R-1", operator: "op-ana", weekZone: paris, now: t0)
        #expect(bookingErrorCode { try f.store.book(slotID: slots[1], requestID: "R-1", operator: "op-ana", weekZone: paris, now: t0) }
                == "not-allowed")
        #expect(bookingErrorCode { try f.store.hold(slotID: slots[1], requestID: "R-1", operator: "op-ana", now: t0) } == "not-allowed")
        #expect(bookingErrorCode { try f.store.book(slotID: 424_242, requestID: "R-1", operator: "op-ana", weekZone: paris, now: t0) }
                == "not-found")
        #expect(bookingErrorCode { try f.store.book(slotID: slots[1], requestID: "R-nobody", operator: "op-ana", weekZone: paris, now: t0) }
                == "not-found")
        // Rebooking after cancelling (reason rebooked) is allowed.
        _ = try f.store.cancel(appointmentID: first.id, reason: .rebooked, operator: "op-ana", now: t0)
        let second = try f.store.book(slotID: slots[1], requestID: "R-1", operator: "op-ana", weekZone: paris, now: t0)
        #expect(try f.store.appointments(requestID: "R-1").map(\.id) == [first.id, second.id])
    }

    @Test(arguments: [UrgencyLevel.vital, .advice])
    func vitalAndAdviceRequestsAreNeverGivenASlot(level: UrgencyLevel) throws {
        let f = try BookingFixture()
        try f.submit("R-1", urgency: level)
        let slot = try f.slotIDs()[0]
        #expect(bookingErrorCode { try f.store.hold(slotID: slot, requestID: "R-1", operator: "op-ana", now: t0) } == "not-allowed")
        #expect(bookingErrorCode { try f.store.book(slotID: slot, requestID: "R-1", operator: "op-ana", weekZone: paris, now: t0) }
                == "not-allowed")
        #expect(try f.slotStatus(slot) == .free)
        // Once a regulating doctor re-grades the call, it can be booked.
        try f.store.recordTriageOverride(requestID: "R-1", operator: "dr-regul", from: level, to: .sameDay, at: t0)
        #expect(try f.store.book(slotID: slot, requestID: "R-1", operator: "op-ana", weekZone: paris, now: t0).status == .booked)
    }

    @Test func awaitingConfirmationGivesAPendingAppointmentThatConfirmMakesBooked() throws {
        let f = try BookingFixture()
        try f.submit("R-1")
        let slot = try f.slotIDs()[0]
        let pending = try f.store.book(slotID: slot, requestID: "R-1", operator: "balance", awaitingConfirmation: true,
                                       weekZone: paris, now: t0)
        #expect(pending.status == .pending && pending.slot.status == .booked)
        #expect(try f.store.appointments(from: t0, to: t0.adding(seconds: 86_400), status: .pending).map(\.id) == [pending.id])
        let confirmed = try f.store.confirm(appointmentID: pending.id, operator: "op-ana", now: t0.adding(seconds: 60))
        #expect(confirmed.status == .booked && confirmed.updatedAt == t0.adding(seconds: 60))
        #expect(bookingErrorCode { try f.store.confirm(appointmentID: pending.id, operator: "op-ana", now: t0) } == "not-allowed")
        #expect(try f.auditActions().suffix(2) == ["appointment.book", "appointment.confirm"])
    }

    @Test func theWeeklyCapIsCheckedInsideTheBookingTransaction() throws {
        let f = try BookingFixture(gps: [(1, 2)], hours: [2, 3, 4, 5])  // Friday 2026-12-04, all one ISO week
        for id in ["R-1", "R-2", "R-3", "R-4"] { try f.submit(id) }
        let slots = try f.slotIDs()
        _ = try f.store.book(slotID: slots[0], requestID: "R-1", operator: "op-ana", weekZone: paris, now: t0)
        let hold = try f.store.hold(slotID: slots[2], requestID: "R-3", operator: "op-ana", now: t0)
        let second = try f.store.book(slotID: slots[1], requestID: "R-2", operator: "op-ana", weekZone: paris, now: t0)
        let before = try f.store.storeStatistics()
        // Capped: refused, and nothing of the attempt remains (the slot is still free / still held).
        #expect(bookingErrorCode { try f.store.book(slotID: slots[3], requestID: "R-4", operator: "op-ana", weekZone: paris, now: t0) }
                == "cap-reached")
        #expect(bookingErrorCode { try f.store.book(holdID: hold.id, requestID: "R-3", operator: "op-ana", weekZone: paris, now: t0) }
                == "cap-reached")
        #expect(try f.store.storeStatistics() == before)
        #expect(try f.slotStatus(slots[3]) == .free && f.slotStatus(slots[2]) == .held)
        do {
            _ = try f.store.book(slotID: slots[3], requestID: "R-4", operator: "op-ana", weekZone: paris, now: t0)
            Issue.record("booking beyond the cap succeeded")
        } catch let error as BookingError {
            guard case .capReached(let rpps, let cap, let booked, let weekStart) = error else { throw error }
            #expect(rpps == syntheticRPPS(1) && cap == 2 && booked == 2)
            #expect(weekStart.iso8601 == "2026-11-29T23:00:00Z")  // Monday 2026-11-30 00:00 in Paris (CET)
            #expect(error.message.contains("weekly cap"))
        }
        // A cancelled appointment no longer counts.
        _ = try f.store.cancel(appointmentID: second.id, reason: .patientCancelled, operator: "op-ana", now: t0)
        let third = try f.store.book(holdID: hold.id, requestID: "R-3", operator: "op-ana", weekZone: paris, now: t0)
        #expect(third.status == .booked)
    }

    @Test func theCapWeekIsTheISOWeekInParisLocalTimeNotInUTC() throws {
        // Sunday 2026-12-06 23:30 Paris = 22:30Z (week of Nov 30); Monday 2026-12-07 00:30 Paris = Sunday 23:30Z (week of Dec 7).
        let sundayLate = try #require(Instant.parseISO8601("2026-12-06T23:30:00+01:00"))
        let mondayEarly = try #require(Instant.parseISO8601("2026-12-07T00:30:00+01:00"))
        let f = try BookingFixture(gps: [(1, 1)], hours: [])
        try f.addSlots(gp: 1, starts: [sundayLate, mondayEarly])
        try f.submit("R-1"); try f.submit("R-2")
        let slots = try f.slotIDs()
        _ = try f.store.book(slotID: slots[0], requestID: "R-1", operator: "op-ana", weekZone: paris, now: t0)
        // Counted in UTC both would share a week, and the cap of 1 would refuse the second.
        #expect(bookingErrorCode { try f.store.book(slotID: slots[1], requestID: "R-2", operator: "op-ana", weekZone: .utc, now: t0) }
                == "cap-reached")
        let monday = try f.store.book(slotID: slots[1], requestID: "R-2", operator: "op-ana", weekZone: paris, now: t0)
        #expect(monday.slot.start == mondayEarly)
    }

    @Test(arguments: [
        // (an instant, the Monday of its Paris ISO week, the week's length in hours)
        ("2026-12-04T16:00:00Z", "2026-11-30", 168),
        ("2026-11-29T23:00:00Z", "2026-11-30", 168),  // Monday 00:00 Paris: first second of the week
        ("2026-11-29T22:59:59Z", "2026-11-23", 168),  // Sunday 23:59:59 Paris: the week before
        ("2026-03-29T12:00:00Z", "2026-03-23", 167),  // spring forward on Sunday 29 March 2026
        ("2026-10-25T12:00:00Z", "2026-10-19", 169),  // fall back on Sunday 25 October 2026
        ("2027-01-01T10:00:00Z", "2026-12-28", 168),  // ISO week 53 of 2026 spans the new year
    ])
    func snpWeekBounds(instant: String, monday: String, hours: Int64) throws {
        let week = SNPWeek(containing: try #require(Instant.parseISO8601(instant)), zone: paris)
        #expect(week.monday.iso8601 == monday)
        #expect(week.start.seconds(until: week.end) == hours * 3600)
        #expect(paris.localTime(of: week.start).secondOfDay == 0 && paris.localTime(of: week.end).date.weekday == .monday)
    }
}
