import Foundation
import Glibc
import SlotMatchConfig
import SlotMatchCore
import SlotMatchReplay
import SlotMatchReport
import SlotMatchStore

/// `slotmatch replay`: past (or simulated) demand through one or several policies over a supply, with KPIs and a report.
enum ReplayCommand {
    static let spec = CommandSpec(
        path: ["replay"],
        abstract: "Replay a demand log through slot policies over a supply and compare the KPIs.",
        discussion: """
            A deterministic discrete-event simulation in time order. The supply is a folder of published agendas \
            with its roster.csv (--supply, e.g. Schedules/), expanded over the demand's period, or a database \
            (--db), read from a copy so it is never modified. Policies: nearest, ranked, batch:15m, batch:60m, \
            hindsight (the offline optimum, the bound no policy beats). See docs/replay.md.
            """,
        arguments: [ArgumentSpec("demand", help: "The demand log (CSV or JSON Lines, docs/demand-log.md).")],
        options: [
            .value("supply", placeholder: "dir", help: "A folder with roster.csv and published agendas (else the database)."),
            .value("policy", placeholder: "policy", help: "The policy to replay.", default: "nearest"),
            .value("compare", placeholder: "p1,p2,…", help: "Several policies, compared (e.g. nearest,ranked,batch:15m,hindsight)."),
            .value("report", placeholder: "file.html", help: "Write the HTML report here."),
            .value("add-supply", placeholder: "path", help: "What-if: add this agenda file or supply folder.", repeatable: true),
            .value("remove-practitioner", placeholder: "rpps", help: "What-if: leave this GP out.", repeatable: true),
            .value("lang", placeholder: "lang", help: "The report's language (default from LC_ALL/LANG).", allowed: ReportLanguage.allCases.map(\.rawValue)),
        ],
        printsData: true,
        run: run)

    static func run(_ context: CommandContext) throws {
        let territory = try context.territory()
        let zone = try territory.zoneRules()
        guard let demandPath = context.arguments.argument("demand") else { throw CommandFailure("no demand log given") }
        guard let data = FileManager.default.contents(atPath: demandPath) else {
            throw InputError(SourcePlace(file: demandPath), "the demand log cannot be read", remedy: "Check the path; write one with `slotmatch simulate`.")
        }
        let demand = try DemandLogReader.read(bytes: [UInt8](data), file: demandPath)
        guard !demand.isEmpty else {
            throw InputError(SourcePlace(file: demandPath), "the demand log has no request", remedy: "Give a log with at least one line after the header.")
        }
        // Policies.
        var names = [context.arguments.value("policy") ?? "nearest"]
        if let list = context.arguments.value("compare") { names = list.split(separator: ",").map { String($0).trimmingSpaces } }
        var policies: [ReplayPolicy] = []
        for name in names {
            guard let p = ReplayPolicy(name) else {
                throw InputError(SourcePlace(file: "--policy"), "\"\(name)\" is not a policy",
                                 remedy: "Use one of \(ReplayPolicy.allNames.joined(separator: ", ")) (batch:<n>m for another window).")
            }
            if !policies.contains(p) { policies.append(p) }
        }
        // Supply over the period: the first call's local midnight to the last call + 48 h + the grace.
        let first = demand.map(\.receivedAt).min() ?? context.now
        let last = demand.map(\.receivedAt).max() ?? context.now
        let from = zone.instant(of: LocalDateTime(date: zone.localTime(of: first).date, secondOfDay: 0))
        let to = last.adding(seconds: 3 * 86_400)
        var supply: ReplaySupply
        if let folder = context.arguments.value("supply") {
            supply = try ReplaySupplyFolder.load(path: folder, territory: territory, zone: zone, from: from, to: to)
        } else {
            supply = try databaseSupply(path: context.databasePath, from: from, to: to)
        }
        for path in context.arguments.allValues("add-supply") {
            supply = supply.adding(try ReplaySupplyFolder.load(path: path, territory: territory, zone: zone, from: from, to: to,
                                                               roster: supply.practitioners))
        }
        for text in context.arguments.allValues("remove-practitioner") {
            let rpps: RPPS
            do { rpps = try RPPS(text) } catch { throw InputError(SourcePlace(file: "--remove-practitioner"), error.problem, remedy: error.remedy) }
            guard supply.practitioners.contains(where: { $0.rpps == rpps }) else {
                throw InputError(SourcePlace(file: "--remove-practitioner"), "the GP \(rpps) is not in the supply", remedy: "Give the RPPS number of a GP of the roster.")
            }
            supply = supply.removing(practitioner: rpps)
        }
        let instance: ReplayInstance
        do {
            instance = try ReplayInstance(territory: territory, zone: zone, supply: supply, demand: demand)
        } catch {
            throw error.place.jsonPath?.hasPrefix("request ") == true ? error.inFile(demandPath) : error
        }
        let engine = ReplayEngine(instance)
        let bar = ProgressBar(enabled: isatty(2) == 1 && context.format != .json)
        var runs: [PolicyRun] = []
        for (i, p) in policies.enumerated() {
            runs.append(engine.run(p) { share in bar.show(label: p.description, share: (Double(i) + share) / Double(policies.count)) })
        }
        bar.finish()
        let kpis = PolicyKPIs.withGaps(runs.map { PolicyKPIs(run: $0, instance: instance) })

        var reportPath: String?
        if let path = context.arguments.value("report") {
            let language = context.arguments.value("lang").flatMap(ReportLanguage.init(rawValue:)) ?? ReportLanguage.fromEnvironment(context.environment)
            let html = ReplayReport.html(reportData(instance: instance, kpis: kpis, demandName: (demandPath as NSString).lastPathComponent), language: language)
            try writeAtomically(html, to: path)
            reportPath = path
        }
        switch context.format {
        case .json:
            context.output.write(ReplayOutput.json(instance: instance, kpis: kpis, report: reportPath).rendered)
        case .table:
            context.output.write(ReplayOutput.table(instance: instance, kpis: kpis))
            if let reportPath { context.output.line("Report: \(reportPath)") }
        }
    }

    static func reportData(instance: ReplayInstance, kpis: [PolicyKPIs], demandName: String) -> ReportData {
        var requests: [String: Int] = [:], unserved: [String: Int] = [:]
        if let main = kpis.first {
            for g in main.byCommune { requests[g.key] = g.requests; unserved[g.key] = g.unserved }
        }
        let policies = kpis.map { k in
            ReportPolicy(name: k.policy, requests: k.overall.requests, needingSlot: k.overall.needingSlot,
                         servedInTarget: k.overall.servedInTarget, servedOutsideTarget: k.overall.servedOutsideTarget,
                         unserved: k.overall.unserved, samu: k.overall.samu, travelP50: k.overall.travelP50,
                         travelP90: k.overall.travelP90, waitP50: k.overall.waitP50, waitP90: k.overall.waitP90,
                         capPressure: k.capPressure.capPressure, gapToHindsight: k.gapToHindsight, exact: k.exact, waits: k.waits)
        }
        return ReportData(territory: instance.territory, zone: instance.zone,
                          periodStart: Instant(secondsSinceEpoch: instance.period.start), periodEnd: Instant(secondsSinceEpoch: instance.period.end),
                          demandName: demandName, requestsByCommune: requests, unservedByCommune: unserved,
                          demandByHour: instance.demandByHour(), supplyByHour: instance.supplyByHour(),
                          practitionersByPole: instance.practitionersByPole(), policies: policies)
    }

    /// The roster and free slots of a database, read from a private copy so the original is never touched
    /// (opening a store may migrate it).
    static func databaseSupply(path: String, from: Instant, to: Instant) throws -> ReplaySupply {
        let fm = FileManager.default
        guard fm.fileExists(atPath: path) else {
            throw CommandFailure("no database at \(path): give --supply DIR (e.g. Schedules/) or --db PATH")
        }
        let folder = fm.temporaryDirectory.appendingPathComponent("slotmatch-replay-" + UUID().uuidString.prefix(8).lowercased())
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("copy.db").path
        try fm.copyItem(atPath: path, toPath: copy)
        for suffix in ["-wal", "-shm"] where fm.fileExists(atPath: path + suffix) {
            try fm.copyItem(atPath: path + suffix, toPath: copy + suffix)
        }
        let store = try Store(path: copy)
        return ReplaySupply(practitioners: try store.practitioners(), slots: try store.freeSlots(from: from, to: to))
    }

    /// Writes through a temporary file in the same folder, then renames: never a half-written file.
    static func writeAtomically(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw CommandFailure("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
