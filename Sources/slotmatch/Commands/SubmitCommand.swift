import SlotMatchCore
import SlotMatchService

/// `slotmatch submit`: stores a call's request, triages it and searches (the `requests.submit` method).
enum SubmitCommand {
    static let spec = CommandSpec(
        path: ["submit"],
        abstract: "Store a call's request, triage it and find slots in one step.",
        discussion: "The request id is the regulation software's pseudonymous id; only codes are stored (no name, no phone number).",
        options: [
            .value("request", placeholder: "id", help: "The request's pseudonymous id."),
            .value("operator", placeholder: "id", help: "The operator's id."),
            .value("reason", placeholder: "code", help: "The reason code of the call."),
            .value("flag", placeholder: "flag", help: "A flag heard on the call (repeatable).", repeatable: true),
            .value("age-band", placeholder: "band", help: "The patient's age band.", allowed: AgeBand.allCases.map(\.rawValue)),
            .value("mobility", placeholder: "mobility", help: "The patient's mobility.", allowed: PatientMobility.allCases.map(\.rawValue)),
            .value("override-level", placeholder: "level", help: "A regulating doctor's level (the operator is the author).",
                   allowed: UrgencyLevel.allCases.map(\.rawValue)),
            .value("commune", placeholder: "insee", help: "The patient's commune (INSEE code)."),
            .value("lat", placeholder: "degrees", help: "The patient's latitude (with --lon)."),
            .value("lon", placeholder: "degrees", help: "The patient's longitude."),
            .value("mode", placeholder: "mode", help: "Narrow the modes the triage allows (repeatable).", repeatable: true),
            .value("treating-gp", placeholder: "rpps", help: "The patient's treating GP (RPPS)."),
            .value("limit", placeholder: "k", help: "How many slots to show.", default: "5"),
        ] + DeskSession.options,
        run: run)

    static func run(_ context: CommandContext) throws {
        var session = try DeskSession.open(context)
        session.optionNames = FindCommand.optionNames.merging(["request": "request", "operator": "operator", "reason": "reason", "flags": "flag",
                                                               "ageBand": "age-band", "mobility": "mobility", "overrideLevel": "override-level"]) { a, _ in a }
        let result = try session.call("requests.submit", [
            ("request", DeskSession.string(context, "request")), ("operator", DeskSession.string(context, "operator")),
            ("reason", DeskSession.string(context, "reason")), ("flags", DeskSession.strings(context, "flag")),
            ("ageBand", DeskSession.string(context, "age-band")), ("mobility", DeskSession.string(context, "mobility")),
            ("overrideLevel", DeskSession.string(context, "override-level")),
            ("commune", DeskSession.string(context, "commune")), ("location", try FindCommand.location(context)),
            ("modes", DeskSession.strings(context, "mode")), ("treatingGP", DeskSession.string(context, "treating-gp")),
            ("limit", DeskSession.integer(context, "limit")), ("at", .string(context.now.iso8601)),
        ])
        switch context.format {
        case .json: DeskSession.printJSON(context, result)
        case .table:
            let t = ServiceJSON.member(result, "triage") ?? .null
            context.output.line("Request \(ServiceJSON.string(ServiceJSON.member(result, "request"))): \(ServiceJSON.string(ServiceJSON.member(t, "level"))) "
                                + "(rule \(ServiceJSON.string(ServiceJSON.member(t, "rule")))), deadline \(ServiceJSON.string(ServiceJSON.member(t, "deadline")))")
            context.output.line(ServiceJSON.string(ServiceJSON.member(t, "rationale")))
            if let search = ServiceJSON.member(result, "search"), search != .null { FindCommand.printTable(context, search) }
        }
    }
}
