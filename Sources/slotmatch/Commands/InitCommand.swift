/// `slotmatch init`: creates the database (or brings an existing one to the current schema) and says where.
enum InitCommand {
    static let spec = CommandSpec(
        path: ["init"],
        abstract: "Create or migrate the database.",
        discussion: "Creates the SQLite file (mode 0600) if it does not exist, applies any pending schema migration, and prints its path.",
        run: run)

    static func run(_ context: CommandContext) throws {
        let db = DatabaseFile(path: context.databasePath)
        let existed = db.exists
        let version = try db.open().schemaVersion()
        switch context.format {
        case .json:
            context.output.write(JSONValue.object(["database": .string(db.path), "created": .bool(!existed), "schemaVersion": .int(version)]).rendered)
        case .table:
            context.output.line((existed ? "Database ready at " : "Created database at ") + db.path + " (schema version \(version))")
        }
    }
}
