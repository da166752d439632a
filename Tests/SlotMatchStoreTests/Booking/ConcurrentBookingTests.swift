import Foundation
import Testing
import SlotMatchCore
@testable import SlotMatchStore

/// Several contenders, each with its OWN connection to one file, booking the same 20 slots at the same moment:
/// threads of this process, and separate processes. SQLite's locks and the conditional UPDATEs must give each
/// slot to one request and never exceed a cap.
///
/// The processes are this very test executable, launched (posix_spawn through Foundation's `Process`, never
/// `fork` of the multithreaded runner) to run only `aLoneWorkerBooksEverySlotItTries` in worker mode: the
/// environment names the database and the result file. Run alone, that test checks the worker on its own store.
@Suite struct ConcurrentBookingTests {
    static let threads = 6
    static let processes = 4

    /// GP 1: 10 slots, cap 100 (never reached). GP 2: 10 slots, cap 4 (reached under contention). One request per
    /// contender and slot.
    static func contestedStore(contenders: Int, prefix: String) throws -> (BookingFixture, gp1: [Int64], gp2: [Int64]) {
        let f = try BookingFixture(gps: [(1, 100), (2, 4)], hours: Array(2 ... 11))
        let gp1 = try f.slotIDs(gp: 1), gp2 = try f.slotIDs(gp: 2)
        for w in 0 ..< contenders {
            for i in 0 ..< gp1.count + gp2.count { try f.submit(BookingWorker.requestID(prefix: prefix, worker: w, slot: i)) }
        }
        return (f, gp1, gp2)
    }

    /// What must hold whoever the contenders were.
    static func expectOneWinnerPerSlot(_ f: BookingFixture, _ ledger: BookingLedger, contenders: Int, gp1: [Int64], gp2: [Int64]) throws {
        #expect(ledger.unexpectedErrors.isEmpty, "\(ledger.unexpectedErrors)")
        #expect(Set(ledger.refusals.keys).isSubset(of: ["slot-unavailable", "cap-reached"]), "\(ledger.refusals)")
        // A contender's own valid hold is never lost to another; only the cap can refuse it.
        #expect(Set(ledger.lostAfterHold.keys).isSubset(of: ["cap-reached"]), "\(ledger.lostAfterHold)")
        let wins = ledger.wins
        let attempts = wins.count + ledger.refusals.values.reduce(0, +) + ledger.lostAfterHold.values.reduce(0, +)
        #expect(attempts == contenders * (gp1.count + gp2.count))

        // Exactly one winner per slot of the uncapped GP; the capped GP stops at its cap; no slot twice.
        let wonSlots = wins.map(\.slot)
        #expect(Set(wonSlots).count == wonSlots.count)
        #expect(Set(wonSlots).isSuperset(of: gp1))
        #expect(wonSlots.filter { gp2.contains($0) }.count == 4)

        // The file agrees with what the contenders saw.
        let appointments = try f.store.appointments(from: t0, to: t0.adding(seconds: 86_400))
        #expect(appointments.count == 14 && appointments.allSatisfy { $0.status == .booked && $0.slot.status == .booked })
        #expect(Set(appointments.map(\.id)) == Set(wins.map(\.appointment)))
        #expect(appointments.filter { $0.slot.practitioner == syntheticRPPS(2) }.count == 4)
        let stats = try f.store.storeStatistics()
        #expect(stats.bookedSlots == 14 && stats.heldSlots == 0 && stats.freeSlots == 6)
        #expect(try f.auditActions().filter { $0 == "appointment.book" }.count == 14)
        #expect(try f.store.verifyAudit().isIntact)
    }

    @Test func threadsWithTheirOwnConnectionsGiveEachSlotToExactlyOneRequest() throws {
        let (f, gp1, gp2) = try Self.contestedStore(contenders: Self.threads, prefix: "T")
        let slots = gp1 + gp2
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
                BookingWorker.run(store: store, slots: slots, worker: t, prefix: "T", ledger: ledger)
            }
            thread.start()
        }
        ready.wait()
        for _ in 0 ..< Self.threads { go.signal() }
        done.wait()
        try Self.expectOneWinnerPerSlot(f, ledger, contenders: Self.threads, gp1: gp1, gp2: gp2)
    }

    // MARK: Processes

    static let workerDatabase = "SLOTMATCH_TEST_WORKER_DB"
    static let workerIndex = "SLOTMATCH_TEST_WORKER_INDEX"
    static let workerResults = "SLOTMATCH_TEST_WORKER_RESULTS"
    static let workerGo = "SLOTMATCH_TEST_WORKER_GO"

    @Test func separateProcessesGiveEachSlotToExactlyOneRequest() throws {
        let (f, gp1, gp2) = try Self.contestedStore(contenders: Self.processes, prefix: "P")
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let goFile = f.dir.file("go")
        var children: [(Process, results: String)] = []
        for p in 0 ..< Self.processes {
            let child = Process()
            child.executableURL = URL(fileURLWithPath: executable)
            child.arguments = ["--testing-library", "swift-testing", "--filter", "ConcurrentBookingTests/aLoneWorkerBooksEverySlotItTries"]
            var environment = ProcessInfo.processInfo.environment
            let results = f.dir.file("worker-\(p).txt")
            environment[Self.workerDatabase] = f.path
            environment[Self.workerIndex] = String(p)
            environment[Self.workerResults] = results
            environment[Self.workerGo] = goFile
            child.environment = environment
            child.standardOutput = FileHandle.nullDevice
            child.standardError = FileHandle.nullDevice
            try child.run()
            children.append((child, results))
        }
        // Start them together: each writes `<results>.ready` once its connection is open, then waits for the go file.
        let everyoneReady = Self.waitFor { children.allSatisfy { FileManager.default.fileExists(atPath: $0.results + ".ready") } }
        FileManager.default.createFile(atPath: goFile, contents: Data())
        for (child, _) in children { child.waitUntilExit() }
        #expect(everyoneReady, "a worker process did not open the store")

        let ledger = BookingLedger()
        for (child, results) in children {
            #expect(child.terminationReason == .exit && child.terminationStatus == 0, "worker exited with \(child.terminationStatus)")
            ledger.absorb((try? String(contentsOfFile: results, encoding: .utf8)) ?? "unexpected no results from the worker\n")
        }
        try Self.expectOneWinnerPerSlot(f, ledger, contenders: Self.processes, gp1: gp1, gp2: gp2)
    }

    /// In worker mode (launched by the test above): books on the given file and writes its ledger. Run alone: books
    /// on its own store, where, without contention, it must win every slot of the uncapped GP and exactly the cap
    /// of the other.
    @Test func aLoneWorkerBooksEverySlotItTries() throws {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment[Self.workerDatabase], let resultsPath = environment[Self.workerResults],
           let goPath = environment[Self.workerGo], let worker = environment[Self.workerIndex].flatMap({ Int($0) }) {
            let store = try Store(path: path)
            let slots = try store.slotChanges(after: 0).slots.sorted { ($0.practitioner, $0.start) < ($1.practitioner, $1.start) }.map(\.id)
            FileManager.default.createFile(atPath: resultsPath + ".ready", contents: Data())
            #expect(Self.waitFor { FileManager.default.fileExists(atPath: goPath) })
            let ledger = BookingLedger()
            BookingWorker.run(store: store, slots: slots, worker: worker, prefix: "P", ledger: ledger)
            try ledger.lines.write(toFile: resultsPath, atomically: true, encoding: .utf8)
            #expect(ledger.unexpectedErrors.isEmpty, "\(ledger.unexpectedErrors)")
            return
        }
        let (f, gp1, gp2) = try Self.contestedStore(contenders: 1, prefix: "P")
        let ledger = BookingLedger()
        BookingWorker.run(store: f.store, slots: gp1 + gp2, worker: 0, prefix: "P", ledger: ledger)
        #expect(ledger.unexpectedErrors.isEmpty && ledger.refusals.isEmpty)
        #expect(ledger.lostAfterHold == ["cap-reached": 6])
        #expect(Set(ledger.wins.map(\.slot)) == Set(gp1).union(gp2.prefix(4)))
        #expect(try f.store.verifyAudit().isIntact)
    }

    /// Polls `condition` every 2 ms for up to 60 s (a rendezvous between processes, not a timing measurement).
    static func waitFor(_ condition: () -> Bool) -> Bool {
        for _ in 0 ..< 30_000 {
            if condition() { return true }
            usleep(2_000)
        }
        return condition()
    }
}
