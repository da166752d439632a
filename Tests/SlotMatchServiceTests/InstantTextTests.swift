import Testing
import SlotMatchCore
@testable import SlotMatchService

/// The answer's fast instant formatter agrees with the core's `Instant.iso8601`.
@Suite struct InstantTextTests {
    @Test(arguments: [Int64(0), 1, 59, 86_399, 86_400, 951_782_400, 1_796_630_400, 4_102_444_799, -1, -86_401, 253_402_300_799, 253_402_300_800])
    func edges(_ seconds: Int64) {
        let i = Instant(secondsSinceEpoch: seconds)
        #expect(InstantText.iso8601(i) == i.iso8601)
    }

    @Test func manyInstants() {
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17
            let i = Instant(secondsSinceEpoch: Int64(x % 5_000_000_000))
            #expect(InstantText.iso8601(i) == i.iso8601)
        }
    }
}
