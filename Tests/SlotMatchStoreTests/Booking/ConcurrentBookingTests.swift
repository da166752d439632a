import Foundation
import Testing
import SlotMatchCore
@testable import SlotMatchStore

/// Several threads, each with its OWN connection to one file (as separate processes would have), booking the same
/// 20 slots at the same moment. SQLite's file locks and the conditional UPDATEs must give each slot to one request.
///
/// A multi-process variant (separate `slotmatch book` processes on one file) belongs with the CLI command:
/// forking the parallel test runner is not safe, and there is no executable to launch yet.
@Suite struct ConcurrentBookingTests {
    static let threads = 6

    @Test func threadsWithTheirOwnConnectionsGiveEachSlotToExactlyOneRequest() throws {
        // GP 1: 10 slots, cap 100 (never reached). GP 2: 10 slots, cap 4 (reached under contention).
        let f = try BookingFixture(gps: [(1, 100), (2, 4)], hours: Array(2 ... 11))
        let gp1 = try f.slotIDs(gp: 1), gp2 = try f.slotIDs(gp: 2)
        let slots = gp1 + gp2
        #expect(slots.count == 20)
        for t in 0 ..< Self.threads { for i in slots.indices { try f.submit("T\(t)-S\(i)") } }

        let path = f.path
        let ledger = BookingLedger()
        let ready = DispatchGroup(), done = DispatchGroup()
        let go = DispatchSemaphore(value: 0)
        for t in 0 ..< Self.threads {
            ready.enter()
            done.enter()
            let thread = Thread {
                defer { done.leave() }
                let store: Store
                do { store = try Store(path: path) } catch {
                    ledger.unexpected("open: \(error)")
                    ready.leave()
                    return
                }
                ready.leave()
                go.wait()  // everyone starts together
                for k in slots.indices {
                    // Each thread walks the slots in its own order (7 is coprime with 20), so they collide everywhere.
                    let i = (k * (t % 2 == 0 ? 1 : 7) + t * 3) % slots.count
                    let request = "T\(t)-S\(i)", op = "op-\(t)"
                    do {
                        if t % 2 == 0 {
                            let hold = try store.hold(slotID: slots[i], requestID: request, operator: op, now: t0)
                            do {
                                let a = try store.book(holdID: hold.id, requestID: request, operator: op, weekZone: paris, now: t0)
                                ledger.win(thread: t, slot: slots[i], appointment: a.id)
                            } catch let error as BookingError {
                                ledger.lostAfterHold(error.code)
                                try store.releaseHold(hold.id, operator: op, now: t0)
                            }
                        } else {
                            let a = try store.book(slotID: slots[i], requestID: request, operator: op, weekZone: paris, now: t0)
                            ledger.win(thread: t, slot: slots[i], appointment: a.id)
                        }
                    } catch let error as BookingError {
                        ledger.refused(error.code)
                    } catch {
                        ledger.unexpected("\(error)")
                    }
                }
            }
            thread.start()
        }
        ready.wait()
        for _ in 0 ..< Self.threads { go.signal() }
        done.wait()

        #expect(ledger.unexpectedErrors.isEmpty, "\(ledger.unexpectedErrors)")
        #expect(Set(ledger.refusals.keys).isSubset(of: ["slot-unavailable", "cap-reached"]), "\(ledger.refusals)")
        // A thread's own valid hold is never lost to another thread; only the cap can refuse it.
        #expect(Set(ledger.lostAfterHold.keys).isSubset(of: ["cap-reached"]), "\(ledger.lostAfterHold)")
        let wins = ledger.wins
        let attempts = wins.count + ledger.refusals.values.reduce(0, +) + ledger.lostAfterHold.values.reduce(0, +)
        #expect(attempts == Self.threads * slots.count)

        // Exactly one winner per slot of the uncapped GP; the capped GP stops at its cap; no slot twice.
        let wonSlots = wins.map(\.slot)
        #expect(Set(wonSlots).count == wonSlots.count)
        #expect(Set(wonSlots).isSuperset(of: gp1))
        #expect(wonSlots.filter { gp2.contains($0) }.count == 4)

        // The file agrees with what the threads saw.
        let appointments = try f.store.appointments(from: t0, to: t0.adding(seconds: 86_400))
        #expect(appointments.count == 14 && appointments.allSatisfy { $0.status == .booked && $0.slot.status == .booked })
        #expect(Set(appointments.map(\.id)) == Set(wins.map(\.appointment)))
        #expect(appointments.filter { $0.slot.practitioner == syntheticRPPS(2) }.count == 4)
        let stats = try f.store.storeStatistics()
        #expect(stats.bookedSlots == 14 && stats.heldSlots == 0 && stats.freeSlots == 6)
        #expect(try f.auditActions().filter { $0 == "appointment.book" }.count == 14)
        #expect(try f.store.verifyAudit().isIntact)
    }
}
