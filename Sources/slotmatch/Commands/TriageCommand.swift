import SlotMatchConfig
import SlotMatchCore
import SlotMatchService

/// `slotmatch triage`: the level, deadline, modes and deciding rule for a call (the `triage` method).
enum TriageCommand {
    static let spec = CommandSpec(
        path: ["triage"],
        abstract: "Triage a call: urgency level, deadline, allowed modes and the rule that decided.",
        discussion: "Red flags always win (vital: hand to the SAMU-15). The rules are the bundled default book (a starting point for the CPTS medical board) unless --rules FILE is given; --print-rules prints the rule book in effect as a rule file, to copy and edit.",
        options: [
            .value("reason", placeholder: "code", help: "The reason code of the call (fever_adult, ear_pain, …)."),
            .value("flag", placeholder: "flag", help: "A flag heard on the call (repeatable).", repeatable: true),
            .value("age-band", placeholder: "band", help: "The patient's age band.", allowed: AgeBand.allCases.map(\.rawValue)),
            .value("mobility", placeholder: "mobility", help: "The patient's mobility.", default: "ambulant", allowed: PatientMobility.allCases.map(\.rawValue)),
            .value("override-level", placeholder: "level", help: "A regulating doctor's level (needs --request and --operator; recorded and audited).",
                   allowed: UrgencyLevel.allCases.map(\.rawValue)),
            .value("request", placeholder: "id", help: "The stored request the override applies to."),
            .value("operator", placeholder: "id", help: "The regulating doctor's operator id."),
            .flag("print-rules", help: "Print the rule book in effect as a JSON rule file and stop."),
            DeskSession.rulesOption,
        ],
        run: run)

    static func run(_ context: CommandContext) throws {
        let rules = try DeskSession.rules(context)
        if context.arguments.flag("print-rules") {
            context.output.write(TriageRuleFile.json(of: rules))
            return
        }
        guard context.arguments.value("reason") != nil else {
            throw InputError(SourcePlace(jsonPath: "--reason"), "the reason code is missing", remedy: "Give --reason CODE (for example fever_adult).")
        }
        let params: [(String, ServiceValue?)] = [
            ("reason", DeskSession.string(context, "reason")), ("flags", DeskSession.strings(context, "flag")),
            ("ageBand", DeskSession.string(context, "age-band")), ("mobility", DeskSession.string(context, "mobility")),
            ("overrideLevel", DeskSession.string(context, "override-level")), ("request", DeskSession.string(context, "request")),
            ("operator", DeskSession.string(context, "operator")), ("at", .string(context.now.iso8601)),
        ]
        var session = DeskSession(desk: nil)
        session.optionNames = ["reason": "reason", "flags": "flag", "ageBand": "age-band", "mobility": "mobility",
                               "overrideLevel": "override-level", "request": "request", "operator": "operator"]
        let result: ServiceValue
        if context.arguments.value("override-level") != nil {
            var opened = try DeskSession.open(context)
            opened.optionNames = session.optionNames
            result = try opened.call("triage", params)
        } else {
            // Triage alone needs no database.
            let object = JSONObject(params.compactMap { k, v in v.map { (k, $0) } })
            result = try session.mapErrors { () throws(RPCError) -> ServiceValue in
                let (decision, _) = try RegulationDesk.triage(ParamReader(object),
                                                              rules: rules, now: context.now)
                return RegulationDesk.json(decision)
            }
        }
        switch context.format {
        case .json: DeskSession.printJSON(context, result)
        case .table:
            var table = TextTable([.init("LEVEL"), .init("DEADLINE"), .init("MODES"), .init("RULE")])
            table.add([ServiceJSON.string(ServiceJSON.member(result, "level")), ServiceJSON.string(ServiceJSON.member(result, "deadline")),
                       ServiceJSON.string(ServiceJSON.member(result, "modes")), ServiceJSON.string(ServiceJSON.member(result, "rule"))])
            context.output.write(table.rendered)
            context.output.line(ServiceJSON.string(ServiceJSON.member(result, "rationale")))
        }
    }
}
