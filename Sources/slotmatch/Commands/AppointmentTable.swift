import SlotMatchService

/// Appointments (as the service answers them) as a table, shared by book, cancel, outcome and appointments.
enum AppointmentTable {
    static func render(_ appointments: [ServiceValue]) -> String {
        var table = TextTable([.init("APPOINTMENT", right: true), .init("SLOT", right: true), .init("START"), .init("MODE"), .init("GP"),
                               .init("REQUEST"), .init("STATUS"), .init("OUTSIDE TARGET"), .init("OPERATOR")])
        for a in appointments {
            table.add([ServiceJSON.string(ServiceJSON.member(a, "appointment")), ServiceJSON.string(ServiceJSON.member(a, "slot", "id")),
                       ServiceJSON.string(ServiceJSON.member(a, "slot", "start")), ServiceJSON.string(ServiceJSON.member(a, "slot", "mode")),
                       ServiceJSON.string(ServiceJSON.member(a, "slot", "practitioner")), ServiceJSON.string(ServiceJSON.member(a, "request")),
                       ServiceJSON.string(ServiceJSON.member(a, "status")), ServiceJSON.string(ServiceJSON.member(a, "outsideTarget")),
                       ServiceJSON.string(ServiceJSON.member(a, "operator"))])
        }
        return table.rendered
    }

    static func print(_ context: CommandContext, _ result: ServiceValue) {
        switch context.format {
        case .json: DeskSession.printJSON(context, result)
        case .table: context.output.write(render([result]))
        }
    }
}
