import Testing
@testable import slotmatch

/// The parser on a made-up command table, without running a process.
@Suite struct CommandLineParserTests {
    static let find = CommandSpec(
        path: ["slots", "find"], abstract: "Find slots.",
        arguments: [ArgumentSpec("commune", help: "INSEE code.", isOptional: true)],
        options: [.value("lon", placeholder: "degrees", help: "Longitude."),
                  .value("mode", placeholder: "mode", help: "Mode.", repeatable: true),
                  .value("urgency", placeholder: "level", help: "Level.", allowed: ["urgent", "same-day"]),
                  .flag("explain", help: "Explain.")],
        run: { _ in })
    static let root = CommandNode.tree(groups: [CommandGroup(path: ["slots"], abstract: "Slots.")], commands: [find],
                                       rootAbstract: "Test tool.", rootDiscussion: "")

    static func parse(_ args: [String]) throws(UsageError) -> ParsedArguments {
        switch try CommandLineParser(root: root).parse(args) {
        case .run(_, _, let parsed): return parsed
        default: throw UsageError(message: "not a run", node: root)
        }
    }

    @Test func valuesFlagsAndArguments() throws {
        let p = try CommandLineParserTests.parse(["slots", "find", "78517", "--lon", "-1.5", "--mode=AMB", "--mode", "HH", "--explain",
                                                  "--urgency", "urgent", "--db", "a.db", "--db=b.db"])
        #expect(p.argument("commune") == "78517")
        #expect(p.value("lon") == "-1.5")
        #expect(p.allValues("mode") == ["AMB", "HH"])
        #expect(p.flag("explain") && !p.flag("other"))
        #expect(p.value("urgency") == "urgent")
        #expect(p.value("db") == "b.db")  // the last of a single-value option wins
        #expect(p.value("format") == nil)
    }

    @Test func doubleDashAndNegativeNumbersArePositionals() throws {
        #expect(try CommandLineParserTests.parse(["slots", "find", "--", "--odd"]).argument("commune") == "--odd")
        #expect(try CommandLineParserTests.parse(["slots", "find", "-3"]).argument("commune") == "-3")
        #expect(try CommandLineParserTests.parse(["slots", "find", "-"]).argument("commune") == "-")
        #expect(try CommandLineParserTests.parse(["--db", "x.db", "slots", "find"]).value("db") == "x.db")
    }

    @Test(arguments: [
        (["slots", "find", "--explain=yes"], "The flag '--explain' takes no value"),
        (["slots", "find", "--urgency", "urgnt"], "The value 'urgnt' is invalid for '--urgency <level>'. Did you mean 'urgent'?"),
        (["slots", "find", "--mode"], "Missing value for '--mode <mode>'"),
        (["slots", "find", "--mode", "--explain"], "Missing value for '--mode <mode>'"),
        (["slots", "find", "--explian"], "Unknown option '--explian'. Did you mean '--explain'?"),
        (["slots", "fnd"], "Unknown subcommand 'fnd'. Did you mean 'find'?"),
        (["--db", "x.db"], "Missing subcommand for '--db'"),
        (["slots", "find", "a", "b"], "Unexpected argument 'b'"),
    ])
    func usageErrors(args: [String], message: String) {
        do { _ = try CommandLineParser(root: CommandLineParserTests.root).parse(args); Issue.record("accepted \(args)") } catch {
            #expect(error.message == message)
        }
    }

    @Test func helpAndVersionRequests() throws {
        let parser = CommandLineParser(root: CommandLineParserTests.root)
        for args in [["help", "slots", "find"], ["slots", "find", "--help"], ["slots", "find", "-h"], ["slots", "find", "78517", "-h"]] {
            guard case .help(let node) = try parser.parse(args) else { Issue.record("no help for \(args)"); continue }
            #expect(node.path == ["slots", "find"])
        }
        guard case .help(let group) = try parser.parse(["slots"]) else { Issue.record("no group help"); return }
        #expect(group.path == ["slots"])
        guard case .version = try parser.parse(["slots", "find", "--version"]) else { Issue.record("no version"); return }
    }

    @Test func helpText() throws {
        let node = try #require(CommandLineParserTests.root.child(named: "slots")?.child(named: "find"))
        let text = HelpRenderer.help(node)
        #expect(text.hasPrefix("OVERVIEW: Find slots.\n\nUSAGE: slotmatch slots find [--lon <degrees>] [--mode <mode> ...] "))
        #expect(text.contains("\nARGUMENTS:\n  <commune>               INSEE code.\n"))
        #expect(text.contains("  --urgency <level>       Level. (values: urgent, same-day)\n"))
        #expect(!text.contains("SUBCOMMANDS:"))
        let rootText = HelpRenderer.help(CommandLineParserTests.root)
        #expect(rootText.contains("SUBCOMMANDS:\n  slots                   Slots.\n  help "))
    }

    @Test(arguments: [("kitten", "sitting", 3), ("", "abc", 3), ("format", "format", 0), ("formt", "format", 1), ("Émancé", "Emancé", 1)])
    func editDistance(a: String, b: String, d: Int) {
        #expect(EditDistance.between(a, b) == d)
        #expect(EditDistance.between(b, a) == d)
    }

    @Test func suggestions() {
        #expect(EditDistance.suggestion(for: "--formt", among: ["--format", "--db"]) == "--format")
        #expect(EditDistance.suggestion(for: "--zzz", among: ["--format", "--db"]) == nil)
        #expect(EditDistance.suggestion(for: "terr", among: ["territory", "roster"]) == "territory")
    }
}
