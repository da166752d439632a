/// One positional argument of a command (`<file>`).
struct ArgumentSpec: Sendable {
    var name: String
    var help: String
    var isOptional: Bool
    /// The last argument may take every remaining word (`<files> ...`); read them with `ParsedArguments.arguments(_:)`.
    var isVariadic: Bool

    init(_ name: String, help: String, isOptional: Bool = false, isVariadic: Bool = false) {
        self.name = name; self.help = help; self.isOptional = isOptional; self.isVariadic = isVariadic
    }

    var synopsis: String {
        let word = isVariadic ? "<\(name)> ..." : "<\(name)>"
        return isOptional ? "[\(word)]" : word
    }
}
