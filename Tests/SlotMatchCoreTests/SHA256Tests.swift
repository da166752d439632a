import Testing
@testable import SlotMatchCore

/// FIPS 180-4 test vectors (NIST "SHA256.pdf" examples and the CAVP short-message set).
@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
        ("The quick brown fox jumps over the lazy dog",
         "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"),
    ])
    func knownVectors(message: String, expected: String) {
        #expect(SHA256.hexDigest(of: message) == expected)
    }

    @Test func oneMillionA() {
        var hasher = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0 ..< 1000 { hasher.update(chunk) }
        #expect(SHA256.hex(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Lengths around the 55/56/64-byte padding boundaries, fed in chunks of every size, agree with one-shot hashing.
    @Test(arguments: [1, 3, 7, 63, 64, 65])
    func chunkingDoesNotMatter(chunkSize: Int) {
        for length in [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 200] {
            let message = (0 ..< length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            var hasher = SHA256()
            var i = 0
            while i < length { hasher.update(message[i ..< min(length, i + chunkSize)]); i += chunkSize }
            #expect(hasher.finalize() == SHA256.hash(message), "length \(length) chunk \(chunkSize)")
        }
    }

    @Test func digestsDifferForOneBitChange() {
        #expect(SHA256.hexDigest(of: "slot|1") != SHA256.hexDigest(of: "slot|0"))
        #expect(SHA256.hexDigest(of: "x").utf8.count == 64)
    }
}
