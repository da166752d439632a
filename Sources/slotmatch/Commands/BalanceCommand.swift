import Foundation
import Glibc
import SlotMatchBalance
import SlotMatchConfig
import SlotMatchCore
import SlotMatchMatching
import SlotMatchReport
import SlotMatchService
import SlotMatchStore

/// `slotmatch balance`: the nightly re-optimisation of every waiting request and every `pending` appointment over
/// the free slots of the horizon (docs/balance.md). Prints the moves; `--apply` writes them in one transaction.
enum BalanceCommand {
    static let spec = CommandSpec(
        path: ["balance"],
        abstract: "Re-optimise pending requests and unconfirmed appointments over the coming free slots.",
        discussion: """
            Solves one exact min-cost flow over the horizon: each request's best feasible slots (the operator's cost), \
            weekly SNP caps, hard deadlines, a penalty for leaving a request without a slot, convex GP and pole load \
            costs. Booked appointments are never moved. Prints the moves, the loads before and after, and the expected \
            demand against free SNP slots for the coming days. Nothing is written without --apply.
            """,
        options: [
            .value("horizon", placeholder: "duration", help: "How far ahead slots are given (48h, 2d, 90m).", default: "48h"),
            .flag("apply", help: "Write the moves (one transaction, audited)."),
            .value("report", placeholder: "file.html", help: "Write the HTML report (self-contained, inline SVG)."),
            .value("lang", placeholder: "lang", help: "The report's language (default from LC_ALL/LC_MESSAGES/LANG).", allowed: ["fr", "en"]),
            .value("export-dimacs", placeholder: "file.min", help: "Write the flow problem solved, in the DIMACS min-cost-flow format."),
            .value("days", placeholder: "n", help: "Days of supply against demand to forecast.", default: "7"),
            .value("weeks", placeholder: "n", help: "Weeks of history the demand forecast averages (same weekday).", default: "6"),
        ],
        printsData: true,
        run: run)

    static let operatorID = "balance-job"

    static func run(_ context: CommandContext) throws {
        let horizon = try parseDuration(context.arguments.value("horizon") ?? "48h", option: "--horizon")
        let days = try parseCount(context.arguments.value("days") ?? "7", option: "--days", range: 1 ... 60)
        let weeks = try parseCount(context.arguments.value("weeks") ?? "6", option: "--weeks", range: 1 ... 52)
        let file = DatabaseFile(path: context.databasePath)
        guard file.exists else {
            throw CommandFailure("no database at \(file.path): create it with 'slotmatch init' and import the roster and slots first")
        }
        let store = try file.open()
        let territory = try context.territory()
        let zone = try territory.zoneRules()
        let now = context.now
        let end = now.adding(seconds: horizon)
        let snapshot = try store.balanceSnapshot(from: now, to: end, weekZone: zone)
        let built = BalanceInputBuilder(territory: territory, zone: zone).input(from: snapshot, now: now, horizonEnd: end)

        let bar = ProgressBar(enabled: isatty(2) == 1)
        let plan = try BalancePlanner().plan(built.input) { done, total in
            bar.show(label: "balance", share: total > 0 ? Double(done) / Double(total) : 1)
        }
        bar.finish()

        if let path = context.arguments.value("export-dimacs") {
            let comments = ["SlotMatch balance problem, now \(now.iso8601), horizon until \(end.iso8601)",
                            "nodes: requests, slots, GP-weeks, poles, sink; optimum \(plan.costAfter)"]
            try write(plan.dimacs(comments: comments), to: path)
        }

        let forecast = try BalanceForecast.make(store: store, territory: territory, zone: zone, input: built.input, plan: plan,
                                               now: now, days: days, weeks: weeks)
        if let path = context.arguments.value("report") {
            let language = context.arguments.value("lang").flatMap(ReportLanguage.init(rawValue:))
                ?? ReportLanguage.fromEnvironment(context.environment)
            let content = BalanceSummary.reportContent(territory: territory, zone: zone, input: built.input, plan: plan,
                                                       forecast: forecast, overdue: built.overdue.count, now: now, end: end)
            try write(Array(BalanceReportPage.html(content, language: language).utf8), to: path)
        }

        var application: BalanceApplication?
        if context.arguments.flag("apply") {
            let moves = plan.moves.map { m in
                PlannedMove(requestID: m.requestID, appointmentID: m.appointmentID,
                            fromSlotID: m.fromSlot.map { built.input.slots[Int($0)].id }, toSlotID: built.input.slots[Int(m.toSlot)].id,
                            costDelta: m.costDelta)
            }
            application = try store.applyBalance(moves, operator: operatorID, weekZone: zone, now: now)
        }
        let summary = BalanceSummary(input: built.input, plan: plan, forecast: forecast, zone: zone, skippedRequests: built.skipped,
                                     overdue: built.overdue, application: application)
        switch context.format {
        case .json: context.output.write(summary.json.rendered)
        case .table: context.output.write(summary.table)
        }
    }

    /// `48h`, `2d`, `90m`, `3600s` or a bare number of hours, in seconds (1 minute to 31 days).
    static func parseDuration(_ text: String, option: String) throws(InputError) -> Int64 {
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        var digits = Substring(text), unit: Int64 = 3600
        if let last = text.last, let u = units[last] { digits = text.dropLast(); unit = u }
        guard let n = Int64(digits), n > 0, n * unit >= 60, n * unit <= 31 * 86_400 else {
            throw InputError(SourcePlace(file: option), "'\(text)' is not a duration between 1 minute and 31 days",
                             remedy: "Write a number followed by h, d, m or s, like 48h.")
        }
        return n * unit
    }

    static func parseCount(_ text: String, option: String, range: ClosedRange<Int>) throws(InputError) -> Int {
        guard let n = Int(text), range.contains(n) else {
            throw InputError(SourcePlace(file: option), "'\(text)' is not a whole number from \(range.lowerBound) to \(range.upperBound)",
                             remedy: "Give a number like \(range.lowerBound + 1).")
        }
        return n
    }

    /// Writes a whole file at once (to a temporary name, then renamed, so a reader never sees half of it).
    static func write(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw CommandFailure("cannot write \(path): check that its folder exists and is writable")
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CommandFailure("cannot write \(path): check that its folder exists and is writable")
        }
    }
}
