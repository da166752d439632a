/// Reads `argv` against the command tree, in swift-argument-parser's conventions: command words
/// first, then options and arguments in any order; `--opt value` and `--opt=value`; `--` ends options.
struct CommandLineParser {
    /// What the command line asks for.
    enum Request {
        case run(CommandSpec, CommandNode, ParsedArguments)
        case help(CommandNode)
        case version
    }

    var root: CommandNode

    func parse(_ arguments: [String]) throws(UsageError) -> Request {
        var node = root
        var rest = ArraySlice(arguments)
        var early: [String] = []  // options given before the last command word (`slotmatch --db x roster list`)

        // Command words.
        while !node.children.isEmpty, let word = rest.first {
            if word == "help" && node.path.isEmpty {
                return .help(try helpTarget(Array(rest.dropFirst())))
            }
            if word == "-h" || word == "--help" { return .help(node) }
            if word == "--version" { return .version }
            if word.hasPrefix("-") && word != "--" {
                rest = rest.dropFirst()
                early.append(word)
                let name = String(word.dropFirst(2).prefix { $0 != "=" })
                if !word.contains("="), GlobalOptions.all.contains(where: { $0.long == name && $0.takesValue }) || name == "format",
                   let value = rest.first {
                    early.append(value); rest = rest.dropFirst()
                }
                continue
            }
            guard let child = node.child(named: word) else {
                let names = node.children.map(\.name)
                var message = "Unknown subcommand '\(word)'"
                if let s = EditDistance.suggestion(for: word, among: names) { message += ". Did you mean '\(s)'?" }
                throw UsageError(message: message, node: node)
            }
            node = child
            rest = rest.dropFirst()
        }
        guard let command = node.command else {
            // A group word alone prints its help; options with no command to apply to are a mistake.
            if let option = early.first { throw UsageError(message: "Missing subcommand for '\(option)'", node: node) }
            return .help(node)
        }

        let options = command.allOptions
        var parsed = ParsedArguments()
        var positionals: [String] = []
        let tokens = early + Array(rest)
        var optionsEnded = false
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            i += 1
            if optionsEnded || !CommandLineParser.looksLikeOption(token) { positionals.append(token); continue }
            if token == "--" { optionsEnded = true; continue }
            if token == "-h" || token == "--help" { return .help(node) }
            if token == "--version" { return .version }

            var name: String, inlineValue: String?
            if token.hasPrefix("--") {
                let body = token.dropFirst(2)
                if let eq = body.firstIndex(of: "=") { name = String(body[..<eq]); inlineValue = String(body[body.index(after: eq)...]) }
                else { name = String(body) }
            } else {
                let short = token.dropFirst()
                guard short.count == 1, let spec = options.first(where: { $0.short == short.first }) else {
                    throw unknownOption(token, options: options, node: node)
                }
                name = spec.long
            }
            guard let spec = options.first(where: { $0.long == name }) else {
                throw unknownOption(token.hasPrefix("--") ? "--" + name : token, options: options, node: node)
            }
            if spec.takesValue {
                let value: String
                if let inlineValue { value = inlineValue } else {
                    guard i < tokens.count, !CommandLineParser.looksLikeOption(tokens[i]) else {
                        throw UsageError(message: "Missing value for '\(spec.synopsis)'", node: node)
                    }
                    value = tokens[i]; i += 1
                }
                if let allowed = spec.allowedValues, !allowed.contains(value) {
                    var message = "The value '\(value)' is invalid for '\(spec.synopsis)'"
                    if let s = EditDistance.suggestion(for: value, among: allowed) { message += ". Did you mean '\(s)'?" }
                    else { message += ": use one of \(allowed.joined(separator: ", "))" }
                    throw UsageError(message: message, node: node)
                }
                // As in swift-argument-parser, a single-value option given twice keeps the last value.
                parsed.values[spec.long, default: []].append(value)
            } else {
                if inlineValue != nil { throw UsageError(message: "The flag '--\(spec.long)' takes no value", node: node) }
                parsed.flags.insert(spec.long)
            }
        }

        for (k, spec) in command.arguments.enumerated() {
            if spec.isVariadic, k < positionals.count {
                parsed.variadic[spec.name] = Array(positionals[k...])
                parsed.positionals[spec.name] = positionals[k]
                return .run(command, node, parsed)
            }
            if k < positionals.count { parsed.positionals[spec.name] = positionals[k] }
            else if !spec.isOptional { throw UsageError(message: "Missing expected argument '<\(spec.name)>'", node: node) }
        }
        if positionals.count > command.arguments.count {
            let unexpected = positionals[command.arguments.count...]
            throw UsageError(message: "Unexpected argument\(unexpected.count > 1 ? "s" : "") \(unexpected.map { "'\($0)'" }.joined(separator: ", "))", node: node)
        }
        return .run(command, node, parsed)
    }

    /// `-x`, `--name`, `--`; not `-` (standard input by convention) nor a negative number (`--lon -1.5`).
    static func looksLikeOption(_ token: String) -> Bool {
        token.hasPrefix("-") && token.count > 1 && Double(token) == nil
    }

    /// `slotmatch help roster import` → the node of `roster import`.
    private func helpTarget(_ words: [String]) throws(UsageError) -> CommandNode {
        var node = root
        for word in words where !word.hasPrefix("-") {
            guard let child = node.child(named: word) else {
                var message = "Unknown subcommand '\(word)'"
                if let s = EditDistance.suggestion(for: word, among: node.children.map(\.name)) { message += ". Did you mean '\(s)'?" }
                throw UsageError(message: message, node: node)
            }
            node = child
        }
        return node
    }

    private func unknownOption(_ token: String, options: [OptionSpec], node: CommandNode) -> UsageError {
        var message = "Unknown option '\(token)'"
        let names = options.map { "--" + $0.long }
        if token.hasPrefix("--"), let s = EditDistance.suggestion(for: token, among: names) { message += ". Did you mean '\(s)'?" }
        return UsageError(message: message, node: node)
    }
}
