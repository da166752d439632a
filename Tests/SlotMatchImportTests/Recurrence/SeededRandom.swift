import SlotMatchCore

/// A small deterministic generator (the core's `SplitMix64`, seed spread), so that the random-rule tests are repeatable.
struct SeededRandom: RandomNumberGenerator {
    private var base: SplitMix64

    init(seed: UInt64) { base = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ 1) }

    mutating func next() -> UInt64 { base.next() }
}
