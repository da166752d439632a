/// A command of the tool as data: its path (`["roster", "import"]`), help texts, arguments,
/// options, and the function that runs it. Commands are listed in `CommandTable`.
struct CommandSpec: Sendable {
    /// The words that name the command, from the root: `["territory"]`, `["roster", "import"]`.
    var path: [String]
    /// One line, shown after `OVERVIEW:` and in the parent's `SUBCOMMANDS:` list.
    var abstract: String
    /// Further paragraphs of help, shown under the overview.
    var discussion: String
    var arguments: [ArgumentSpec]
    /// The command's own options; the global ones (`GlobalOptions`) are added to every command.
    var options: [OptionSpec]
    /// Whether the command prints data and so takes `--format table|json`.
    var printsData: Bool
    var run: @Sendable (CommandContext) throws -> Void

    init(path: [String], abstract: String, discussion: String = "", arguments: [ArgumentSpec] = [], options: [OptionSpec] = [],
         printsData: Bool = true, run: @escaping @Sendable (CommandContext) throws -> Void) {
        self.path = path; self.abstract = abstract; self.discussion = discussion; self.arguments = arguments
        self.options = options; self.printsData = printsData; self.run = run
    }

    /// Every option the command accepts: its own, then `--format` where it prints data, then the global ones.
    var allOptions: [OptionSpec] {
        options + (printsData ? [GlobalOptions.format] : []) + GlobalOptions.all
    }
}
