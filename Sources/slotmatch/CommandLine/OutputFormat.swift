/// How a command prints its data: aligned tables for people, stable JSON (sorted keys) for programs.
enum OutputFormat: String, Sendable, CaseIterable {
    case table, json
}
