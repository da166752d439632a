import Foundation
import Testing

@Suite struct HelpAndUsageTests {
    @Test func rootHelpThreeWays() throws {
        let a = try SlotMatchProcess.run(["--help"]), b = try SlotMatchProcess.run(["-h"]), c = try SlotMatchProcess.run(["help"])
        for r in [a, b, c] { #expect(r.status == 0); #expect(r.stderr.isEmpty) }
        #expect(a.stdout == b.stdout && b.stdout == c.stdout)
        #expect(a.stdout.hasPrefix("OVERVIEW: "))
        for section in ["USAGE: slotmatch <subcommand>", "OPTIONS:", "SUBCOMMANDS:", "  init ", "  territory ", "  roster ", "  demo ", "  help "] {
            #expect(a.stdout.contains(section), "\(section)")
        }
    }

    @Test(arguments: [["roster", "import"], ["roster", "list"], ["territory"], ["init"], ["demo"], ["roster"]])
    func commandHelpIsTheSameEveryWay(path: [String]) throws {
        let viaFlag = try SlotMatchProcess.run(path + ["--help"])
        let viaShort = try SlotMatchProcess.run(path + ["-h"])
        let viaHelp = try SlotMatchProcess.run(["help"] + path)
        #expect(viaFlag.status == 0 && viaShort.status == 0 && viaHelp.status == 0)
        #expect(viaFlag.stdout == viaHelp.stdout && viaShort.stdout == viaHelp.stdout)
        #expect(viaFlag.stdout.contains("USAGE: slotmatch \(path.joined(separator: " "))"))
        #expect(viaFlag.stdout.contains("OPTIONS:"))
        #expect(viaFlag.stdout.contains("-h, --help"))
    }

    @Test func rosterImportHelpListsItsArgumentAndGlobalOptions() throws {
        let r = try SlotMatchProcess.run(["roster", "import", "--help"])
        #expect(r.stdout.contains("ARGUMENTS:\n  <file>"))
        for option in ["--format <format>", "--db <path>", "--territory <file>", "--now <instant>", "--version"] {
            #expect(r.stdout.contains(option), "\(option)")
        }
    }

    @Test func unknownOptionWithSuggestion() throws {
        let r = try SlotMatchProcess.run(["territory", "--formt", "json"])
        #expect(r.status == 64)
        #expect(r.stdout.isEmpty)
        #expect(r.stderrLines[0] == "Error: Unknown option '--formt'. Did you mean '--format'?")
        #expect(r.stderrLines[1].hasPrefix("Usage: slotmatch territory "))
        #expect(r.stderrLines[2] == "  See 'slotmatch territory --help' for more information.")
    }

    @Test func missingArgument() throws {
        let r = try SlotMatchProcess.run(["roster", "import"])
        #expect(r.status == 64)
        #expect(r.stderrLines[0] == "Error: Missing expected argument '<file>'")
        #expect(r.stderrLines[1].hasPrefix("Usage: slotmatch roster import "))
        #expect(r.stderrLines[2] == "  See 'slotmatch roster import --help' for more information.")
    }

    @Test(arguments: [
        (["territry"], "Error: Unknown subcommand 'territry'. Did you mean 'territory'?"),
        (["roster", "lst"], "Error: Unknown subcommand 'lst'. Did you mean 'list'?"),
        (["territory", "--format", "xml"], "Error: The value 'xml' is invalid for '--format <format>': use one of table, json"),
        (["territory", "--format=jsn"], "Error: The value 'jsn' is invalid for '--format <format>'. Did you mean 'json'?"),
        (["territory", "--db"], "Error: Missing value for '--db <path>'"),
        (["territory", "extra"], "Error: Unexpected argument 'extra'"),
        (["roster", "import", "a.csv", "b.csv"], "Error: Unexpected argument 'b.csv'"),
        (["init", "--now", "tomorrow"], "Error: The value 'tomorrow' is invalid for '--now <instant>': write an ISO 8601 instant with its offset, like 2026-12-04T14:30:00Z"),
        (["init", "--zzz"], "Error: Unknown option '--zzz'"),
        (["init", "-x"], "Error: Unknown option '-x'"),
        (["help", "nothing"], "Error: Unknown subcommand 'nothing'"),
    ])
    func usageErrorsExit64(arguments: [String], firstLine: String) throws {
        let r = try SlotMatchProcess.run(arguments)
        #expect(r.status == 64)
        #expect(r.stdout.isEmpty)
        #expect(r.stderrLines.first == firstLine)
        #expect(r.stderrLines.count >= 3 && r.stderrLines[1].hasPrefix("Usage: slotmatch"))
        #expect(r.stderr.contains("for more information."))
    }

    @Test func badNowFromEnvironmentIsAUsageError() throws {
        let r = try SlotMatchProcess.run(["init", "--db", "/nonexistent/x.db"], environment: ["SLOTMATCH_NOW": "soon"])
        #expect(r.status == 64)
        #expect(r.stderrLines[0].contains("SLOTMATCH_NOW"))
    }

    @Test func version() throws {
        let a = try SlotMatchProcess.run(["--version"]), b = try SlotMatchProcess.run(["territory", "--version"])
        #expect(a.status == 0 && b.status == 0)
        #expect(a.stdout == "0.1.0\n" && b.stdout == a.stdout)
    }
}
