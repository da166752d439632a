import Foundation

/// Runs the built `slotmatch` with a given standard input, one process or several at once (for the
/// service's end-to-end and cross-process tests).
enum ServiceProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    /// Starts every command line at once (each with its stdin text), then waits for all.
    static func runAll(_ runs: [(arguments: [String], stdin: String)], in folder: URL) throws -> [Output] {
        var started: [(Process, URL, URL)] = []
        for (i, run) in runs.enumerated() {
            let input = folder.appendingPathComponent("in-\(i)-\(UUID().uuidString)")
            let out = folder.appendingPathComponent("out-\(i)-\(UUID().uuidString)")
            let err = folder.appendingPathComponent("err-\(i)-\(UUID().uuidString)")
            try Data(run.stdin.utf8).write(to: input)
            _ = FileManager.default.createFile(atPath: out.path, contents: nil)
            _ = FileManager.default.createFile(atPath: err.path, contents: nil)
            let p = Process()
            p.executableURL = SlotMatchProcess.binary
            p.arguments = run.arguments
            var env = ProcessInfo.processInfo.environment
            env.removeValue(forKey: "SLOTMATCH_DB")
            env.removeValue(forKey: "SLOTMATCH_NOW")
            p.environment = env
            p.currentDirectoryURL = folder
            p.standardInput = try FileHandle(forReadingFrom: input)
            p.standardOutput = try FileHandle(forWritingTo: out)
            p.standardError = try FileHandle(forWritingTo: err)
            started.append((p, out, err))
        }
        for (p, _, _) in started { try p.run() }
        var outputs: [Output] = []
        for (p, out, err) in started {
            p.waitUntilExit()
            outputs.append(Output(status: p.terminationStatus, stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                                  stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self)))
        }
        return outputs
    }

    static func run(_ arguments: [String], stdin: String, in folder: URL) throws -> Output {
        try runAll([(arguments, stdin)], in: folder)[0]
    }
}
