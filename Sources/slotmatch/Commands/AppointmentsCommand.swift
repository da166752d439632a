import SlotMatchStore
import SlotMatchService

/// `slotmatch appointments`: lists appointments (the `appointments.list` method).
enum AppointmentsCommand {
    static let spec = CommandSpec(
        path: ["appointments"],
        abstract: "List appointments of a request, or whose slot starts in a window (default: a week either side of now).",
        options: [
            .value("request", placeholder: "id", help: "Only this request's appointments."),
            .value("from", placeholder: "instant", help: "Slots starting at or after this instant."),
            .value("to", placeholder: "instant", help: "Slots starting before this instant."),
            .value("status", placeholder: "status", help: "Only this status.", allowed: AppointmentStatus.allCases.map(\.rawValue)),
        ] + DeskSession.options,
        run: run)

    static func run(_ context: CommandContext) throws {
        var session = try DeskSession.open(context)
        session.optionNames = ["request": "request", "from": "from", "to": "to", "status": "status"]
        let result = try session.call("appointments.list", [
            ("request", DeskSession.string(context, "request")), ("from", DeskSession.string(context, "from")),
            ("to", DeskSession.string(context, "to")), ("status", DeskSession.string(context, "status")),
            ("at", .string(context.now.iso8601)),
        ])
        switch context.format {
        case .json: DeskSession.printJSON(context, result)
        case .table: context.output.write(AppointmentTable.render(ServiceJSON.items(ServiceJSON.member(result, "appointments"))))
        }
    }
}
