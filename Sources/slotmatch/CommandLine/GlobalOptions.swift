/// The options every command takes: where the database and the territory are, what time it is,
/// and help/version.
enum GlobalOptions {
    static let format = OptionSpec.value("format", placeholder: "format", help: "Output format: aligned table for people, stable JSON for programs.",
                                         default: "table", allowed: OutputFormat.allCases.map(\.rawValue))
    static let db = OptionSpec.value("db", placeholder: "path", help: "The SQLite database file (else $SLOTMATCH_DB, else ./slotmatch.db).")
    static let territory = OptionSpec.value("territory", placeholder: "file", help: "A territory JSON file to use instead of the bundled Rambouillet Territoires.")
    static let now = OptionSpec.value("now", placeholder: "instant", help: "Pin the clock to this ISO 8601 instant (else $SLOTMATCH_NOW, else the system clock).")
    static let version = OptionSpec.flag("version", help: "Show the version.")
    static let help = OptionSpec.flag("help", short: "h", help: "Show help information.")

    /// Added to every runnable command, after its own options.
    static let all: [OptionSpec] = [db, territory, now, version, help]

    static let databaseEnvironment = "SLOTMATCH_DB"
    static let nowEnvironment = "SLOTMATCH_NOW"
    static let defaultDatabasePath = "./slotmatch.db"
}
