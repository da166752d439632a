import SlotMatchCore

/// A small deterministic generator for reproducible random instances: the core's `SplitMix64`.
typealias SplitMix = SplitMix64

extension SplitMix64 {
    init(_ seed: UInt64) { self.init(seed: seed) }
}
