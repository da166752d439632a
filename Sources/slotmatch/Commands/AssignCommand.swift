import Foundation
import SlotMatchCore
import SlotMatchService

/// `slotmatch assign`: the optimal joint assignment of a list of waiting requests to free slots (the
/// `requests.assign` method: the balance job's model for these requests only); `--apply` books them as `pending`.
enum AssignCommand {
    static let spec = CommandSpec(
        path: ["assign"],
        abstract: "Assign a list of waiting requests to free slots at once, at the least total cost.",
        discussion: """
            Solves one exact min-cost flow for the given requests only, with the operator's cost, weekly SNP caps, hard \
            deadlines, a penalty growing with urgency for a request left without a slot, and convex GP and pole load costs \
            (as 'slotmatch balance'). Other appointments stay as they are. Nothing is written without --apply, which books \
            the slots as pending (awaiting the patient's confirmation) in one transaction; a slot taken meanwhile is skipped \
            and shown.
            """,
        options: [
            .value("request", placeholder: "id", help: "A waiting request's id (repeatable).", repeatable: true),
            .value("requests-file", placeholder: "file", help: "A file of request ids, one per line (blank lines and # comments skipped)."),
            .value("operator", placeholder: "id", help: "The operator's id (written to the audit log)."),
            .flag("apply", help: "Book the assignment as pending appointments (one transaction, audited)."),
        ] + DeskSession.options,
        run: run)

    /// The ids of `--request` options, then those of `--requests-file`.
    static func requestIDs(_ context: CommandContext) throws -> [String] {
        var ids = context.arguments.allValues("request")
        if let path = context.arguments.value("requests-file") {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw InputError(SourcePlace(file: path), "the file cannot be read as UTF-8 text",
                                 remedy: "Check the path; write one request id per line.")
            }
            for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
                let id = line.trimmingCharacters(in: .whitespaces)
                if id.isEmpty || id.hasPrefix("#") { continue }
                ids.append(id)
            }
        }
        return ids
    }

    static func run(_ context: CommandContext) throws {
        var session = try DeskSession.open(context)
        session.optionNames = ["requests": "request", "operator": "operator", "apply": "apply"]
        let ids = try requestIDs(context)
        let result = try session.call("requests.assign", [
            ("requests", .array(ids.map { .string($0) })), ("operator", DeskSession.string(context, "operator")),
            ("apply", .bool(context.arguments.flag("apply"))), ("at", .string(context.now.iso8601)),
        ])
        switch context.format {
        case .json: DeskSession.printJSON(context, result)
        case .table: printTable(context, result)
        }
    }

    /// One row per request: the slot given (with its cost) or why none, and with --apply the appointment or why skipped.
    static func printTable(_ context: CommandContext, _ result: ServiceValue) {
        let applied = ServiceJSON.member(result, "applied") == .bool(true)
        var table = TextTable([.init("REQUEST"), .init("URGENCY"), .init("SLOT", right: true), .init("START"), .init("MODE"), .init("GP"),
                               .init("COST", right: true), .init("MINUTES", right: true)]
                              + (applied ? [.init("APPOINTMENT", right: true)] : []) + [.init("NOTE")])
        for row in ServiceJSON.items(ServiceJSON.member(result, "assignments")) {
            let s = { (k: String) in ServiceJSON.string(ServiceJSON.member(row, "slot", k)) }
            let given = ServiceJSON.member(row, "slot") != .null
            var note = given ? "" : ServiceJSON.string(ServiceJSON.member(row, "reason"))
            if let skipped = ServiceJSON.member(row, "skipped") { note = "skipped: " + ServiceJSON.string(ServiceJSON.member(skipped, "reason")) }
            var cells = [ServiceJSON.string(ServiceJSON.member(row, "request")), ServiceJSON.string(ServiceJSON.member(row, "urgency")),
                         given ? s("slot") : "-", given ? s("start") : "-", given ? s("mode") : "-", given ? ServiceJSON.string(ServiceJSON.member(row, "slot", "practitioner", "name")) : "-",
                         given ? s("cost") : "-", given ? s("travelMinutes") : "-"]
            if applied { cells.append(ServiceJSON.string(ServiceJSON.member(row, "appointment"))) }
            cells.append(note.isEmpty ? "-" : note)
            table.add(cells)
        }
        context.output.write(table.rendered)
        let proven = ServiceJSON.member(result, "optimal") == .bool(true) ? "proven optimal" : "optimal over the candidates searched"
        var summary = "\(ServiceJSON.string(ServiceJSON.member(result, "assigned"))) assigned, "
            + "\(ServiceJSON.string(ServiceJSON.member(result, "unassigned"))) without a slot; "
            + "total cost \(ServiceJSON.string(ServiceJSON.member(result, "totalCost"))) (\(proven))"
        if applied {
            summary += "; booked \(ServiceJSON.string(ServiceJSON.member(result, "booked"))) as pending, "
                + "skipped \(ServiceJSON.string(ServiceJSON.member(result, "skipped")))"
        } else {
            summary += "; nothing written (add --apply to book)"
        }
        context.output.line(summary)
    }
}
