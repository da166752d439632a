import Foundation
import Glibc

/// A line server run as a child process (Foundation `Process`, stdin and stdout on pipes, stderr to a log file):
/// the benchmark writes request lines to its input and reads answer lines from its output with plain
/// `write(2)` / `read(2)`, so nothing between the two ends buffers or parses.
final class ServerProcess {
    let command: [String]
    let process = Process()
    private let input: Int32
    private let output: Int32
    private let inputHandle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var inputClosed = false
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

    /// Starts `command` (an absolute or relative path, then arguments).
    init(command: [String], logPath: String) throws {
        guard let executable = command.first else { throw RTreePeerError("empty server command") }
        self.command = command
        let stdinPipe = Pipe(), stdoutPipe = Pipe()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(command.dropFirst())
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: logPath) ?? FileHandle.nullDevice
        try process.run()
        inputHandle = stdinPipe.fileHandleForWriting
        input = inputHandle.fileDescriptor
        output = stdoutPipe.fileHandleForReading.fileDescriptor
        buffer.reserveCapacity(1 << 20)
        signal(SIGPIPE, SIG_IGN)
    }

    /// Writes all of `bytes`; false when the server closed its input.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Glibc.write(input, raw.baseAddress! + done, raw.count - done)
                if n < 0 { if errno == EINTR { continue }; return false }
                done += n
            }
            return true
        }
    }

    /// The next answer line without its newline; nil at end of output.
    func readLine() -> ArraySlice<UInt8>? {
        while true {
            if let nl = buffer[position...].firstIndex(of: 10) {
                let line = buffer[position ..< nl]
                position = nl + 1
                return line
            }
            if position > 0 {
                buffer.removeSubrange(0 ..< position)
                position = 0
            }
            let n = chunk.withUnsafeMutableBytes { Glibc.read(output, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return nil }
            buffer.append(contentsOf: chunk[0 ..< n])
        }
    }

    /// Closes the server's input (EOF: it ends) and waits for it.
    func stop() -> Int32 {
        if !inputClosed { try? inputHandle.close(); inputClosed = true }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
