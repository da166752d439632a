/// A command that cannot do its job for a reason that is neither a usage mistake nor bad input data
/// (no database yet, …): printed as `Error: <message>`, exit 1.
struct CommandFailure: Error, Sendable, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
