import Foundation
import SlotMatchConfig
import SlotMatchCore
import SlotMatchImport
import SlotMatchStore

/// `slotmatch demo`: the whole product end to end on a fresh database in a temporary folder, on the
/// embedded territory (or `--territory`) and `Schedules/`. Later issues extend it step by step.
enum DemoCommand {
    static let spec = CommandSpec(
        path: ["demo"],
        abstract: "Run SlotMatch end to end on a fresh temporary database.",
        discussion: "Creates a database in a new temporary folder, imports Schedules/roster.csv, shows the territory and the roster by pole, imports every published agenda of Schedules/ (each format, and a copy of Schedules/inbox/ in inbox mode), then pipes a scripted operator session (triage, submit, find, hold, book, a losing second hold, cancel) through the JSON-RPC service and prints each request and answer.",
        options: [.value("schedules", placeholder: "dir", help: "The Schedules folder (default: ./Schedules, else the one beside the build).")],
        run: run)

    static func run(_ context: CommandContext) throws {
        let schedules = try schedulesFolder(context)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("slotmatch-demo-" + UUID().uuidString.prefix(8).lowercased())
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let db = DatabaseFile(path: folder.appendingPathComponent("slotmatch.db").path)
        let store = try db.open()
        let version = try store.schemaVersion()

        let territory = try context.territory()
        let rosterPath = (schedules as NSString).appendingPathComponent("roster.csv")
        let roster = try RosterFile.load(path: rosterPath, territory: territory)
        let counts = try store.upsertPractitioners(roster, at: context.now)
        let stored = try store.practitioners()
        let territoryReport = TerritoryReport(territory: territory, practitioners: stored)
        let rosterReport = RosterReport(territory: territory, practitioners: stored)
        let imports = try importSchedules(schedules, into: store, scratch: folder.path, context: context)
        let session = try DemoSession.run(context, store: store, territory: territory)

        switch context.format {
        case .json:
            context.output.write(JSONValue.object([
                "database": .string(db.path), "schemaVersion": .int(version), "now": .string(context.now.iso8601),
                "roster": .object(["file": .string(rosterPath), "inserted": .int(counts.inserted), "updated": .int(counts.updated)]),
                "territory": territoryReport.json, "practitioners": rosterReport.json,
                "imports": .array(imports.map(\.json)),
                "session": .object(["steps": .array(session.steps.map { step in
                    .object(["request": .string(step.request), "answer": .string(step.answer)])
                })]),
            ]).rendered)
        case .table:
            let out = context.output
            out.line("SlotMatch demo, now = \(context.now.iso8601)")
            out.line("Database: \(db.path) (schema version \(version))")
            out.line()
            out.line("== 1. The territory ==")
            out.write(territoryReport.table)
            out.line()
            out.line("== 2. The roster (\(rosterPath)) ==")
            out.line("\(counts.inserted) inserted, \(counts.updated) updated.")
            out.write(rosterReport.table)
            out.line()
            out.line("== 3. The GPs' published agendas (\(schedules)) ==")
            ImportCommand.print(imports, context)
            let free = try store.storeStatistics().freeSlots
            out.line("\(imports.filter { $0.status != .rejected }.count) of \(imports.count) files imported; \(free) free slots in the store.")
            out.line()
            out.line("== 4. An operator session through the JSON-RPC service (what `slotmatch serve` reads and writes) ==")
            for step in session.steps {
                out.line("→ " + step.request)
                out.line("← " + step.answer)
            }
        }
    }

    /// Imports every published file of Schedules/ (all but the roster and the inbox), then a copy of the inbox in
    /// inbox mode, so that the demo never moves the committed files.
    static func importSchedules(_ schedules: String, into store: Store, scratch: String, context: CommandContext) throws -> [FileImportResult] {
        let setup = try ImportSetup(context)
        let importer = PublishedFileImporter(store: store, preparation: setup.preparation, maxFileSize: setup.maxFileSize, now: context.now,
                                             jobs: ConcurrentFileWork.availableCores)
        let fm = FileManager.default
        let folders = ((try? fm.contentsOfDirectory(atPath: schedules)) ?? []).sorted()
            .filter { $0 != "inbox" && !$0.hasPrefix(".") }
            .map { (schedules as NSString).appendingPathComponent($0) }
            .filter { var d: ObjCBool = false; return fm.fileExists(atPath: $0, isDirectory: &d) && d.boolValue }
        var results = importer.importFiles(ImportSetup.expand(folders).map {
            PublishedFileImporter.PendingFile(path: $0, source: ImportSetup.source(of: $0), authority: .fileItself)
        })
        let inbox = (schedules as NSString).appendingPathComponent("inbox")
        if fm.fileExists(atPath: inbox) {
            let copy = (scratch as NSString).appendingPathComponent("inbox")
            try fm.copyItem(atPath: inbox, toPath: copy)
            results += try ImportCommand.runInbox(InboxFolder(root: copy), importer)
        }
        return results
    }

    /// `--schedules`, else `./Schedules`, else a `Schedules` folder above the executable (`.build/release/slotmatch`).
    static func schedulesFolder(_ context: CommandContext) throws -> String {
        let fm = FileManager.default
        if let given = context.arguments.value("schedules") {
            guard fm.fileExists(atPath: given) else {
                throw InputError(SourcePlace(file: given), "the Schedules folder does not exist", remedy: "Pass --schedules with the path of the Schedules folder.")
            }
            return given
        }
        var candidates = [fm.currentDirectoryPath + "/Schedules"]
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0 ..< 5 { candidates.append(dir.appendingPathComponent("Schedules").path); dir.deleteLastPathComponent() }
        if let found = candidates.first(where: { fm.fileExists(atPath: $0 + "/roster.csv") }) { return found }
        throw InputError(SourcePlace(file: "Schedules"), "no Schedules folder with roster.csv was found here",
                         remedy: "Run the demo from the SlotMatch folder, or pass --schedules DIR.")
    }
}
