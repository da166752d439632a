import Testing
@testable import SlotMatchCore

/// A reference Luhn written differently from `RPPS.hasValidCheckDigit` (left to right, parity from the length).
private func referenceLuhn(_ s: String) -> Bool {
    let digits = s.map { Int(String($0))! }
    var sum = 0
    for (i, d) in digits.enumerated() {
        let fromRight = digits.count - 1 - i
        sum += fromRight % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d
    }
    return sum % 10 == 0
}

@Suite struct RPPSTests {
    @Test(arguments: [
        ("10241452928", true), ("10443427959", true), ("10000000009", true), ("79927398713", true),
        ("10241452927", false), ("10241452929", false), ("10000000000", false), ("79927398710", false),
    ])
    func checkDigit(number: String, valid: Bool) {
        #expect(RPPS.hasValidCheckDigit(number) == valid)
        #expect(referenceLuhn(number) == valid)
        #expect(((try? RPPS(number)) != nil) == valid)
    }

    @Test(arguments: ["", "1234", "102414529281", "1024145292a", "10 41452928"])
    func wrongShapeIsRejectedWithAMessage(text: String) {
        #expect(throws: InputError.self) { try RPPS(text) }
        do { _ = try RPPS(text) } catch { #expect(error.problem.contains("11 digits")) }
    }

    @Test func mistypedDigitSaysCheckDigit() {
        do { _ = try RPPS("10241452927"); Issue.record("accepted a bad check digit") } catch {
            #expect(error.problem.contains("check digit"))
            #expect(!error.remedy.isEmpty)
        }
    }

    @Test func generatedCheckDigitsValidate() {
        var seed: UInt64 = 12345
        for _ in 0 ..< 500 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let body = String(seed % 100_000_000)
            let prefix = "10" + String(repeating: "0", count: 8 - body.count) + body
            let number = prefix + String(RPPS.checkDigit(forPrefix: prefix))
            #expect(referenceLuhn(number))
            #expect((try? RPPS(number))?.digits == number)
        }
    }

    @Test func surroundingSpacesAreTrimmed() throws {
        #expect(try RPPS("  10241452928 ").digits == "10241452928")
    }
}
