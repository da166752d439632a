import Foundation
import SlotMatchConfig
import SlotMatchCore
import SlotMatchImport
import SlotMatchStore

/// The pieces every command that reads published agendas needs: the territory's zone for floating times,
/// the reader with its size limit, and the import horizon, from the command's options.
struct ImportSetup {
    var territory: Territory
    var zone: ZoneRules
    var reader: PublishedFileReader
    var preparation: ImportPreparation
    var maxFileSize: Int

    static let horizonOption = OptionSpec.value("horizon", placeholder: "days", help: "Days ahead to import for files that declare no range.", default: "28")
    static let maxFileSizeOption = OptionSpec.value("max-file-size", placeholder: "bytes", help: "Largest file read.", default: "67108864 (64 MiB)")

    init(_ context: CommandContext) throws {
        territory = try context.territory()
        zone = try territory.zoneRules()
        maxFileSize = try ImportSetup.positiveInteger(context, "max-file-size") ?? PublishedFileBytes.defaultLimit
        let horizon = try ImportSetup.positiveInteger(context, "horizon") ?? ImportPreparation.defaultHorizonDays
        reader = PublishedFileReader(territoryZone: zone, sizeLimit: maxFileSize)
        preparation = ImportPreparation(reader: reader, horizonDays: horizon)
    }

    static func positiveInteger(_ context: CommandContext, _ option: String) throws -> Int? {
        guard let text = context.arguments.value(option) else { return nil }
        guard let value = Int(text), value > 0 else {
            throw InputError(SourcePlace(jsonPath: "--\(option)"), "'\(text)' is not a positive whole number", remedy: "Write a number like 28.")
        }
        return value
    }

    /// The files named on the command line, each folder replaced by the agendas below it.
    static func expand(_ paths: [String]) -> [String] { PublishedFileListing.files(in: paths) }

    /// The stable source name of a published file: its file name.
    static func source(of path: String) -> String { (path as NSString).lastPathComponent }
}
