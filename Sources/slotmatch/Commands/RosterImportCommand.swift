import SlotMatchConfig
import SlotMatchCore

/// `slotmatch roster import FILE`: reads the whole roster, and writes it only if every row is valid.
enum RosterImportCommand {
    static let spec = CommandSpec(
        path: ["roster", "import"],
        abstract: "Import practitioners from a CSV or JSON roster file.",
        discussion: """
            CSV columns: rpps,name,commune_insee,modes,snp,weekly_cap,home_radius_km (modes like AMB|HH).
            JSON: an array of objects with the same keys. Re-importing updates practitioners by RPPS and
            never duplicates them. If any row is invalid, every problem is listed and nothing is written.
            """,
        arguments: [ArgumentSpec("file", help: "The roster file (.csv or .json; other names are read by content).")],
        run: run)

    static func run(_ context: CommandContext) throws {
        guard let file = context.arguments.argument("file") else { return }
        let territory = try context.territory()
        let practitioners = try RosterFile.load(path: file, territory: territory)
        // Only a wholly valid file reaches the store (RosterFile throws every problem first).
        let counts = try DatabaseFile(path: context.databasePath).open().upsertPractitioners(practitioners, at: context.now)
        switch context.format {
        case .json:
            context.output.write(JSONValue.object(["file": .string(file), "database": .string(context.databasePath),
                                                   "inserted": .int(counts.inserted), "updated": .int(counts.updated),
                                                   "unchanged": .int(practitioners.count - counts.inserted - counts.updated)]).rendered)
        case .table:
            context.output.line("Imported \(practitioners.count) practitioners from \(file): \(counts.inserted) inserted, \(counts.updated) updated, "
                                + "\(practitioners.count - counts.inserted - counts.updated) unchanged.")
        }
    }
}
