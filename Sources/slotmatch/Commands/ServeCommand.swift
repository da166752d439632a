import Foundation
import SlotMatchCore
import SlotMatchService

/// `slotmatch serve`: the JSON-RPC 2.0 service on standard input and output (docs/service.md).
enum ServeCommand {
    static let spec = CommandSpec(
        path: ["serve"],
        abstract: "Answer JSON-RPC 2.0 requests on standard input, one per line (docs/service.md).",
        discussion: "Reads one JSON value per line (a request, a notification or a batch) and writes each answer as one line on standard output, in order; logs go to standard error. Ends at end of input or on the shutdown method. The clock is the system's unless --now or $SLOTMATCH_NOW pins it.",
        options: DeskSession.options + [
            .value("max-line-bytes", placeholder: "bytes", help: "Longest request line accepted; longer lines get an error answer.", default: "1048576"),
        ],
        printsData: false,
        run: run)

    static func run(_ context: CommandContext) throws {
        var limit = LineInput.defaultMaximumBytes
        if let text = context.arguments.value("max-line-bytes") {
            guard let n = Int(text), n >= 64, n <= 1 << 30 else {
                throw InputError(SourcePlace(jsonPath: "--max-line-bytes"), "\(text) is not a line length between 64 and 1073741824 bytes",
                                 remedy: "Give a number of bytes, such as 1048576.")
            }
            limit = n
        }
        let pinned = context.arguments.value("now") != nil || !(context.environment[GlobalOptions.nowEnvironment] ?? "").isEmpty
        let fixed = context.now
        let clock: @Sendable () -> Instant
        if pinned {
            clock = { fixed }
        } else {
            clock = { Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down))) }
        }
        let log: (String) -> Void = { context.output.error("slotmatch serve: " + $0) }
        guard let desk = try DeskSession.open(context, clock: clock, log: log).desk else { return }
        let server = RPCServer(log: log)
        desk.install(on: server)
        log("ready on \(context.databasePath): \(desk.slots.index.freeSlotCount) free slots, \(desk.slots.index.practitionerCount) practitioners")
        let lines = ServeLoop.run(server: server, maximumLineBytes: limit)
        log("stopped after \(lines) line(s)")
    }
}
