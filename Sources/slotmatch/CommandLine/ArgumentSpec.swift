/// One positional argument of a command (`<file>`).
struct ArgumentSpec: Sendable {
    var name: String
    var help: String
    var isOptional: Bool

    init(_ name: String, help: String, isOptional: Bool = false) {
        self.name = name; self.help = help; self.isOptional = isOptional
    }

    var synopsis: String { isOptional ? "[<\(name)>]" : "<\(name)>" }
}
