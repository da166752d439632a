import Testing
@testable import SlotMatchImport

/// `UTF8Validator` (ASCII skipped 32 and 8 bytes at a time) against the standard library's UTF-8 parser on
/// random bytes: mostly ASCII runs of every length, with valid and broken sequences at every alignment.
@Suite struct UTF8ValidatorTests {
    static func reference(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    @Test(arguments: 0 ..< 300)
    func matchesTheStandardLibrary(seed: Int) {
        var rng = SeededGenerator(state: UInt64(seed) &* 131 &+ 7)
        let pieces: [[UInt8]] = [[0xC3, 0xA9], [0xE2, 0x80, 0x93], [0xF0, 0x9F, 0x98, 0x80], [0xC3], [0xE2, 0x80], [0xFF],
                                 [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xE0, 0x80, 0x80]]
        var bytes: [UInt8] = []
        for _ in 0 ..< Int.random(in: 0 ... 6, using: &rng) {
            bytes += (0 ..< Int.random(in: 0 ... 70, using: &rng)).map { _ in UInt8.random(in: 0x20 ... 0x7E, using: &rng) }
            if Int.random(in: 0 ..< 3, using: &rng) > 0 { bytes += pieces[Int.random(in: 0 ..< (seed % 2 == 0 ? 3 : pieces.count), using: &rng)] }
        }
        #expect(UTF8Validator.firstInvalidOffset(in: bytes) == Self.reference(bytes), "\(bytes)")
    }
}
