import Foundation

/// The check that both servers give the same answer: the same top-k slot ids in the same order (and the same
/// costs) on the first queries. Both break cost ties by start, then slot id (docs/ranking.md), so there is no
/// tie left to excuse a difference: any mismatch is reported and fails the run.
struct FindAnswerComparison {
    struct Mismatch {
        var query: Int
        var request: String
        var ours: [(id: Int64, cost: Int)]
        var peer: [(id: Int64, cost: Int)]
    }

    var compared = 0
    /// Queries where both found no slot.
    var bothEmpty = 0
    var mismatches: [Mismatch] = []

    init(_ ours: [String], _ peer: [String], queries: [[UInt8]]) {
        let n = min(ours.count, peer.count)
        for q in 0 ..< n {
            let a = FindAnswerComparison.slots(ours[q]), b = FindAnswerComparison.slots(peer[q])
            compared += 1
            if a.isEmpty && b.isEmpty { bothEmpty += 1 }
            if a.map(\.id) != b.map(\.id) || a.map(\.cost) != b.map(\.cost) {
                mismatches.append(Mismatch(query: q + 1, request: q < queries.count ? String(decoding: queries[q], as: UTF8.self) : "",
                                           ours: a, peer: b))
            }
        }
    }

    /// `result.slots[*].slot` and `.cost` of one answer line (empty for an error or a malformed answer).
    static func slots(_ line: String) -> [(id: Int64, cost: Int)] {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
              let result = object["result"] as? [String: Any], let slots = result["slots"] as? [[String: Any]] else { return [] }
        return slots.map { ((($0["slot"] as? NSNumber)?.int64Value ?? -1), (($0["cost"] as? NSNumber)?.intValue ?? Int.min)) }
    }
}
