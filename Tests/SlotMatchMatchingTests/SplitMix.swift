import SlotMatchCore

/// A tiny deterministic generator so random instances are the same on every run: the core's `SplitMix64`.
typealias SplitMix = SplitMix64
