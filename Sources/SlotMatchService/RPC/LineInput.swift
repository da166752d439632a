import Glibc

/// Reads lines from a file descriptor with `read(2)` and a length limit: a line longer than the limit is
/// skipped to its end and reported as `.tooLong`, so a huge or endless line cannot exhaust memory.
/// A `\r` before the `\n` is dropped; a last line without `\n` still counts at end of file.
public struct LineInput {
    public enum Line: Equatable {
        case text([UInt8])
        case tooLong
    }

    public static let defaultMaximumBytes = 1 << 20

    private let fd: Int32
    public let maximumBytes: Int
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var current: [UInt8] = []
    private var overflowing = false
    private var atEOF = false

    public init(fileDescriptor: Int32, maximumBytes: Int = LineInput.defaultMaximumBytes) {
        fd = fileDescriptor
        self.maximumBytes = maximumBytes
        buffer = [UInt8](repeating: 0, count: 64 << 10)
    }

    /// Whether `next()` can answer without reading (and so without waiting for the writer): a whole line
    /// is already in the buffer, or the input has ended. `serve` writes its pending answers out before it
    /// would wait, so no answer is held back while more input is not yet there.
    public var hasBufferedLine: Bool {
        if atEOF { return true }
        guard start < end else { return false }
        return buffer.withUnsafeBufferPointer { b in memchr(b.baseAddress! + start, 0x0A, end - start) != nil }
    }

    /// The next line, or nil at end of input.
    public mutating func next() -> Line? {
        while true {
            if start < end {
                // Look for the line end in what was read.
                var i = start
                var found = -1
                buffer.withUnsafeBufferPointer { b in
                    while i < end { if b[i] == 0x0A { found = i; return }; i += 1 }
                }
                let stop = found >= 0 ? found : end
                if !overflowing {
                    if current.count + (stop - start) > maximumBytes {
                        overflowing = true
                        current = []
                    } else {
                        current.append(contentsOf: buffer[start..<stop])
                    }
                }
                start = found >= 0 ? found + 1 : end
                if found >= 0 { return finishLine() }
                continue
            }
            if atEOF {
                if overflowing || !current.isEmpty { return finishLine() }
                return nil
            }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                atEOF = true
            } else if n == 0 {
                atEOF = true
            } else {
                start = 0; end = n
            }
        }
    }

    private mutating func finishLine() -> Line {
        if overflowing {
            overflowing = false
            current = []
            return .tooLong
        }
        var line = current
        current = []
        if line.last == 0x0D { line.removeLast() }
        return .text(line)
    }
}
