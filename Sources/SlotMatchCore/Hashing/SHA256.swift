/// SHA-256 (FIPS 180-4) in pure Swift: content hashes of imported files and the audit log's hash chain.
///
/// Foundation on Linux has no SHA-256 and the core must stay free of C libraries, so it lives here.
/// Feed bytes with `update` as they come (any chunking gives the same digest), then `finalize` once.
public struct SHA256: Sendable {
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
        (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)  // FIPS 180-4 §5.3.3
    private var buffer: [UInt8] = []
    private var totalBytes: UInt64 = 0

    public init() { buffer.reserveCapacity(64) }

    /// FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// Adds bytes to the message.
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            buffer.append(byte)
            if buffer.count == 64 { compressBuffer() }
        }
    }

    /// Adds contiguous bytes, compressing whole 64-byte blocks straight from the caller's memory.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        if !buffer.isEmpty {
            while offset < bytes.count && buffer.count < 64 { buffer.append(bytes[offset]); offset += 1 }
            if buffer.count == 64 { compressBuffer() }
        }
        while bytes.count - offset >= 64 {
            compress(UnsafeRawBufferPointer(rebasing: bytes[offset ..< offset + 64]))
            totalBytes &+= 64
            offset += 64
        }
        while offset < bytes.count { buffer.append(bytes[offset]); offset += 1 }
    }

    /// Adds contiguous bytes of an array.
    public mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

    /// Adds contiguous bytes of an array slice.
    public mutating func update(_ bytes: ArraySlice<UInt8>) { bytes.withUnsafeBytes { update($0) } }

    /// Adds a string's UTF-8 bytes.
    public mutating func update(_ text: String) {
        var copy = text
        copy.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    private mutating func compressBuffer() {
        let block = buffer
        block.withUnsafeBytes { compress($0) }
        totalBytes &+= 64
        buffer.removeAll(keepingCapacity: true)
    }

    /// FIPS 180-4 §5.1.1 padding and §6.2.2 final blocks: the 32-byte digest.
    public mutating func finalize() -> [UInt8] {
        let messageBits = (totalBytes &+ UInt64(buffer.count)) &* 8
        var tail = buffer
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: messageBits >> UInt64(shift))) }
        tail.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count { compress(UnsafeRawBufferPointer(rebasing: raw[offset ..< offset + 64])); offset += 64 }
        }
        buffer.removeAll()
        var digest: [UInt8] = []
        digest.reserveCapacity(32)
        let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
        for word in words {
            digest.append(UInt8(truncatingIfNeeded: word >> 24)); digest.append(UInt8(truncatingIfNeeded: word >> 16))
            digest.append(UInt8(truncatingIfNeeded: word >> 8)); digest.append(UInt8(truncatingIfNeeded: word))
        }
        return digest
    }

    /// FIPS 180-4 §6.2.2: one 512-bit block. The message schedule lives on the stack, not the heap.
    private mutating func compress(_ block: UnsafeRawBufferPointer) {
        var current = state
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            SHA256.k.withUnsafeBufferPointer { k in
                for t in 0 ..< 16 {
                    w[t] = UInt32(block[4 * t]) << 24 | UInt32(block[4 * t + 1]) << 16
                        | UInt32(block[4 * t + 2]) << 8 | UInt32(block[4 * t + 3])
                }
                for t in 16 ..< 64 {
                    let s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
                    let s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
                    w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
                }
                var (a, b, c, d, e, f, g, h) = current
                for t in 0 ..< 64 {
                    let bigS1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                    let ch = (e & f) ^ (~e & g)
                    let t1 = h &+ bigS1 &+ ch &+ k[t] &+ w[t]
                    let bigS0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                    let maj = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = bigS0 &+ maj
                    h = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ t2
                }
                current = (current.0 &+ a, current.1 &+ b, current.2 &+ c, current.3 &+ d,
                           current.4 &+ e, current.5 &+ f, current.6 &+ g, current.7 &+ h)
            }
        }
        state = current
    }

    /// The digest of `bytes` in one call.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var hasher = SHA256(); hasher.update(bytes); return hasher.finalize()
    }

    /// The lowercase hexadecimal digest of a string's UTF-8 bytes (64 characters).
    public static func hexDigest(of text: String) -> String { hex(hash(Array(text.utf8))) }

    /// The lowercase hexadecimal digest of bytes (64 characters).
    public static func hexDigest(of bytes: [UInt8]) -> String { hex(hash(bytes)) }

    /// Lowercase hexadecimal spelling of bytes.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0x0F)]) }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Rotate right (FIPS 180-4 §3.2 ROTR).
@inline(__always) private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
