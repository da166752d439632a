import Foundation
import SlotMatchConfig
import SlotMatchCore
import SlotMatchMatching
import SlotMatchService
import SlotMatchStore

/// What the operator commands (`find`, `hold`, `book`, …) share: opening the regulation desk on the
/// database with `--rules` and `--weights`, calling one service method with params built from options,
/// and turning service errors into the CLI's exit codes (invalid params → 65 naming the option; others → 1).
struct DeskSession {
    static let rulesOption = OptionSpec.value("rules", placeholder: "file", help: "A triage rule file replacing the bundled default rules (docs/triage-rules.md).")
    static let weightsOption = OptionSpec.value("weights", placeholder: "file", help: "A ranking weights file replacing the bundled defaults (docs/service.md).")
    static let options = [rulesOption, weightsOption]

    /// Nil for commands that need no database (`triage` without an override).
    let desk: RegulationDesk?
    /// Service parameter name → the option that gives it, for error messages (`treatingGP` → `--treating-gp`).
    var optionNames: [String: String] = [:]

    /// The rule book of `--rules`, else the bundled one.
    static func rules(_ context: CommandContext) throws -> TriageRuleBook {
        try TriageRuleFile.load(path: context.arguments.value("rules"))
    }

    /// `--weights` applied over the defaults.
    static func weights(_ context: CommandContext) throws -> CostWeights {
        var w = CostWeights.defaults
        for (key, value) in try CostWeightsFile.load(path: context.arguments.value("weights")) {
            switch key {
            case "travelMinute": w.travelMinute = value
            case "waitMinute": w.waitMinute = value
            case "treatingGPBonus": w.treatingGPBonus = value
            case "practitionerLoad": w.practitionerLoad = value
            case "poleLoad": w.poleLoad = value
            default: break
            }
        }
        return w
    }

    /// Opens the desk on an existing database (`clock`: the pinned `--now`, or the live clock for `serve`).
    static func open(_ context: CommandContext, clock: (@Sendable () -> Instant)? = nil, log: @escaping (String) -> Void = { _ in }) throws -> DeskSession {
        let file = DatabaseFile(path: context.databasePath)
        guard file.exists else {
            throw CommandFailure("There is no database at \(context.databasePath) yet. Create it with 'slotmatch init' and import the roster and slots first.")
        }
        let territory = try context.territory()
        let now = context.now
        let desk = try RegulationDesk(store: try file.open(), territory: territory, rules: try rules(context), weights: try weights(context),
                                      zone: try territory.zoneRules(), clock: clock ?? { now }, log: log)
        return DeskSession(desk: desk)
    }

    /// Calls `method`; an invalid parameter becomes an `InputError` naming the option (exit 65), any other
    /// service error a `CommandFailure` with its stable code (exit 1).
    func call(_ method: String, _ params: [(String, ServiceValue?)]) throws -> ServiceValue {
        let object = JSONObject(params.compactMap { key, value in value.map { (key, $0) } })
        guard let desk else { throw CommandFailure("no database is open") }
        return try mapErrors { () throws(RPCError) -> ServiceValue in try desk.call(method, object) }
    }

    /// Runs `body`, mapping its service error as `call` does.
    func mapErrors(_ body: () throws(RPCError) -> ServiceValue) throws -> ServiceValue {
        do { return try body() } catch {
            if error.code == -32602, case .string(let path)? = error.data["path"] {
                let problem: String
                if case .string(let p)? = error.data["problem"] { problem = p } else { problem = error.message }
                let remedy: String
                if case .string(let r)? = error.data["remedy"] { remedy = r } else { remedy = "" }
                throw InputError(SourcePlace(jsonPath: optionPlace(path)), problem, remedy: remedy)
            }
            throw CommandFailure("\(error.message) [\(error.dataCode ?? String(error.code))]")
        }
    }

    /// `$.params.treatingGP` → `--treating-gp`, `$.params.modes[1]` → `--mode (2nd)`.
    func optionPlace(_ path: String) -> String {
        var key = path.hasPrefix("$.params.") ? String(path.dropFirst("$.params.".count)) : path
        var suffix = ""
        if let bracket = key.firstIndex(of: "[") {
            let index = Int(key[key.index(after: bracket)...].prefix { $0.isNumber }) ?? 0
            suffix = " (value \(index + 1))"
            key = String(key[..<bracket])
        }
        if let dot = key.firstIndex(of: ".") { key = String(key[..<dot]) }
        guard let option = optionNames[key] else { return path }
        return "--" + option + suffix
    }

    /// A string option as a param.
    static func string(_ context: CommandContext, _ option: String) -> ServiceValue? {
        context.arguments.value(option).map { .string($0) }
    }

    /// A whole-number option as a param; text that is no integer is passed as a string, so the service
    /// reports it as mistyped at its path.
    static func integer(_ context: CommandContext, _ option: String) -> ServiceValue? {
        guard let text = context.arguments.value(option) else { return nil }
        if let i = Int64(text) { return .int(i) }
        return .string(text)
    }

    /// A repeatable option as an array param.
    static func strings(_ context: CommandContext, _ option: String) -> ServiceValue? {
        let all = context.arguments.allValues(option)
        return all.isEmpty ? nil : .array(all.map { .string($0) })
    }

    /// Prints a service result as the CLI's stable pretty JSON.
    static func printJSON(_ context: CommandContext, _ value: ServiceValue) {
        context.output.write(ServiceJSON.cli(value).rendered)
    }
}
