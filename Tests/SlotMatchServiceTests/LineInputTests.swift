import Glibc
import Testing
import Foundation
import SlotMatchService

/// `LineInput` against the standard library's split, on input written through a pipe in odd-sized chunks.
@Suite struct LineInputTests {
    /// Writes `bytes` into a pipe (in a thread, chunk by chunk) and reads every line back.
    static func lines(of bytes: [UInt8], chunk: Int, limit: Int) -> [LineInput.Line] {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return [] }
        let writer = fds[1]
        let data = bytes
        let thread = Thread {
            var offset = 0
            while offset < data.count {
                let n = min(chunk, data.count - offset)
                _ = data[offset..<offset + n].withUnsafeBytes { write(writer, $0.baseAddress, n) }
                offset += n
            }
            close(writer)
        }
        thread.start()
        var input = LineInput(fileDescriptor: fds[0], maximumBytes: limit)
        var out: [LineInput.Line] = []
        while let line = input.next() { out.append(line) }
        close(fds[0])
        return out
    }

    @Test(arguments: [1, 3, 7, 64, 70_000])
    func matchesSplitOnChunkedInput(chunk: Int) {
        let text = "alpha\nbeta\r\n\n{\"x\":1}\n" + String(repeating: "z", count: 100) + "\nlast-without-newline"
        let got = Self.lines(of: Array(text.utf8), chunk: chunk, limit: 1 << 20)
        // On bytes: as Characters, "\r\n" is one grapheme and would not split.
        let expected = Array(text.utf8).split(separator: 10, omittingEmptySubsequences: false).map { line -> LineInput.Line in
            var bytes = Array(line)
            if bytes.last == 13 { bytes.removeLast() }
            return .text(bytes)
        }
        #expect(got == expected)
    }

    @Test(arguments: [1, 5, 4096])
    func overLongLinesAreSkippedToTheirEnd(chunk: Int) {
        let text = "ok\n" + String(repeating: "x", count: 300) + "\nafter\n" + String(repeating: "y", count: 101)
        let got = Self.lines(of: Array(text.utf8), chunk: chunk, limit: 100)
        #expect(got == [.text(Array("ok".utf8)), .tooLong, .text(Array("after".utf8)), .tooLong])
    }
}
