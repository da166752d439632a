import Glibc

/// Writes whole lines to a file descriptor with `write(2)`, retrying short writes and EINTR, so one
/// answer is never interleaved or cut. Nothing is buffered: each answer is on the wire when `write` returns.
public struct LineOutput {
    private let fd: Int32
    public init(fileDescriptor: Int32) { fd = fileDescriptor }

    /// Writes `bytes` and a line feed; false when the reader went away (EPIPE) or another error.
    @discardableResult
    public func write(line bytes: [UInt8]) -> Bool {
        var all = bytes
        all.append(0x0A)
        return all.withUnsafeBytes { raw -> Bool in
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
    }
}
