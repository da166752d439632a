import SlotMatchCore
import SlotMatchImport

/// `slotmatch import FILE|DIR… [--practitioner RPPS] [--horizon DAYS] [--jobs N]` and `slotmatch import --inbox DIR`:
/// published agendas into the store, one transaction per file (several files read at once, written in order).
enum ImportCommand {
    static let spec = CommandSpec(
        path: ["import"],
        abstract: "Import GPs' published agendas (iCalendar, VAVAILABILITY, xCal, FHIR R4, CSV) as bookable slots.",
        discussion: """
            Each file is one transaction: all of it or none of it. Its horizon is its own declared range (VAVAILABILITY
            range, FHIR Schedule.planningHorizon), else --horizon days from now. Re-importing replaces that GP's free
            slots from that file inside the horizon; held and booked slots are never deleted or moved (a booked slot
            the file no longer covers is reported as a conflict and stays booked); an identical file is 'unchanged'.
            With --inbox DIR, DIR/<RPPS>/ holds each GP's files: a file may only change that GP's slots, and each
            processed file moves to imported/ or rejected/ (with <file>.errors.txt) beside it.
            --jobs N reads and expands N files at once (default: the cores available); they are still written one
            transaction at a time, in order, so the result does not depend on N.
            Exit status: 0 every file imported, 1 some rejected, 65 none could be read.
            """,
        arguments: [ArgumentSpec("files", help: "Published files, or folders of them.", isOptional: true, isVariadic: true)],
        options: [
            .value("inbox", placeholder: "dir", help: "Process every file waiting in the inbox DIR/<RPPS>/."),
            .value("practitioner", placeholder: "rpps", help: "The GP the files belong to (when they do not say)."),
            ImportSetup.horizonOption,
            ImportSetup.maxFileSizeOption,
            .value("jobs", placeholder: "n", help: "Files read and expanded at once.", default: "the cores available"),
        ],
        printsData: true,
        run: run)

    static func run(_ context: CommandContext) throws {
        let inbox = context.arguments.value("inbox")
        let paths = context.arguments.arguments("files")
        if inbox == nil && paths.isEmpty {
            throw CommandFailure("Name the files or folders to import, or an inbox with --inbox DIR. See 'slotmatch import --help'.")
        }
        if inbox != nil && (!paths.isEmpty || context.arguments.value("practitioner") != nil) {
            throw CommandFailure("--inbox takes the practitioner from each file's folder: give no files and no --practitioner with it.")
        }
        let setup = try ImportSetup(context)
        let authority: ImportAuthority
        if let text = context.arguments.value("practitioner") {
            let rpps: RPPS
            do { rpps = try RPPS(text) } catch { throw InputError(SourcePlace(jsonPath: "--practitioner"), error.problem, remedy: error.remedy) }
            authority = ImportAuthority(expected: rpps, origin: "--practitioner")
        } else {
            authority = .fileItself
        }
        let jobs = try ImportSetup.positiveInteger(context, "jobs") ?? ConcurrentFileWork.availableCores
        let importer = PublishedFileImporter(store: try DatabaseFile(path: context.databasePath).open(),
                                             preparation: setup.preparation, maxFileSize: setup.maxFileSize, now: context.now, jobs: jobs)
        let results = try inbox.map { try runInbox(InboxFolder(root: $0), importer) }
            ?? importer.importFiles(ImportSetup.expand(paths).map {
                PublishedFileImporter.PendingFile(path: $0, source: ImportSetup.source(of: $0), authority: authority)
            })
        print(results, context)
        let rejected = results.filter { $0.status == .rejected }.count
        if rejected > 0 { throw CommandExit(rejected == results.count ? .dataError : .failure) }
    }

    /// Claims each waiting file (an atomic rename, so concurrent runs never import one twice), imports it under the
    /// authority of its folder, and moves it to imported/ or rejected/. Files are claimed a batch at a time (a few per
    /// job), prepared together, then written and moved one by one.
    static func runInbox(_ inbox: InboxFolder, _ importer: PublishedFileImporter) throws -> [FileImportResult] {
        var results: [FileImportResult] = []
        let pending = try inbox.pendingFiles()
        let batch = importer.batchSize
        var first = 0
        while first < pending.count {
            let part = pending[first ..< min(pending.count, first + batch)]
            first += part.count
            // Each claimed file, with the rejection of its folder when the folder is not an RPPS number.
            var claims: [(file: InboxFolder.PendingFile, claimed: InboxFolder.ClaimedFile, refused: FileImportResult?)] = []
            var work: [PublishedFileImporter.PendingFile] = []
            for file in part {
                guard let claimed = inbox.claim(file) else { continue }
                do {
                    let rpps = try RPPS(file.folder)
                    work.append(.init(path: claimed.processingPath, source: file.name,
                                      authority: ImportAuthority(expected: rpps, origin: "the inbox folder")))
                    claims.append((file, claimed, nil))
                } catch {
                    claims.append((file, claimed, FileImportResult(path: file.path, practitioners: [], status: .rejected,
                                                                   errors: ["\(file.path): the inbox folder '\(file.folder)' is not a valid RPPS number (\(error.problem)). Name each GP's folder by their 11-digit RPPS number."])))
                }
            }
            // `importFiles` answers one result per file of `work`, in order: the claims without a refusal.
            var imported = importer.importFiles(work).makeIterator()
            for (file, claimed, refused) in claims {
                guard var result = refused ?? imported.next() else { break }
                result.errors = result.errors.map { $0.replacingOccurrences(of: claimed.processingPath, with: file.path) }
                result.path = file.path
                result.movedTo = try inbox.finish(claimed, accepted: result.status != .rejected, errors: result.errors)
                results.append(result)
            }
        }
        return results
    }

    static func print(_ results: [FileImportResult], _ context: CommandContext) {
        switch context.format {
        case .json:
            context.output.write(JSONValue.object(["files": .array(results.map(\.json))]).rendered)
        case .table:
            if results.isEmpty { context.output.line("Nothing to import."); return }
            var table = TextTable([.init("File"), .init("GP"), .init("Status"), .init("Added", right: true), .init("Removed", right: true),
                                   .init("Kept", right: true), .init("Conflicts", right: true)])
            for r in results {
                table.add([r.path, r.practitioners.joined(separator: ","), r.status.rawValue, String(r.added), String(r.removed),
                           String(r.kept), String(r.conflicts.count)])
            }
            context.output.write(table.rendered)
            for r in results {
                for c in r.conflicts {
                    context.output.line("Conflict: \(r.path): the \(c.status.rawValue) slot \(c.slotID) (\(c.start.iso8601)–\(c.end.iso8601)) is no longer published; it stays \(c.status.rawValue). Call the practice.")
                }
                for e in r.errors { context.output.error("Error: \(e)") }
            }
        }
    }
}
