import Dispatch
import Foundation

/// Runs one independent piece of work per published file on several cores and hands the results back in the
/// files' order.
///
/// Why: reading, expanding and cutting a GP's agenda touches nothing shared (the parser, the recurrence engine and
/// the slot cutter are pure values), so a nightly import of hundreds of agendas can prepare several files at once
/// while the store still applies them one transaction at a time, in the order given. Results never depend on the
/// number of jobs: each index is computed by exactly one call and written to its own place.
public enum ConcurrentFileWork {
    /// The number of cores this process may use (at least 1): the default `--jobs`.
    public static var availableCores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `work(0) … work(count - 1)`, on up to `jobs` threads at once; element i of the result is `work(i)`.
    /// With `jobs` ≤ 1 (or a single item) everything runs on the calling thread, in order.
    public static func map<Result: Sendable>(_ count: Int, jobs: Int, _ work: @Sendable (Int) -> Result) -> [Result] {
        guard count > 0 else { return [] }
        let lanes = min(max(1, jobs), count)
        if lanes == 1 { return (0 ..< count).map(work) }
        let results = ResultSlots<Result>(count: count)
        let next = NextIndex()
        // Each lane takes the next index until none is left, so one slow file does not hold a whole share back.
        DispatchQueue.concurrentPerform(iterations: lanes) { _ in
            while let index = next.take(below: count) { results.store(work(index), at: index) }
        }
        return results.collect()
    }

    /// One written-once place per index; each is written by exactly one lane before `collect`.
    private final class ResultSlots<Result: Sendable>: @unchecked Sendable {
        private let base: UnsafeMutablePointer<Result?>
        private let count: Int

        init(count: Int) {
            self.count = count
            base = .allocate(capacity: count)
            base.initialize(repeating: nil, count: count)
        }

        func store(_ result: Result, at index: Int) { base[index] = result }

        /// Every result, in index order (called after all lanes have finished).
        func collect() -> [Result] { (0 ..< count).map { base[$0]! } }

        deinit {
            base.deinitialize(count: count)
            base.deallocate()
        }
    }

    /// The shared counter the lanes take indices from.
    private final class NextIndex: @unchecked Sendable {
        private var value = 0
        private var lock = pthread_mutex_t()

        init() { pthread_mutex_init(&lock, nil) }
        deinit { pthread_mutex_destroy(&lock) }

        func take(below limit: Int) -> Int? {
            pthread_mutex_lock(&lock)
            defer { pthread_mutex_unlock(&lock) }
            guard value < limit else { return nil }
            value += 1
            return value - 1
        }
    }
}
