/// SplitMix64 (Steele, Lea & Flood, 2014): a tiny, fast, well-mixed generator whose whole state is one
/// integer, so a seed fixes every number drawn on every platform. Foundation's random is never used.
/// In the core (pure Swift) so the simulator, the benchmarks and every test target share the one copy.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1) from the top 53 bits.
    public mutating func unit() -> Double { Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0) }

    /// Uniform in 0..<n (Lemire's multiply-shift; the tiny bias is irrelevant for n ≪ 2⁶⁴).
    public mutating func below(_ n: Int) -> Int {
        guard n > 1 else { return 0 }
        return Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }
}
