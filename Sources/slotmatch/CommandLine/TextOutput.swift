import Foundation

/// Where a command writes: data on standard output, messages on standard error.
struct TextOutput: Sendable {
    /// Writes text to standard output as is (add the line end yourself).
    func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes one line to standard output.
    func line(_ text: String = "") { write(text + "\n") }

    /// Writes one line to standard error.
    func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
