import SlotMatchStore
import SlotMatchService

/// `slotmatch cancel`: cancels an appointment with a reason code (the `appointments.cancel` method).
enum CancelCommand {
    static let spec = CommandSpec(
        path: ["cancel"],
        abstract: "Cancel an appointment; its slot is free again if it is still to come.",
        options: [
            .value("appointment", placeholder: "id", help: "The appointment id."),
            .value("reason", placeholder: "code", help: "Why.", allowed: CancelReason.allCases.map(\.rawValue)),
            .value("operator", placeholder: "id", help: "The operator's id."),
        ] + DeskSession.options,
        run: run)

    static func run(_ context: CommandContext) throws {
        var session = try DeskSession.open(context)
        session.optionNames = ["appointment": "appointment", "reason": "reason", "operator": "operator"]
        AppointmentTable.print(context, try session.call("appointments.cancel", [
            ("appointment", DeskSession.integer(context, "appointment")), ("reason", DeskSession.string(context, "reason")),
            ("operator", DeskSession.string(context, "operator")), ("at", .string(context.now.iso8601)),
        ]))
    }
}
