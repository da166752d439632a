import SlotMatchCore
import SlotMatchService

/// `slotmatch find`: the best free GP slots for a patient now (the `slots.find` method).
enum FindCommand {
    static let spec = CommandSpec(
        path: ["find"],
        abstract: "Find the best free GP slots for a patient, with the cost of each.",
        discussion: "Give the patient's commune (or --lat and --lon) and the urgency level (or a deadline). When nothing is feasible, the reasons and the earliest slot after the deadline (outside target) are shown.",
        options: [
            .value("commune", placeholder: "insee", help: "The patient's commune (INSEE code)."),
            .value("lat", placeholder: "degrees", help: "The patient's latitude (with --lon, instead of --commune)."),
            .value("lon", placeholder: "degrees", help: "The patient's longitude."),
            .value("urgency", placeholder: "level", help: "The urgency level.", allowed: ["urgent", "same-day", "within-24h", "within-48h"]),
            .value("deadline", placeholder: "instant", help: "The latest start (ISO 8601), instead of --urgency."),
            .value("mode", placeholder: "mode", help: "A wanted mode: AMB, HH or VR (repeatable; default AMB).", repeatable: true),
            .value("treating-gp", placeholder: "rpps", help: "The patient's treating GP (RPPS), tried first."),
            .value("limit", placeholder: "k", help: "How many slots to show.", default: "5"),
        ] + DeskSession.options,
        run: run)

    static let optionNames = ["commune": "commune", "location": "lat", "urgency": "urgency", "deadline": "deadline", "modes": "mode",
                              "treatingGP": "treating-gp", "limit": "limit"]

    static func location(_ context: CommandContext) throws -> ServiceValue? {
        let lat = context.arguments.value("lat"), lon = context.arguments.value("lon")
        if lat == nil && lon == nil { return nil }
        guard let latText = lat, let lonText = lon, let la = Double(latText), let lo = Double(lonText) else {
            throw InputError(SourcePlace(jsonPath: "--lat/--lon"), "the coordinates need both --lat and --lon as decimal degrees",
                             remedy: "Give --lat 48.64 --lon 1.83, or --commune INSEE.")
        }
        return .members([("lat", .double(la)), ("lon", .double(lo))])
    }

    static func run(_ context: CommandContext) throws {
        var session = try DeskSession.open(context)
        session.optionNames = optionNames
        let result = try session.call("slots.find", [
            ("commune", DeskSession.string(context, "commune")), ("location", try location(context)),
            ("urgency", DeskSession.string(context, "urgency")), ("deadline", DeskSession.string(context, "deadline")),
            ("modes", DeskSession.strings(context, "mode")), ("treatingGP", DeskSession.string(context, "treating-gp")),
            ("limit", DeskSession.integer(context, "limit")), ("at", .string(context.now.iso8601)),
        ])
        switch context.format {
        case .json: DeskSession.printJSON(context, result)
        case .table: printTable(context, result)
        }
    }

    /// The slots of a `slots.find` answer as a table, or the no-slot reasons and the outside-target offer.
    static func printTable(_ context: CommandContext, _ result: ServiceValue) {
        let out = context.output
        out.line("Deadline \(ServiceJSON.string(ServiceJSON.member(result, "deadline"))), modes \(ServiceJSON.string(ServiceJSON.member(result, "modes")))")
        let found = ServiceJSON.items(ServiceJSON.member(result, "slots"))
        var table = TextTable([.init("SLOT", right: true), .init("START"), .init("MODE"), .init("GP"), .init("COST", right: true),
                               .init("TRAVEL", right: true), .init("WAIT", right: true), .init("TREATING", right: true),
                               .init("LOAD", right: true), .init("POLE", right: true), .init("MINUTES", right: true)])
        func add(_ s: ServiceValue) {
            let c = { (k: String) in ServiceJSON.string(ServiceJSON.member(s, "components", k)) }
            table.add([ServiceJSON.string(ServiceJSON.member(s, "slot")), ServiceJSON.string(ServiceJSON.member(s, "start")),
                       ServiceJSON.string(ServiceJSON.member(s, "mode")), ServiceJSON.string(ServiceJSON.member(s, "practitioner", "name")),
                       ServiceJSON.string(ServiceJSON.member(s, "cost")), c("travel"), c("wait"), c("treatingGP"), c("practitionerLoad"),
                       c("poleLoad"), ServiceJSON.string(ServiceJSON.member(s, "travelMinutes"))])
        }
        if !found.isEmpty {
            for s in found { add(s) }
            out.write(table.rendered)
            return
        }
        out.line("No feasible slot: " + ServiceJSON.string(ServiceJSON.member(result, "reasons")))
        if let offer = ServiceJSON.member(result, "outsideTarget"), offer != .null {
            out.line("Earliest slot after the deadline (outside target):")
            add(offer)
            out.write(table.rendered)
        }
    }
}
