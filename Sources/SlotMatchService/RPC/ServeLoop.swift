import Glibc

/// `slotmatch serve`'s loop: one line in, its answer (if any) out, until end of input or `shutdown`.
/// Answers go out in request order, each as one whole line; nothing else is written to the output.
/// When more whole lines are already read, their answers are gathered and written with one `write(2)`;
/// before the loop would wait for input, everything gathered is written, so no answer waits for the next line.
public enum ServeLoop {
    /// Runs until EOF or `shutdown`; answers how many lines were read.
    @discardableResult
    public static func run(server: RPCServer, input: Int32 = 0, output: Int32 = 1,
                           maximumLineBytes: Int = LineInput.defaultMaximumBytes) -> Int {
        signal(SIGPIPE, SIG_IGN)  // a client that goes away is an EPIPE write error, not a kill
        var lines = LineInput(fileDescriptor: input, maximumBytes: maximumLineBytes)
        var out = LineOutput(fileDescriptor: output)
        var count = 0
        var writable = true
        while true {
            // Flush before next() may block in read(2): an answer never waits for input that is not there.
            if out.hasPending && !lines.hasBufferedLine {
                guard out.flush() else { writable = false; break }
            }
            guard let line = lines.next() else { break }
            count += 1
            let answer: [UInt8]?
            switch line {
            case .tooLong:
                server.log("line \(count): longer than \(maximumLineBytes) bytes, skipped")
                answer = server.answerLineTooLong(limit: maximumLineBytes)
            case .text(let bytes):
                // A blank line is no JSON value and no request: skipped without an answer.
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                answer = server.answer(line: bytes)
            }
            if let answer, !out.append(line: answer) { writable = false; break }
            if server.isShuttingDown { break }
        }
        if writable && !out.flush() { writable = false }
        if !writable { server.log("the output was closed; stopping") }
        return count
    }
}
