/// What the parser read for one command: option values by long name, flags, and positional arguments.
struct ParsedArguments: Sendable {
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
    var positionals: [String: String] = [:]
    /// Every word taken by a variadic argument, in order.
    var variadic: [String: [String]] = [:]
    /// Positional words after the declared arguments (none is accepted today; kept for `[<values> ...]`).
    var extra: [String] = []

    /// The last value given for `--long`, if any.
    func value(_ long: String) -> String? { values[long]?.last }
    /// Every value given for a repeatable option, in order.
    func allValues(_ long: String) -> [String] { values[long] ?? [] }
    func flag(_ long: String) -> Bool { flags.contains(long) }
    func argument(_ name: String) -> String? { positionals[name] }
    /// The words of a variadic argument (empty when none was given).
    func arguments(_ name: String) -> [String] { variadic[name] ?? positionals[name].map { [$0] } ?? [] }
}
