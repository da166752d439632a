import SlotMatchStore

/// `slotmatch audit verify`: walks the hash-chained audit log; prints ok, or the first broken row and exits 1.
enum AuditVerifyCommand {
    static let spec = CommandSpec(
        path: ["audit", "verify"],
        abstract: "Check the audit log's hash chain: ok, or the first edited or deleted row (exit 1).",
        run: run)

    static func run(_ context: CommandContext) throws {
        let file = DatabaseFile(path: context.databasePath)
        guard file.exists else { throw CommandFailure("There is no database at \(context.databasePath).") }
        let store = try file.open()
        let verification = try store.verifyAudit()
        let count = try store.storeStatistics().auditEntries
        switch context.format {
        case .json:
            context.output.write(JSONValue.object(["intact": .bool(verification.isIntact), "entries": .int(count),
                                                   "result": .string(verification.description)]).rendered)
        case .table:
            if verification.isIntact { context.output.line("ok (\(count) entries)") }
        }
        if !verification.isIntact { throw CommandFailure("audit log broken: \(verification)") }
    }
}
