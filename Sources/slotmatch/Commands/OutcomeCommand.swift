import SlotMatchStore
import SlotMatchService

/// `slotmatch outcome`: records whether the patient came (the `appointments.outcome` method).
enum OutcomeCommand {
    static let spec = CommandSpec(
        path: ["outcome"],
        abstract: "Record an appointment's outcome: fulfilled or noshow.",
        options: [
            .value("appointment", placeholder: "id", help: "The appointment id."),
            .value("outcome", placeholder: "outcome", help: "What happened.", allowed: AppointmentOutcome.allCases.map(\.rawValue)),
            .value("operator", placeholder: "id", help: "The operator's id."),
        ] + DeskSession.options,
        run: run)

    static func run(_ context: CommandContext) throws {
        var session = try DeskSession.open(context)
        session.optionNames = ["appointment": "appointment", "outcome": "outcome", "operator": "operator"]
        AppointmentTable.print(context, try session.call("appointments.outcome", [
            ("appointment", DeskSession.integer(context, "appointment")), ("outcome", DeskSession.string(context, "outcome")),
            ("operator", DeskSession.string(context, "operator")), ("at", .string(context.now.iso8601)),
        ]))
    }
}
