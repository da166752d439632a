import Foundation

/// One server's run in the end-to-end benchmark: start-up, closed-loop latencies (send one line, read its
/// answer), a pipelined throughput run (write every line, read every answer), and the first answers kept for
/// the comparison of the two servers.
struct ServerMeasurement {
    var name: String
    var command: [String]
    /// From launch to the first warm-up answer (the server reading the store and building what it needs).
    var startupSeconds = 0.0
    /// Seconds per query, closed loop, in query order.
    var latencies: [Double] = []
    /// With `repeat` > 1: seconds per query, the fastest of `repeat` closed-loop sends of the same line. On a shared
    /// machine this filters out preemptions (another process taking the core), as `search --repeat` does.
    var fastestLatencies: [Double] = []
    var repeats = 1
    /// Queries per second when the closed-loop run's time is all that counts.
    var closedLoopQPS = 0.0
    /// Pipelined: queries answered per second, over `pipelinedCount` queries.
    var pipelinedQPS = 0.0
    var pipelinedCount = 0
    /// Pipelined over the queries both servers ran (the throughput ratio's numerator), when that is fewer.
    var pipelinedQPSOnShared = 0.0
    /// Answers that were JSON-RPC errors.
    var errorAnswers = 0
    var firstErrorAnswer: String?
    /// The first answers, as text, for the comparison.
    var keptAnswers: [String] = []
    var exitStatus: Int32 = 0

    /// Runs `command`: `warmup` lines first (closed loop), then `queries` closed loop, then pipelined
    /// (`queries`, and again only the first `shared` when that is fewer).
    static func run(name: String, command: [String], logPath: String, warmup: [[UInt8]], queries: [[UInt8]], shared: Int,
                    keep: Int, repeats: Int) throws -> ServerMeasurement {
        var m = ServerMeasurement(name: name, command: command)
        let t0 = SearchBenchmark.now()
        let server = try ServerProcess(command: command, logPath: logPath)
        for (n, line) in warmup.enumerated() {
            guard server.send(line), server.readLine() != nil else {
                throw RTreePeerError("\(name) stopped during the warm-up (see \(logPath))")
            }
            if n == 0 { m.startupSeconds = SearchBenchmark.now() - t0 }
        }
        m.latencies.reserveCapacity(queries.count)
        let errorKey = Array("\"error\":".utf8)
        let loopStart = SearchBenchmark.now()
        for (n, line) in queries.enumerated() {
            let s = SearchBenchmark.now()
            guard server.send(line), let answer = server.readLine() else {
                throw RTreePeerError("\(name) stopped at query \(n + 1) (see \(logPath))")
            }
            m.latencies.append(SearchBenchmark.now() - s)
            if contains(answer, errorKey) {
                m.errorAnswers += 1
                if m.firstErrorAnswer == nil { m.firstErrorAnswer = String(decoding: answer.prefix(600), as: UTF8.self) }
            }
            if n < keep { m.keptAnswers.append(String(decoding: answer, as: UTF8.self)) }
        }
        m.closedLoopQPS = Double(queries.count) / (SearchBenchmark.now() - loopStart)
        if repeats > 1 {
            m.repeats = repeats
            m.fastestLatencies.reserveCapacity(queries.count)
            for (n, line) in queries.enumerated() {
                var best = Double.infinity
                for _ in 0 ..< repeats {
                    let s = SearchBenchmark.now()
                    guard server.send(line), server.readLine() != nil else {
                        throw RTreePeerError("\(name) stopped at query \(n + 1), repeated (see \(logPath))")
                    }
                    best = min(best, SearchBenchmark.now() - s)
                }
                m.fastestLatencies.append(best)
            }
        }
        m.pipelinedCount = queries.count
        m.pipelinedQPS = try pipelined(server, queries, name: name)
        m.pipelinedQPSOnShared = shared < queries.count ? try pipelined(server, Array(queries.prefix(shared)), name: name) : m.pipelinedQPS
        m.exitStatus = server.stop()
        return m
    }

    /// Writes every line from another thread while this one reads the answers; queries per second.
    static func pipelined(_ server: ServerProcess, _ lines: [[UInt8]], name: String) throws -> Double {
        var all: [UInt8] = []
        all.reserveCapacity(lines.reduce(0) { $0 + $1.count })
        for l in lines { all.append(contentsOf: l) }
        let payload = all
        let done = DispatchSemaphore(value: 0)
        let start = SearchBenchmark.now()
        nonisolated(unsafe) let writer = server
        DispatchQueue.global().async {
            writer.send(payload)
            done.signal()
        }
        for n in 0 ..< lines.count where server.readLine() == nil {
            throw RTreePeerError("\(name) stopped at pipelined answer \(n + 1)")
        }
        let seconds = SearchBenchmark.now() - start
        done.wait()
        return Double(lines.count) / seconds
    }

    static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count, let first = needle.first else { return false }
        var i = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while i <= last {
            if haystack[i] == first && haystack[i ..< i + needle.count].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
