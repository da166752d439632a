import Foundation
import SlotMatchCore
import SlotMatchStore
import Testing
@testable import SlotMatchBalance

@Suite struct BalanceApplyTests {
    @Test func pendingAppointmentsMoveBookedOnesNeverAndEveryStepIsAudited() throws {
        // GP 0 is 30 km away, GP 1 is 1 km away. R-1 (pending) and R-2 (booked) both sit at GP 0; GP 1 has free slots.
        let f = try BalanceStoreFixture(gps: [(30, 20), (1, 20)])
        let far = try f.addSlots(gp: 0, hours: [3, 4])
        let near = try f.addSlots(gp: 1, hours: [3, 4, 5])
        try f.submit("R-1"); try f.submit("R-2"); try f.submit("R-3")
        try f.book(far[0], for: "R-1", pending: true)
        let confirmed = try f.book(far[1], for: "R-2", pending: false)

        let input = try f.input()
        let plan = try BalancePlanner().plan(input)
        #expect(plan.costAfter < plan.costBefore)
        #expect(Set(plan.moves.map(\.requestID)) == ["R-1", "R-3"])
        #expect(!plan.moves.contains { $0.requestID == "R-2" })
        let auditBefore = try f.store.auditEntries().count
        let result = try f.store.applyBalance(BalanceStoreFixture.plannedMoves(plan, input), operator: "balance-job",
                                              weekZone: paris, now: f.now)
        #expect(result.skipped.isEmpty && result.applied.count == 2 && result.attempts == 1)

        let r1 = try #require(try f.active("R-1"))
        #expect(near.contains(r1.slot.id) && r1.status == .pending)
        #expect(try f.active("R-3").map { near.contains($0.slot.id) } == true)
        #expect(try f.active("R-2") == confirmed)  // the booked one is where it was, untouched
        #expect(try f.store.slot(id: far[0])?.status == .free)

        let actions = try f.store.auditEntries().dropFirst(auditBefore).map(\.action)
        #expect(actions.filter { $0 == "appointment.cancel" }.count == 1)
        #expect(actions.filter { $0 == "appointment.book" }.count == 2)
        #expect(actions.filter { $0 == "balance.move" }.count == 2)
        #expect(actions.last == "balance.run")
        #expect(try f.store.verifyAudit().isIntact)
    }

    @Test func aMoveWhoseSlotWasBookedMeanwhileIsSkippedAndTheRestApplied() throws {
        // GP 0 is 30 km north, GP 1 is 1 km away. R-1 and R-3 (Rambouillet) and R-2 (who lives by GP 0) hold
        // proposals at GP 0; the optimum brings to GP 1 and leaves R-2 where it is.
        let f = try BalanceStoreFixture(gps: [(30, 20), (1, 20)])
        let far = try f.addSlots(gp: 0, hours: [3, 2, 5])
        _ = try f.addSlots(gp: 1, hours: [3, 5])
        try f.submit("R-1"); try f.submit("R-2", km: 30); try f.submit("R-3")
        let a1 = try f.book(far[0], for: "R-1", pending: true)
        let a2 = try f.book(far[1], for: "R-2", pending: true)
        let a3 = try f.book(far[2], for: "R-3", pending: true)
        let input = try f.input()
        let moves = BalanceStoreFixture.plannedMoves(try BalancePlanner().plan(input), input)
        #expect(Set(moves.map(\.requestID)) == ["R-1", "R-3"])
        let r1Target = try #require(moves.first { $0.requestID == "R-1" }?.toSlotID)
        let r3Target = try #require(moves.first { $0.requestID == "R-3" }?.toSlotID)

        // Another operator, on their own connection, books R-1's target for a new caller before the job writes.
        try f.submit("R-X")
        try f.book(r1Target, for: "R-X", pending: false, store: try Store(path: f.path))

        let result = try f.store.applyBalance(moves, operator: "balance-job", weekZone: paris, now: f.now)
        #expect(result.skipped.map(\.move.requestID) == ["R-1"])
        #expect(result.skipped.first?.code == "slot-unavailable")
        #expect(result.applied.map(\.requestID) == ["R-3"])
        // R-1 kept its proposal exactly as it was: nothing half-applied.
        #expect(try f.active("R-1") == f.store.appointment(id: a1.id))
        #expect(try f.active("R-1")?.status == .pending)
        #expect(try f.active("R-2") == f.store.appointment(id: a2.id))
        #expect(try f.store.appointment(id: a3.id)?.status == .cancelled)
        #expect(try f.active("R-3")?.slot.id == r3Target && f.active("R-3")?.status == .pending)
        #expect(try f.active("R-X")?.slot.id == r1Target)
        #expect(try f.store.verifyAudit().isIntact)
    }

    @Test func aChainWhoseFirstLinkLostItsSlotIsSkippedWhole() throws {
        // R-1 (far, +3 h) moves near, and R-2 (far, +6 h) moves into the slot R-1 leaves: when R-1's target is taken
        // meanwhile, R-1 stays, so its slot is not freed and R-2 must stay too.
        let f = try BalanceStoreFixture(gps: [(30, 20), (1, 20)])
        let far = try f.addSlots(gp: 0, hours: [3, 6])
        _ = try f.addSlots(gp: 1, hours: [3, 6])
        try f.submit("R-1"); try f.submit("R-2")
        let a1 = try f.book(far[0], for: "R-1", pending: true)
        let a2 = try f.book(far[1], for: "R-2", pending: true)
        let input = try f.input()
        let moves = BalanceStoreFixture.plannedMoves(try BalancePlanner().plan(input), input)
        let chain = try #require(moves.first { $0.toSlotID == far[0] })  // someone moves into R-1's slot
        let head = try #require(moves.first { $0.fromSlotID == far[0] })
        try f.submit("R-X")
        try f.book(head.toSlotID, for: "R-X", pending: false, store: try Store(path: f.path))

        let result = try f.store.applyBalance(moves, operator: "balance-job", weekZone: paris, now: f.now)
        #expect(Set(result.skipped.map(\.move)) == [head, chain])
        #expect(result.skipped.first { $0.move == chain }?.code == "depends-on-skipped")
        #expect(result.applied.isEmpty)
        #expect(try f.active("R-1") == f.store.appointment(id: a1.id))
        #expect(try f.active("R-2") == f.store.appointment(id: a2.id))
        #expect(try f.store.verifyAudit().isIntact)
    }

    @Test func aCapFilledMeanwhileRollsTheWholeRunBackAndRetriesWithoutThatMove() throws {
        // The near GP has cap 1. The job plans R-1 there; meanwhile another booking fills the cap on another slot.
        // The booking inside the job's transaction is refused after R-1's cancel: the run must roll back, not keep the cancel.
        let f = try BalanceStoreFixture(gps: [(30, 20), (1, 1)])
        let far = try f.addSlots(gp: 0, hours: [3])
        let near = try f.addSlots(gp: 1, hours: [3, 5])
        try f.submit("R-1")
        let a1 = try f.book(far[0], for: "R-1", pending: true)
        let input = try f.input()
        let plan = try BalancePlanner().plan(input)
        let moves = BalanceStoreFixture.plannedMoves(plan, input)
        let target = try #require(moves.first?.toSlotID)
        let otherSlot = near.first { $0 != target }!
        try f.submit("R-X")
        try f.book(otherSlot, for: "R-X", pending: false, store: try Store(path: f.path))

        let auditBefore = try f.store.auditEntries().count
        let result = try f.store.applyBalance(moves, operator: "balance-job", weekZone: paris, now: f.now)
        #expect(result.attempts == 2)
        #expect(result.applied.isEmpty)
        #expect(result.skipped.map(\.code) == ["cap-reached"])
        #expect(try f.active("R-1") == f.store.appointment(id: a1.id))
        #expect(try f.store.slot(id: far[0])?.status == .booked)
        // Only the summary of the retried run was written: no cancel survived the rollback.
        #expect(try f.store.auditEntries().dropFirst(auditBefore).map(\.action) == ["balance.run"])
        #expect(try f.store.verifyAudit().isIntact)
    }

    @Test func aProposalConfirmedMeanwhileIsNotMoved() throws {
        let f = try BalanceStoreFixture(gps: [(30, 20), (1, 20)])
        let far = try f.addSlots(gp: 0, hours: [3])
        _ = try f.addSlots(gp: 1, hours: [3])
        try f.submit("R-1")
        let a1 = try f.book(far[0], for: "R-1", pending: true)
        let input = try f.input()
        let moves = BalanceStoreFixture.plannedMoves(try BalancePlanner().plan(input), input)
        #expect(moves.count == 1)
        _ = try Store(path: f.path).confirm(appointmentID: a1.id, operator: "op-bob", now: f.now)
        let result = try f.store.applyBalance(moves, operator: "balance-job", weekZone: paris, now: f.now)
        #expect(result.skipped.map(\.code) == ["changed-meanwhile"])
        #expect(try f.active("R-1")?.status == .booked && f.active("R-1")?.slot.id == far[0])
    }
}
