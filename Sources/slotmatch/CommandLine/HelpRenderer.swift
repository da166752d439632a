/// Renders help and usage text in swift-argument-parser's layout:
/// `OVERVIEW:`, `USAGE:`, `ARGUMENTS:`, `OPTIONS:`, `SUBCOMMANDS:`, labels in a 24-column gutter.
enum HelpRenderer {
    static let gutter = 26

    /// `slotmatch roster import <file> [--format <format>] [--db <path>] …`.
    static func usage(_ node: CommandNode) -> String {
        guard let command = node.command else { return node.fullName + " <subcommand>" }
        var parts = [node.fullName]
        for option in command.allOptions where option.long != "help" && option.long != "version" {
            parts.append(option.repeatable ? "[\(option.synopsis) ...]" : "[\(option.synopsis)]")
        }
        parts += command.arguments.map(\.synopsis)
        return parts.joined(separator: " ")
    }

    static func help(_ node: CommandNode) -> String {
        var out = ""
        if !node.abstract.isEmpty { out += "OVERVIEW: \(node.abstract)\n" }
        if !node.discussion.isEmpty { out += "\n" + node.discussion + "\n" }
        out += "\nUSAGE: \(usage(node))\n"
        if let command = node.command, !command.arguments.isEmpty {
            out += "\nARGUMENTS:\n"
            for a in command.arguments { out += row("<\(a.name)>", a.help) }
        }
        out += "\nOPTIONS:\n"
        for o in node.options {
            var text = o.help
            if let d = o.defaultDescription { text += " (default: \(d))" }
            if let allowed = o.allowedValues { text += " (values: \(allowed.joined(separator: ", ")))" }
            out += row(o.label, text)
        }
        if !node.children.isEmpty {
            out += "\nSUBCOMMANDS:\n"
            for c in node.children { out += row(c.name, c.abstract) }
            if node.path.isEmpty { out += row("help", "Show subcommand help information.") }
            out += "\n  See '\(SlotMatchTool.name) help <subcommand>' for detailed help.\n"
        }
        return out
    }

    /// The lines printed on standard error for a usage error.
    static func usageError(_ error: UsageError) -> String {
        let helpCommand = error.node.fullName + " --help"
        return "Error: \(error.message)\nUsage: \(usage(error.node))\n  See '\(helpCommand)' for more information.\n"
    }

    /// `  --db <path>             The SQLite …`, wrapping to the next line when the label is long.
    private static func row(_ label: String, _ text: String) -> String {
        let indented = "  " + label
        if indented.count + 2 > gutter { return indented + "\n" + String(repeating: " ", count: gutter) + text + "\n" }
        return indented + String(repeating: " ", count: gutter - indented.count) + text + "\n"
    }
}
