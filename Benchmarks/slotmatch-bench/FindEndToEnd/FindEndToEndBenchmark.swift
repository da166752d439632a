import Foundation
import SlotMatchConfig
import SlotMatchCore
import SlotMatchStore

/// `slotmatch-bench find-e2e`: `slots.find` end to end (JSON line in, JSON line out) through `slotmatch serve`,
/// and in the same run through the peer `slotmatch-bench rtree-serve` (SQLite R*Tree + time filter, the obvious
/// way), on the same database and the same seeded queries. Checks that both return the same top-k slot ids on
/// the first queries, then prints p50/p99 latency, queries per second and the ratios, as a table and one JSON line.
enum FindEndToEndBenchmark {
    static let usage = """
        USAGE: slotmatch-bench find-e2e [--size national|territory] [--queries N] [--peer-queries N] [--compare N]
                                        [--warmup N] [--repeat R] [--limit K] [--seed S] [--gps N] [--slots N] [--territory-slots N]
                                        [--db FILE] [--reuse-db] [--server "CMD"] [--peer "CMD"] [--no-server] [--no-peer] [--held-index]
                                        [--roster FILE] [--dump-requests FILE] [--show-slowest N]
        The server commands get " --db FILE" appended; they are split on spaces.
        --repeat R (default 3) adds a closed-loop pass where each query is sent R times and its fastest answer counts.
        --held-index adds the partial index slots(id) WHERE status = 'held' to the benchmark's database
        (an experiment: the service's expired-hold sweep otherwise scans the whole slots table; docs/benchmark-find.md).
        """

    static func run(_ args: [String]) -> Int32 {
        var text: [String: String] = ["size": "national", "seed": "2026", "limit": "5", "compare": "200", "warmup": "300",
                                      "gps": "52000", "slots": "3600000", "territory-slots": "24", "roster": "Schedules/roster.csv"]
        var flags = Set<String>()
        let flagNames: Set = ["reuse-db", "no-server", "no-peer", "held-index"]
        let valued: Set = ["size", "queries", "peer-queries", "compare", "warmup", "limit", "seed", "gps", "slots", "territory-slots",
                           "db", "server", "peer", "roster", "dump-requests", "show-slowest", "repeat"]
        var i = 0
        while i < args.count {
            let key = args[i].hasPrefix("--") ? String(args[i].dropFirst(2)) : ""
            if flagNames.contains(key) { flags.insert(key); i += 1; continue }
            guard valued.contains(key), i + 1 < args.count else {
                FileHandle.standardError.write(Data("Error: unknown or incomplete option '\(args[i])'\n\(usage)\n".utf8))
                return 64
            }
            text[key] = args[i + 1]
            i += 2
        }
        func int(_ key: String, _ fallback: Int) -> Int { text[key].flatMap { Int($0) }.map { max(0, $0) } ?? fallback }
        let size = text["size"]!
        guard size == "national" || size == "territory" else {
            FileHandle.standardError.write(Data("Error: --size is national or territory\n\(usage)\n".utf8))
            return 64
        }
        let seed = UInt64(int("seed", 2026))
        let queries = int("queries", 20_000)
        let peerQueries = min(queries, int("peer-queries", size == "national" ? 2_000 : queries))
        let compare = min(peerQueries, int("compare", 200))
        let dbPath = text["db"] ?? NSTemporaryDirectory() + "slotmatch-find-e2e-\(size).db"
        let bench = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let binDir = (bench as NSString).deletingLastPathComponent
        let serverCommand = (text["server"] ?? binDir + "/slotmatch serve").split(separator: " ").map(String.init) + ["--db", dbPath]
        let peerCommand = (text["peer"] ?? bench + " rtree-serve").split(separator: " ").map(String.init) + ["--db", dbPath]

        do {
            let territory = try TerritoryFile.loadDefault()
            var t0 = SearchBenchmark.now()
            let instance = size == "national"
                ? try FindInstance.national(practitioners: int("gps", 52_000), targetSlots: int("slots", 3_600_000), seed: seed)
                : try FindInstance.territory(rosterPath: text["roster"]!, territory: territory,
                                             slotsPerPractitioner: int("territory-slots", 24), seed: seed)
            let generated = SearchBenchmark.now() - t0
            var stored = InstanceWriter.Outcome(freeSlots: 0, bookings: 0, seconds: 0)
            var rtreeSeconds = 0.0
            let reuse = flags.contains("reuse-db") && FileManager.default.fileExists(atPath: dbPath)
            if !reuse {
                stored = try InstanceWriter.write(instance, to: dbPath)
                t0 = SearchBenchmark.now()
                let db = try Database(path: dbPath)
                guard try SlotRTree.isAvailable(db) else { throw RTreePeerError("this SQLite has no R*Tree module (PRAGMA compile_options)") }
                try SlotRTree.build(db, territory: territory)
                rtreeSeconds = SearchBenchmark.now() - t0
            } else {
                let db = try Database(path: dbPath)
                stored.freeSlots = Int(try db.fetchInt64("SELECT count(*) FROM slots WHERE status = 'free'") ?? 0)
                stored.bookings = Int(try db.fetchInt64("SELECT count(*) FROM appointments") ?? 0)
            }
            print("instance \(size): \(instance.practitioners.count) GPs, \(stored.freeSlots) free slots stored, \(stored.bookings) booked this week"
                  + " (generated in \(SearchBenchmark.ms(generated)) ms" + (reuse ? ", database reused: \(dbPath))"
                  : "; written in one transaction in \(SearchBenchmark.ms(stored.seconds)) ms, R*Tree in \(SearchBenchmark.ms(rtreeSeconds)) ms: \(dbPath))"))

            let db = try Database(path: dbPath)
            try db.executeScript(flags.contains("held-index")
                ? "CREATE INDEX IF NOT EXISTS bench_held_slots ON slots(id) WHERE status = 'held'"
                : "DROP INDEX IF EXISTS bench_held_slots; DROP INDEX IF EXISTS bench_held_slots_by_expiry")
            let spread = size == "national" ? 4.0 : 3.0
            let warmupLines = FindRequestMix.make(instance, count: int("warmup", 300), limit: int("limit", 5), spreadKm: spread,
                                                  seed: seed &+ 7, firstID: 1_000_000)
            let lines = FindRequestMix.make(instance, count: queries, limit: int("limit", 5), spreadKm: spread, seed: seed &+ 1)
            if let dump = text["dump-requests"] {
                // The measured lines, for replaying by hand: `slotmatch serve --db FILE < dump`.
                _ = FileManager.default.createFile(atPath: dump, contents: Data(lines.joined()))
            }
            var ours: ServerMeasurement?
            var peer: ServerMeasurement?
            let logDir = NSTemporaryDirectory()
            if !flags.contains("no-server") {
                print("running slotmatch: \(serverCommand.joined(separator: " ")) (\(queries) queries)")
                ours = try ServerMeasurement.run(name: "slotmatch", command: serverCommand, logPath: logDir + "slotmatch-find-e2e-serve.log",
                                                 warmup: warmupLines, queries: lines, shared: peerQueries, keep: compare, repeats: int("repeat", 3))
            }
            if !flags.contains("no-peer") {
                print("running the peer: \(peerCommand.joined(separator: " ")) (\(peerQueries) queries)")
                peer = try ServerMeasurement.run(name: "sqlite-rtree", command: peerCommand, logPath: logDir + "slotmatch-find-e2e-peer.log",
                                                 warmup: warmupLines, queries: Array(lines.prefix(peerQueries)), shared: peerQueries, keep: compare, repeats: int("repeat", 3))
            }
            let comparison = FindAnswerComparison(ours?.keptAnswers ?? [], peer?.keptAnswers ?? [], queries: Array(lines.prefix(compare)))
            var report = FindSummary(size: size, practitioners: instance.practitioners.count, freeSlots: stored.freeSlots,
                                     bookings: stored.bookings, ours: ours, peer: peer, shared: peerQueries, comparison: comparison)
            if let o = ours {
                report.slowest = o.latencies.indices.sorted { o.latencies[$0] > o.latencies[$1] }.prefix(int("show-slowest", 5))
                    .map { ($0, String(decoding: lines[$0], as: UTF8.self)) }
            }
            report.printTable()
            print(report.json)
            if let o = ours, o.errorAnswers > 0 { print("ERROR: slotmatch answered \(o.errorAnswers) queries with an error, first: \(o.firstErrorAnswer ?? "")") }
            if let p = peer, p.errorAnswers > 0 { print("ERROR: the peer answered \(p.errorAnswers) queries with an error, first: \(p.firstErrorAnswer ?? "")") }
            let failed = comparison.mismatches.count > 0 || (ours?.errorAnswers ?? 0) > 0 || (peer?.errorAnswers ?? 0) > 0
            return failed ? 1 : 0
        } catch {
            print("Error: \(error)")
            return 65
        }
    }
}
