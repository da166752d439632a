/// A mistake in how the command was called (exit 64, EX_USAGE): printed with the usage line and a hint.
struct UsageError: Error, Sendable, CustomStringConvertible {
    var message: String
    /// The command whose usage line is shown.
    var node: CommandNode

    var description: String { message }
}
