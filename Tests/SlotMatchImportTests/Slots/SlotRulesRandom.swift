import SlotMatchCore

/// A small deterministic generator so the random rule checks replay identically: the core's `SplitMix64`.
typealias SlotRulesRandom = SplitMix64
