/// Ends a command with a non-zero status after it has printed its own result (e.g. `import` exits 1 when
/// some files were rejected, having listed them): no further message is printed.
struct CommandExit: Error, Sendable {
    var code: ExitCode
    init(_ code: ExitCode) { self.code = code }
}
