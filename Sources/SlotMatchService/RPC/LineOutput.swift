import Glibc

/// Writes whole lines to a file descriptor with `write(2)`, retrying short writes and EINTR, so one
/// answer is never interleaved or cut. `write(line:)` puts each answer on the wire at once; `append(line:)`
/// gathers answers in one reused buffer and `flush()` writes them with one call (`serve` flushes before it
/// would wait for more input, so gathering never delays an answer).
public struct LineOutput {
    private let fd: Int32
    private var pending: [UInt8] = []
    /// Gathered bytes beyond this are written at once (a long run of input does not grow the buffer).
    public static let flushThreshold = 64 << 10

    public init(fileDescriptor: Int32) {
        fd = fileDescriptor
        pending.reserveCapacity(LineOutput.flushThreshold + 4096)
    }

    /// Whether answers are gathered and not yet written.
    public var hasPending: Bool { !pending.isEmpty }

    /// Writes `bytes` and a line feed; false when the reader went away (EPIPE) or another error.
    @discardableResult
    public mutating func write(line bytes: [UInt8]) -> Bool {
        append(line: bytes)
        return flush()
    }

    /// Adds `bytes` and a line feed to the gathered answers; writes them when they pass `flushThreshold`.
    /// False when that write failed.
    @discardableResult
    public mutating func append(line bytes: [UInt8]) -> Bool {
        pending.append(contentsOf: bytes)
        pending.append(0x0A)
        return pending.count >= LineOutput.flushThreshold ? flush() : true
    }

    /// Writes the gathered answers; false when the reader went away (EPIPE) or another error.
    @discardableResult
    public mutating func flush() -> Bool {
        guard !pending.isEmpty else { return true }
        let ok = pending.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
        pending.removeAll(keepingCapacity: true)
        return ok
    }
}
