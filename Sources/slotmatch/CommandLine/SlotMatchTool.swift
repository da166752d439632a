import Foundation
import SlotMatchConfig
import SlotMatchCore

/// The `slotmatch` program: parses the command line, runs the command, and maps failures to exit
/// codes (64 usage, 65 bad input, 1 anything else), printing errors on standard error.
enum SlotMatchTool {
    static let name = "slotmatch"
    static let version = "0.1.0"

    static let overview = "Unscheduled-care triage and slot matching for the regulation line (SAS) of a CPTS."
    static let discussion = """
        SlotMatch keeps the CPTS's territory and roster of GPs, and (in later versions) their published
        slots, to find and book the best GP slot for each call to the regulation line.
        """

    static var root: CommandNode {
        CommandNode.tree(groups: CommandTable.groups, commands: CommandTable.commands, rootAbstract: overview, rootDiscussion: discussion)
    }

    /// Runs one command line (without the program name) and returns the exit status.
    static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        let output = TextOutput()
        let request: CommandLineParser.Request
        do { request = try CommandLineParser(root: root).parse(arguments) } catch {
            FileHandle.standardError.write(Data(HelpRenderer.usageError(error).utf8))
            return ExitCode.usage.rawValue
        }
        switch request {
        case .help(let node):
            output.write(HelpRenderer.help(node))
            return ExitCode.success.rawValue
        case .version:
            output.line(version)
            return ExitCode.success.rawValue
        case .run(let command, let node, let parsed):
            do {
                let context = try CommandContext.resolve(parsed, node: node, environment: environment, output: output)
                try command.run(context)
                return ExitCode.success.rawValue
            } catch let exit as CommandExit {
                return exit.code.rawValue
            } catch let error as UsageError {
                FileHandle.standardError.write(Data(HelpRenderer.usageError(error).utf8))
                return ExitCode.usage.rawValue
            } catch let error as InputError {
                output.error("Error: \(error)")
                return ExitCode.dataError.rawValue
            } catch let list as InputErrorList {
                for e in list.errors { output.error("Error: \(e)") }
                return ExitCode.dataError.rawValue
            } catch {
                output.error("Error: \(error)")
                return ExitCode.failure.rawValue
            }
        }
    }
}
