import SlotMatchCore

/// `slotmatch roster list`: the practitioners in the database, grouped by pole.
enum RosterListCommand {
    static let spec = CommandSpec(
        path: ["roster", "list"],
        abstract: "List the practitioners, grouped by pole.",
        run: run)

    static func run(_ context: CommandContext) throws {
        let territory = try context.territory()
        let db = DatabaseFile(path: context.databasePath)
        guard db.exists else {
            throw CommandFailure("there is no database at \(db.path) yet. Run 'slotmatch init' and 'slotmatch roster import FILE' first, or pass --db PATH.")
        }
        let report = RosterReport(territory: territory, practitioners: try db.open().practitioners())
        context.output.write(context.format == .json ? report.json.rendered : report.table)
    }
}
