import Foundation
import Testing
@testable import SlotMatchService

/// `JSONNumber.double`'s exact fast path for plain decimals gives the same double as `Double(text)`.
@Suite struct JSONNumberDoubleTests {
    @Test(arguments: ["0", "-0", "1", "-1", "0.5", "1.50", "48.67362526086501", "1.8484292518961636", "-180", "90.0",
                      "9007199254740992", "9007199254740993", "0.1", "0.3", "123456789012345.6", "0.0000000000000000000001",
                      "0.00000000000000000000001", "1e5", "1.5E-3", "12345678901234567890", "-0.000001", "179.99999999999999"])
    func sameAsTheGeneralConversion(_ text: String) throws {
        let n = JSONNumber(validatedText: text)
        let d = n.double
        let reference = try #require(Double(text))
        #expect(d == reference && d.sign == reference.sign, "\(text): \(d) against \(reference)")
    }

    /// Random coordinates written with 1 to 17 significant digits, as clients send them.
    @Test func manyCoordinates() throws {
        var x: UInt64 = 0x2545_F491_4F6C_DD1D
        var fast = 0
        for _ in 0..<20_000 {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17
            let value = Double(Int64(x % 360_000_000_000) - 180_000_000_000) / 1e9
            let digits = Int(x >> 59) % 17 + 1
            for text in [String(value), String(format: "%.\(digits)f", value)] {
                let n = JSONNumber(validatedText: text)
                if n.exactDecimal != nil { fast += 1 }
                #expect(n.double == Double(text), "\(text)")
            }
        }
        // The fast path is taken for most of them (else this test would check only the fallback).
        #expect(fast > 10_000)
    }
}
