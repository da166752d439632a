/// The process exit statuses, as sysexits.h and swift-argument-parser use them.
enum ExitCode: Int32, Sendable {
    case success = 0
    case failure = 1
    /// EX_USAGE: the command was called wrongly.
    case usage = 64
    /// EX_DATAERR: an input file or value is wrong.
    case dataError = 65
}
