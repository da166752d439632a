import SlotMatchService

/// `slotmatch book`: turns a hold (or a free slot) into an appointment (the `appointments.book` method).
enum BookCommand {
    static let spec = CommandSpec(
        path: ["book"],
        abstract: "Book a held slot (--hold) or a free slot (--slot) for a request.",
        discussion: "Exactly one booking wins a slot, even with several operators at once; the others get slot-unavailable (exit 1). A slot after the request's deadline is recorded as outside target.",
        options: [
            .value("hold", placeholder: "id", help: "The hold id (from hold)."),
            .value("slot", placeholder: "id", help: "A free slot id, booked without a hold."),
            .value("request", placeholder: "id", help: "The request id."),
            .value("operator", placeholder: "id", help: "The operator's id."),
        ] + DeskSession.options,
        run: run)

    static func run(_ context: CommandContext) throws {
        var session = try DeskSession.open(context)
        session.optionNames = ["hold": "hold", "slot": "slot", "request": "request", "operator": "operator"]
        AppointmentTable.print(context, try session.call("appointments.book", [
            ("hold", DeskSession.string(context, "hold")), ("slot", DeskSession.integer(context, "slot")),
            ("request", DeskSession.string(context, "request")), ("operator", DeskSession.string(context, "operator")),
            ("at", .string(context.now.iso8601)),
        ]))
    }
}
