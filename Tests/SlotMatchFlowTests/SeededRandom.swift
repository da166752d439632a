import SlotMatchCore

/// A small deterministic generator (the core's `SplitMix64`, seed spread) so every random test instance is reproducible.
struct SeededRandom: RandomNumberGenerator {
    var base: SplitMix64
    init(seed: UInt64) { base = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ 1) }
    mutating func next() -> UInt64 { base.next() }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
}
