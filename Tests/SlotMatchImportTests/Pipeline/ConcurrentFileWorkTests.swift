import SlotMatchImport
import Synchronization
import Testing

@Suite struct ConcurrentFileWorkTests {
    /// Element i is work(i), each index computed exactly once, whatever the number of jobs and items.
    @Test(arguments: [(0, 1), (0, 4), (1, 4), (7, 1), (7, 3), (100, 2), (100, 8), (1_000, 64)])
    func resultsComeInOrderAndEachIndexOnce(count: Int, jobs: Int) {
        let calls = CallCounter(count)
        let results = ConcurrentFileWork.map(count, jobs: jobs) { i -> String in
            calls.record(i)
            // Uneven work, so lanes finish out of order.
            var x = UInt64(i) &* 0x9E37_79B9_7F4A_7C15
            for _ in 0 ..< (i % 7) * 1_000 { x = x &* 6_364_136_223_846_793_005 &+ 1 }
            return "\(i):\(x)"
        }
        #expect(results.count == count)
        #expect(results.enumerated().allSatisfy { $0.element.hasPrefix("\($0.offset):") })
        #expect(calls.all(equalTo: 1))
    }

    @Test func availableCoresIsAtLeastOne() {
        #expect(ConcurrentFileWork.availableCores >= 1)
    }

    /// How many times each index was computed, from any thread.
    final class CallCounter: Sendable {
        let counts: Mutex<[Int]>
        init(_ n: Int) { counts = Mutex(Array(repeating: 0, count: n)) }
        func record(_ i: Int) { counts.withLock { $0[i] += 1 } }
        func all(equalTo n: Int) -> Bool { counts.withLock { $0.allSatisfy { $0 == n } } }
    }
}
