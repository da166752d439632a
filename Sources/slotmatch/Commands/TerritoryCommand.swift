import SlotMatchCore

/// `slotmatch territory`: the communes with their poles, and GPs per pole from the roster.
enum TerritoryCommand {
    static let spec = CommandSpec(
        path: ["territory"],
        abstract: "Show the communes, the poles of GP care and GP density.",
        discussion: """
            Every commune belongs to the pole whose seat is the shortest travel time away, unless the
            territory file says otherwise. GP counts come from the roster in the database when it exists.
            """,
        run: run)

    static func run(_ context: CommandContext) throws {
        let territory = try context.territory()
        let db = DatabaseFile(path: context.databasePath)
        let report = TerritoryReport(territory: territory, practitioners: try db.practitionersIfPresent())
        context.output.write(context.format == .json ? report.json.rendered : report.table)
    }
}
