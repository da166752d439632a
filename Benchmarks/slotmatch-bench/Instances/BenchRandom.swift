import SlotMatchCore

/// The benchmark's deterministic random source (same instance for the same seed): the core's `SplitMix64`.
typealias BenchRandom = SplitMix64

extension SplitMix64 {
    /// A standard normal draw (Box–Muller).
    mutating func gaussian() -> Double {
        let u = Double.random(in: Double.ulpOfOne ..< 1, using: &self), v = Double.random(in: 0 ..< 1, using: &self)
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}

import Glibc
