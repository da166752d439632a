import Foundation

/// The benchmark's result: a table for people and one JSON object for programs, with the goals of issue 4
/// (p99 under 200 µs end to end, at least 20 times the peer's throughput).
struct FindSummary {
    var size: String
    var practitioners: Int
    var freeSlots: Int
    var bookings: Int
    var ours: ServerMeasurement?
    var peer: ServerMeasurement?
    /// The first `shared` queries are the ones both servers ran: the ratios use them only.
    var shared: Int
    var comparison: FindAnswerComparison
    /// slotmatch's slowest closed-loop queries: (position, request line).
    var slowest: [(Int, String)] = []

    /// The machine's 1-minute load average when the summary is made (other processes share the cores).
    var loadAverage: Double = {
        var l = [0.0, 0.0, 0.0]
        return getloadavg(&l, 3) > 0 ? l[0] : -1
    }()

    static let p99GoalMicroseconds = 200.0
    static let throughputGoal = 20.0

    func p(_ m: ServerMeasurement?, _ q: Double, prefix: Int? = nil, fastest: Bool = false) -> Double {
        guard let m else { return 0 }
        let values = fastest ? m.fastestLatencies : m.latencies
        return SearchBenchmark.percentile(prefix.map { Array(values.prefix($0)) } ?? values, q) * 1e6
    }

    var throughputRatio: Double? {
        guard let o = ours, let p = peer, p.pipelinedQPS > 0 else { return nil }
        return o.pipelinedQPSOnShared / p.pipelinedQPS
    }

    var p99Ratio: Double? {
        guard ours != nil, peer != nil, p(ours, 99, prefix: shared) > 0 else { return nil }
        return p(peer, 99) / p(ours, 99, prefix: shared)
    }

    var p50Ratio: Double? {
        guard ours != nil, peer != nil, p(ours, 50, prefix: shared) > 0 else { return nil }
        return p(peer, 50) / p(ours, 50, prefix: shared)
    }

    func printTable() {
        let f = SearchBenchmark.fixed
        print("slots.find end to end, \(size): \(practitioners) GPs, \(freeSlots) free slots (load average \(f(loadAverage, 2)) on \(ProcessInfo.processInfo.activeProcessorCount) cores)")
        print("server        queries  startup s   p50 µs   p99 µs   max µs   closed-loop q/s   pipelined q/s   fastest of R: p50 µs   p99 µs")
        for m in [ours, peer].compactMap({ $0 }) {
            print(m.name.padding(14) + String(m.latencies.count).padding(9) + f(m.startupSeconds, 2).padding(11)
                  + f(p(m, 50), 1).padding(9) + f(p(m, 99), 1).padding(9) + f(p(m, 100), 1).padding(9)
                  + f(m.closedLoopQPS, 0).padding(18) + f(m.pipelinedQPS, 0).padding(16)
                  + (m.repeats > 1 ? "R=\(m.repeats): " + f(p(m, 50, fastest: true), 1).padding(14) + f(p(m, 99, fastest: true), 1) : "-"))
        }
        if let o = ours, !slowest.isEmpty {
            print("slotmatch's slowest queries:")
            for (n, request) in slowest { print("  \(f(o.latencies[n] * 1e6, 0)) µs  \(request.trimmingCharacters(in: .newlines))") }
        }
        if let o = ours, peer != nil, shared < o.latencies.count {
            print("slotmatch on the peer's \(shared) queries: p50 \(f(p(o, 50, prefix: shared), 1)) µs, p99 \(f(p(o, 99, prefix: shared), 1)) µs, pipelined \(f(o.pipelinedQPSOnShared, 0)) q/s")
        }
        if let t = throughputRatio, let r = p99Ratio, let r50 = p50Ratio {
            print("ratios on the same queries: throughput ×\(f(t, 1)) (goal ≥ ×\(Int(FindSummary.throughputGoal))), p99 ×\(f(r, 1)), p50 ×\(f(r50, 1))")
        }
        if let o = ours {
            let ok = p(o, 99) < FindSummary.p99GoalMicroseconds
            print("goal p99 < \(Int(FindSummary.p99GoalMicroseconds)) µs end to end: \(ok ? "met" : "NOT met") (\(f(p(o, 99), 1)) µs each query sent once"
                  + (o.repeats > 1 ? "; \(f(p(o, 99, fastest: true), 1)) µs fastest of \(o.repeats), preemptions filtered)" : ")"))
        }
        if comparison.compared > 0 {
            print(comparison.mismatches.isEmpty
                  ? "answers: the same top-k slot ids and costs on all \(comparison.compared) compared queries (\(comparison.bothEmpty) with no slot on both)"
                  : "ANSWERS DIFFER on \(comparison.mismatches.count) of \(comparison.compared) compared queries")
            for m in comparison.mismatches.prefix(5) {
                print("  query \(m.query): \(m.request.trimmingCharacters(in: .newlines))")
                print("    slotmatch: \(m.ours.map { "\($0.id)@\($0.cost)" }.joined(separator: " "))")
                print("    peer:      \(m.peer.map { "\($0.id)@\($0.cost)" }.joined(separator: " "))")
            }
        }
    }

    var json: String {
        func server(_ m: ServerMeasurement?) -> String {
            guard let m else { return "null" }
            return "{\"command\":\"\(m.command.joined(separator: " "))\",\"queries\":\(m.latencies.count),\"startupSeconds\":\(SearchBenchmark.fixed(m.startupSeconds, 3)),"
                + "\"p50Microseconds\":\(SearchBenchmark.fixed(p(m, 50), 1)),\"p99Microseconds\":\(SearchBenchmark.fixed(p(m, 99), 1)),"
                + "\"maxMicroseconds\":\(SearchBenchmark.fixed(p(m, 100), 1)),\"closedLoopQPS\":\(SearchBenchmark.fixed(m.closedLoopQPS, 0)),"
                + (m.repeats > 1 ? "\"fastestOf\":\(m.repeats),\"fastestP50Microseconds\":\(SearchBenchmark.fixed(p(m, 50, fastest: true), 1)),"
                   + "\"fastestP99Microseconds\":\(SearchBenchmark.fixed(p(m, 99, fastest: true), 1))," : "")
                + "\"pipelinedQPS\":\(SearchBenchmark.fixed(m.pipelinedQPS, 0)),\"pipelinedQPSOnSharedQueries\":\(SearchBenchmark.fixed(m.pipelinedQPSOnShared, 0)),"
                + "\"errorAnswers\":\(m.errorAnswers)}"
        }
        func num(_ x: Double?) -> String { x.map { SearchBenchmark.fixed($0, 2) } ?? "null" }
        let p99ours = ours.map { p($0, 99) }
        return "{\"benchmark\":\"find-e2e\",\"size\":\"\(size)\",\"practitioners\":\(practitioners),\"freeSlots\":\(freeSlots),\"bookedThisWeek\":\(bookings),"
            + "\"sharedQueries\":\(shared),\"loadAverage\":\(SearchBenchmark.fixed(loadAverage, 2)),\"slotmatch\":\(server(ours)),\"peer\":\(server(peer)),"
            + "\"ratios\":{\"throughput\":\(num(throughputRatio)),\"p99\":\(num(p99Ratio)),\"p50\":\(num(p50Ratio))},"
            + "\"compared\":\(comparison.compared),\"mismatches\":\(comparison.mismatches.count),"
            + "\"goals\":{\"p99Under200us\":\(p99ours.map { $0 < FindSummary.p99GoalMicroseconds ? "true" : "false" } ?? "null"),"
            + "\"fastestP99Under200us\":\(ours.flatMap { $0.repeats > 1 ? (p($0, 99, fastest: true) < FindSummary.p99GoalMicroseconds ? "true" : "false") : nil } ?? "null"),"
            + "\"throughputAtLeast20x\":\(throughputRatio.map { $0 >= FindSummary.throughputGoal ? "true" : "false" } ?? "null")}}"
    }
}
