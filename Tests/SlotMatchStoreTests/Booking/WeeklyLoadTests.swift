import Foundation
import Testing
import SlotMatchCore
@testable import SlotMatchStore

/// `Store.weeklySNPLoad`: the per-GP, per-Paris-ISO-week count the slot index checks caps with, read in one query.
@Suite struct WeeklyLoadTests {
    /// Around the Sunday-to-Monday midnight in Paris (23:00 UTC in winter) and with a cancelled appointment.
    @Test func countsNonCancelledAppointmentsPerParisWeekAndGP() throws {
        let f = try BookingFixture(gps: [(1, 20), (2, 20)], hours: [2])   // both: Friday 2026-12-04 18:00 UTC
        let sundayLate = Instant.parseISO8601("2026-12-06T22:45:00Z")!   // Sun 6 Dec 23:45 Paris
        let mondayEarly = Instant.parseISO8601("2026-12-06T23:15:00Z")!   // Mon 7 Dec 00:15 Paris: the next week
        let tuesday = Instant.parseISO8601("2026-12-08T09:00:00Z")!
        try f.addSlots(gp: 1, starts: [sundayLate, mondayEarly])
        try f.addSlots(gp: 2, starts: [tuesday, tuesday.adding(seconds: 3600)])
        let gp1 = try f.slotIDs(gp: 1), gp2 = try f.slotIDs(gp: 2)
        #expect(gp1.count == 3 && gp2.count == 3)
        var n = 0
        func book(_ slot: Int64) throws -> Appointment {
            n += 1
            try f.submit("R-\(n)")
            return try f.store.book(slotID: slot, requestID: "R-\(n)", operator: "op-ana", weekZone: paris, now: t0)
        }
        for slot in gp1 { _ = try book(slot) }
        _ = try book(gp2[1])
        let cancelled = try book(gp2[2])
        _ = try f.store.cancel(appointmentID: cancelled.id, reason: .patientCancelled, operator: "op-ana", now: t0)

        let load = try f.store.weeklySNPLoad(from: t0, to: Instant(secondsSinceEpoch: Int64.max), zone: paris)
        let first = SNPWeek(containing: t0, zone: paris), second = SNPWeek(containing: mondayEarly, zone: paris)
        #expect(first.monday == CivilDate(year: 2026, month: 11, day: 30) && second.monday == CivilDate(year: 2026, month: 12, day: 7))
        #expect(first.end == second.start && second.start == Instant.parseISO8601("2026-12-06T23:00:00Z"))
        let one = syntheticRPPS(1).digits, two = syntheticRPPS(2).digits
        #expect(load == [first: [one: 2], second: [one: 1, two: 1]])

        // The window selects by slot start: from Monday on, the Friday and Sunday bookings are not read.
        let later = try f.store.weeklySNPLoad(from: second.start, to: Instant(secondsSinceEpoch: Int64.max), zone: paris)
        #expect(later == [second: [one: 1, two: 1]])
        // An empty window reads nothing.
        #expect(try f.store.weeklySNPLoad(from: t0, to: t0, zone: paris).isEmpty)
    }
}
