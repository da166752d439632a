import SlotMatchService

/// `slotmatch release`: gives a held slot back (the `slots.release` method).
enum ReleaseCommand {
    static let spec = CommandSpec(
        path: ["release"],
        abstract: "Release a hold before it expires.",
        options: [
            .value("hold", placeholder: "id", help: "The hold id (from hold)."),
            .value("operator", placeholder: "id", help: "The operator's id."),
        ] + DeskSession.options,
        run: run)

    static func run(_ context: CommandContext) throws {
        var session = try DeskSession.open(context)
        session.optionNames = ["hold": "hold", "operator": "operator"]
        let result = try session.call("slots.release", [
            ("hold", DeskSession.string(context, "hold")), ("operator", DeskSession.string(context, "operator")),
            ("at", .string(context.now.iso8601)),
        ])
        switch context.format {
        case .json: DeskSession.printJSON(context, result)
        case .table: context.output.line("Released hold \(ServiceJSON.string(ServiceJSON.member(result, "hold"))) (slot \(ServiceJSON.string(ServiceJSON.member(result, "slot")))).")
        }
    }
}
