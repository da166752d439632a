import Foundation
import SlotMatchCore
import SlotMatchReplay
import SlotMatchStore

/// `slotmatch requests export`: the stored requests and their outcomes as a demand log, pseudonymised.
enum RequestsExportCommand {
    static let spec = CommandSpec(
        path: ["requests", "export"],
        abstract: "Export the stored requests as a demand log (pseudonymised).",
        discussion: """
            Writes every stored request in time order in the demand log format (docs/demand-log.md): reason code and \
            flags, or the level a regulating doctor set; the wanted modes; the treating GP; and the outcome of its \
            appointment (booked slot start and GP; fulfilled, noshow or cancelled). Request ids are replaced by a \
            sequence (req-000001, …) unless --keep-ids. The database is only read.
            """,
        options: [
            .flag("keep-ids", help: "Keep the stored request ids (the log then links back to the database)."),
            .value("output", placeholder: "file", help: "Write to this file instead of standard output."),
            .value("format", placeholder: "format", help: "CSV or JSON Lines.", default: "csv", allowed: DemandLogFormat.allCases.map(\.rawValue)),
        ],
        run: run)

    static func run(_ context: CommandContext) throws {
        let file = DatabaseFile(path: context.databasePath)
        guard file.exists else { throw CommandFailure("no database at \(file.path): run `slotmatch init` first, or pass --db PATH") }
        let store = try file.open()
        let stored = try store.requests(from: Instant(secondsSinceEpoch: 0), to: Instant(secondsSinceEpoch: 32_503_680_000))
        var records: [DemandRecord] = []
        records.reserveCapacity(stored.count)
        for s in stored {
            let appointment = try store.appointments(requestID: s.request.id).max { ($0.updatedAt, $0.id) < ($1.updatedAt, $1.id) }
            records.append(record(s, appointment: appointment))
        }
        if !context.arguments.flag("keep-ids") { records = DemandPseudonymiser.pseudonymised(records) }
        let format = DemandLogFormat(rawValue: context.arguments.value("format") ?? "csv") ?? .csv
        let text = DemandLogWriter.write(records, format: format)
        if let path = context.arguments.value("output") {
            try ReplayCommand.writeAtomically(text, to: path)
        } else {
            context.output.write(text)
        }
    }

    static func record(_ s: StoredRequest, appointment: Appointment?) -> DemandRecord {
        let r = s.request
        var outcome = DemandOutcome()
        if let a = appointment {
            outcome.bookedStart = a.slot.start
            outcome.practitioner = a.slot.practitioner
            switch a.status {
            case .fulfilled: outcome.status = .fulfilled
            case .noshow: outcome.status = .noshow
            case .cancelled: outcome.status = .cancelled
            case .pending, .booked: outcome.status = nil
            }
        }
        // An overridden level is the decision to replay; else the reason code is triaged again on replay.
        let overridden = s.urgencyOverriddenBy != nil
        return DemandRecord(id: r.id, receivedAt: r.receivedAt, location: r.location, ageBand: r.ageBand,
                            reason: s.reasonCode.isEmpty ? nil : s.reasonCode, flags: s.flags,
                            urgency: overridden || s.reasonCode.isEmpty ? r.urgency : nil,
                            wantedModes: Array(r.wantedModes), treatingGP: r.treatingGP, outcome: outcome)
    }
}
