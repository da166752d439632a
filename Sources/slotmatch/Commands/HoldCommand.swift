import SlotMatchService

/// `slotmatch hold`: reserves a slot for a request for a short time (the `slots.hold` method).
enum HoldCommand {
    static let spec = CommandSpec(
        path: ["hold"],
        abstract: "Hold a slot for a request while the patient is on the line.",
        options: [
            .value("slot", placeholder: "id", help: "The slot id (from find)."),
            .value("request", placeholder: "id", help: "The request id."),
            .value("operator", placeholder: "id", help: "The operator's id."),
            .value("ttl-seconds", placeholder: "seconds", help: "How long the hold lasts (1 to 900).", default: "120"),
        ] + DeskSession.options,
        run: run)

    static func run(_ context: CommandContext) throws {
        var session = try DeskSession.open(context)
        session.optionNames = ["slot": "slot", "request": "request", "operator": "operator", "ttlSeconds": "ttl-seconds"]
        let result = try session.call("slots.hold", [
            ("slot", DeskSession.integer(context, "slot")), ("request", DeskSession.string(context, "request")),
            ("operator", DeskSession.string(context, "operator")), ("ttlSeconds", DeskSession.integer(context, "ttl-seconds")),
            ("at", .string(context.now.iso8601)),
        ])
        switch context.format {
        case .json: DeskSession.printJSON(context, result)
        case .table:
            var table = TextTable([.init("HOLD"), .init("SLOT", right: true), .init("REQUEST"), .init("EXPIRES")])
            table.add(["hold", "slot", "request", "expiresAt"].map { ServiceJSON.string(ServiceJSON.member(result, $0)) })
            context.output.write(table.rendered)
        }
    }
}
