import Foundation
import SlotMatchCore
@testable import SlotMatchStore

/// One contender in the concurrent booking tests: walks the slots in its own order and tries to book each one
/// for its own request (`<prefix><worker>-S<i>`), by hold then book (even workers) or directly (odd workers).
enum BookingWorker {
    static func requestID(prefix: String, worker: Int, slot index: Int) -> String { "\(prefix)\(worker)-S\(index)" }

    static func run(store: Store, slots: [Int64], worker: Int, prefix: String, ledger: BookingLedger) {
        for k in slots.indices {
            // Each worker its own order (7 is coprime with 20 slots), so that they collide everywhere.
            let i = (k * (worker % 2 == 0 ? 1 : 7) + worker * 3) % slots.count
            let request = requestID(prefix: prefix, worker: worker, slot: i), op = "op-\(worker)"
            do {
                if worker % 2 == 0 {
                    let hold = try store.hold(slotID: slots[i], requestID: request, operator: op, now: t0)
                    do {
                        let a = try store.book(holdID: hold.id, requestID: request, operator: op, weekZone: paris, now: t0)
                        ledger.win(thread: worker, slot: slots[i], appointment: a.id)
                    } catch let error as BookingError {
                        ledger.lostAfterHold(error.code)
                        try store.releaseHold(hold.id, operator: op, now: t0)
                    }
                } else {
                    let a = try store.book(slotID: slots[i], requestID: request, operator: op, weekZone: paris, now: t0)
                    ledger.win(thread: worker, slot: slots[i], appointment: a.id)
                }
            } catch let error as BookingError {
                ledger.refused(error.code)
            } catch {
                ledger.unexpected("\(error)")
            }
        }
    }
}
