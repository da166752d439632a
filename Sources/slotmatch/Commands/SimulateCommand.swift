import Foundation
import SlotMatchConfig
import SlotMatchCore
import SlotMatchReplay

/// `slotmatch simulate`: synthetic demand in the demand log format (docs/demand-log.md), the same bytes for the same seed.
enum SimulateCommand {
    static let spec = CommandSpec(
        path: ["simulate"],
        abstract: "Write synthetic calls to the regulation line as a demand log.",
        discussion: """
            Arrivals follow commune populations (about 1 request per 1,000 inhabitants a week), weekday and \
            hour-of-day profiles (Monday and evening peaks), a winter epidemic wave centred on 15 January, and \
            mixes of urgency, age band and mobility. The same --seed gives the same file. See docs/demand-log.md.
            """,
        options: [
            .value("days", placeholder: "n", help: "Number of days to simulate.", default: "14"),
            .value("seed", placeholder: "n", help: "Seed of the generator.", default: "1"),
            .value("start", placeholder: "date", help: "First day (YYYY-MM-DD, local); default the next Monday after --now."),
            .value("scale", placeholder: "scale", help: "The territory's communes, a synthetic department (1.4 M) or France (68 M).",
                   default: "territory", allowed: DemandScale.allCases.map(\.rawValue)),
            .value("output", placeholder: "file", help: "Write to this file instead of standard output."),
            .value("format", placeholder: "format", help: "CSV or JSON Lines.", default: "csv", allowed: DemandLogFormat.allCases.map(\.rawValue)),
        ],
        printsData: false,  // its own --format chooses the demand-log format (csv, jsonl)
        run: run)

    static func run(_ context: CommandContext) throws {
        let territory = try context.territory()
        let zone = try territory.zoneRules()
        guard let days = Int(context.arguments.value("days") ?? "14"), days > 0, days <= 3660 else {
            throw InputError(SourcePlace(file: "--days"), "the number of days must be a whole number from 1 to 3660", remedy: "Give e.g. --days 14.")
        }
        guard let seed = UInt64(context.arguments.value("seed") ?? "1") else {
            throw InputError(SourcePlace(file: "--seed"), "the seed must be a whole number from 0 to 18446744073709551615", remedy: "Give e.g. --seed 42.")
        }
        let start: CivilDate
        if let text = context.arguments.value("start") {
            guard let d = CivilDate.parse(text), d.isValid else {
                throw InputError(SourcePlace(file: "--start"), "\"\(text)\" is not a date", remedy: "Write it as YYYY-MM-DD, e.g. 2027-01-04.")
            }
            start = d
        } else {
            start = nextMonday(after: context.now, zone: zone)
        }
        let scale = DemandScale(rawValue: context.arguments.value("scale") ?? "territory") ?? .territory
        let format = DemandLogFormat(rawValue: context.arguments.value("format") ?? "csv") ?? .csv
        let simulator = DemandSimulator(scale: scale, territory: territory, zone: zone)
        var text = format == .csv ? DemandLogWriter.header() : ""
        simulator.generate(start: start, days: days, seed: seed) { DemandLogWriter.append($0, format: format, to: &text) }
        if let path = context.arguments.value("output") {
            try ReplayCommand.writeAtomically(text, to: path)
        } else {
            context.output.write(text)
        }
    }

    /// The first Monday strictly after the local date of `now`.
    static func nextMonday(after now: Instant, zone: ZoneRules) -> CivilDate {
        let today = zone.localTime(of: now).date
        let ahead = (8 - today.weekday.rawValue) % 7
        return today.adding(days: ahead == 0 ? 7 : ahead)
    }
}
