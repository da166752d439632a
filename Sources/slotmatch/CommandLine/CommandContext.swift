import Foundation
import SlotMatchConfig
import SlotMatchCore

/// What a running command gets: its parsed arguments and the resolved global settings
/// (database path, territory, pinned clock, output format), plus the output streams.
struct CommandContext: Sendable {
    var arguments: ParsedArguments
    var environment: [String: String]
    var format: OutputFormat
    /// `--db`, else `$SLOTMATCH_DB`, else `./slotmatch.db`.
    var databasePath: String
    /// `--territory`, or nil for the bundled default.
    var territoryPath: String?
    /// `--now`, else `$SLOTMATCH_NOW`, else the system clock: the one "now" of the whole command.
    var now: Instant
    var output: TextOutput

    /// Reads the territory once per call (the file is small; commands call this once).
    func territory() throws(InputError) -> Territory {
        if let territoryPath { return try TerritoryFile.load(path: territoryPath) }
        return try TerritoryFile.loadDefault()
    }

    /// Resolves the global options for a parsed command line.
    static func resolve(_ parsed: ParsedArguments, node: CommandNode, environment: [String: String], output: TextOutput) throws(UsageError) -> CommandContext {
        let format = OutputFormat(rawValue: parsed.value("format") ?? "table") ?? .table
        let db = parsed.value("db") ?? environment[GlobalOptions.databaseEnvironment].flatMap { $0.isEmpty ? nil : $0 } ?? GlobalOptions.defaultDatabasePath
        let now: Instant
        if let text = parsed.value("now") {
            guard let instant = Instant.parseISO8601(text) else {
                throw UsageError(message: "The value '\(text)' is invalid for '--now <instant>': write an ISO 8601 instant with its offset, like 2026-12-04T14:30:00Z", node: node)
            }
            now = instant
        } else if let text = environment[GlobalOptions.nowEnvironment], !text.isEmpty {
            guard let instant = Instant.parseISO8601(text) else {
                throw UsageError(message: "The value '\(text)' of \(GlobalOptions.nowEnvironment) is not an ISO 8601 instant like 2026-12-04T14:30:00Z", node: node)
            }
            now = instant
        } else {
            now = Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down)))
        }
        return CommandContext(arguments: parsed, environment: environment, format: format, databasePath: db,
                              territoryPath: parsed.value("territory"), now: now, output: output)
    }
}
