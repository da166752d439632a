import Foundation
import SlotMatchCore

/// Reads (and writes) a triage rule file: the JSON form of a `TriageRuleBook` (schema in docs/triage-rules.md).
///
/// The default rules ship with the package as `Resources/triage-rules.json`, marked as a STARTING POINT
/// for the CPTS medical board to validate; `--rules FILE` replaces them. Every problem names its JSON
/// path (`$.rules[3].level`); unknown members are refused, so a misspelt field is never silently ignored.
public enum TriageRuleFile {
    /// The rule file bundled with the package (the core's default book, as JSON).
    public static var bundledURL: URL? { Bundle.module.url(forResource: "triage-rules", withExtension: "json") }

    /// The bundled default rule book.
    public static func loadDefault() throws(InputError) -> TriageRuleBook {
        guard let url = bundledURL else {
            throw InputError(SourcePlace(file: "triage-rules.json"), "the bundled triage rule file is missing from the installation",
                             remedy: "Reinstall slotmatch, or pass --rules FILE.")
        }
        return try load(path: url.path)
    }

    /// The rule file at `path`, or the bundled one when `path` is nil.
    public static func load(path: String?) throws(InputError) -> TriageRuleBook {
        guard let path else { return try loadDefault() }
        let bytes = try FileInput.bytes(path: path, what: "triage rule")
        return try parse(Data(bytes), file: path)
    }

    public static func parse(_ data: Data, file: String? = nil) throws(InputError) -> TriageRuleBook {
        let root = try JSONNode.parse(data, file: file)
        try refuseUnknown(root, ["$comment", "status", "maximumDelayMinutes", "redFlags", "rules", "fallback"])
        var delays = UrgencyDelays.defaults
        if let d = try root.optionalMember("maximumDelayMinutes") {
            try refuseUnknown(d, ["urgent", "same-day", "within-24h", "within-48h"])
            func minutes(_ key: String, _ current: Int64) throws(InputError) -> Int64 {
                guard let n = try d.optionalMember(key) else { return current }
                let m = try n.int()
                guard m > 0, m <= 7 * 24 * 60 else {
                    throw n.error("the delay \(m) minutes is outside 1 … 10080 (one week)", remedy: "Give the level's maximum delay in minutes.")
                }
                return Int64(m) * 60
            }
            delays.urgentSeconds = try minutes("urgent", delays.urgentSeconds)
            delays.sameDaySeconds = try minutes("same-day", delays.sameDaySeconds)
            delays.within24hSeconds = try minutes("within-24h", delays.within24hSeconds)
            delays.within48hSeconds = try minutes("within-48h", delays.within48hSeconds)
        }
        var redFlags: Set<String> = []
        for n in try root.member("redFlags").array() {
            let flag = try code(n)
            guard redFlags.insert(flag).inserted else { throw n.error("the red flag \"\(flag)\" appears twice", remedy: "List each red flag once.") }
        }
        var rules: [TriageRule] = []
        var ids: Set<String> = []
        for n in try root.member("rules").array() {
            let rule = try self.rule(n, requireReason: true)
            guard ids.insert(rule.id).inserted else {
                throw try n.member("id").error("the rule id \"\(rule.id)\" appears twice", remedy: "Give each rule its own id.")
            }
            rules.append(rule)
        }
        let fallbackNode = try root.member("fallback")
        let fallback = try rule(fallbackNode, requireReason: false)
        if fallback.reason != nil || !fallback.ageBands.isEmpty || !fallback.mobilities.isEmpty || !fallback.requiredFlags.isEmpty {
            throw fallbackNode.error("the fallback rule has conditions", remedy: "The fallback applies when no rule matches: remove reason, ageBands, mobilities and requiredFlags from it.")
        }
        return TriageRuleBook(redFlags: redFlags, rules: rules, fallback: fallback, delays: delays)
    }

    static func rule(_ n: JSONNode, requireReason: Bool) throws(InputError) -> TriageRule {
        try refuseUnknown(n, ["id", "reason", "ageBands", "mobilities", "requiredFlags", "level", "modes", "rationale"])
        let id = try code(n.member("id"), allowDash: true)
        var reason: String? = nil
        if requireReason { reason = try code(n.member("reason")) } else if let r = try n.optionalMember("reason") { reason = try code(r) }
        var bands: Set<AgeBand> = []
        for b in try n.optionalMember("ageBands")?.array() ?? [] {
            let s = try b.string()
            guard let band = AgeBand(code: s) else {
                throw b.error("\"\(s)\" is not an age band", remedy: "Use one of " + AgeBand.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            bands.insert(band)
        }
        var mobilities: Set<PatientMobility> = []
        for m in try n.optionalMember("mobilities")?.array() ?? [] {
            let s = try m.string()
            guard let mobility = PatientMobility(code: s) else {
                throw m.error("\"\(s)\" is not a mobility", remedy: "Use one of " + PatientMobility.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            mobilities.insert(mobility)
        }
        var flags: Set<String> = []
        for f in try n.optionalMember("requiredFlags")?.array() ?? [] { flags.insert(try code(f)) }
        let levelNode = try n.member("level")
        let levelText = try levelNode.string()
        guard let level = UrgencyLevel(rawValue: levelText) else {
            throw levelNode.error("\"\(levelText)\" is not an urgency level", remedy: "Use one of " + UrgencyLevel.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        let modesNode = try n.member("modes")
        var modes: Set<ConsultationMode> = []
        for m in try modesNode.array() {
            let s = try m.string()
            guard let mode = ConsultationMode(rawValue: s) else { throw m.error("\"\(s)\" is not a consultation mode", remedy: "Use AMB, HH or VR.") }
            modes.insert(mode)
        }
        if level.mayReceiveSlot && modes.isEmpty {
            throw modesNode.error("the level \(level.rawValue) gives a slot but no mode is allowed", remedy: "List at least one of AMB, HH, VR.")
        }
        if !level.mayReceiveSlot && !modes.isEmpty {
            throw modesNode.error("the level \(level.rawValue) never gives a slot, so it allows no mode", remedy: "Write \"modes\": [].")
        }
        let rationaleNode = try n.member("rationale")
        let rationale = try rationaleNode.string()
        guard !rationale.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw rationaleNode.error("the rationale is empty", remedy: "Write the sentence the operator reads out.")
        }
        return TriageRule(id: id, reason: reason, ageBands: bands, mobilities: mobilities, requiredFlags: flags,
                          level: level, modes: modes, rationale: rationale)
    }

    /// A snake_case code (`fever_adult`), or with dashes for ids (`fever-adult`).
    static func code(_ n: JSONNode, allowDash: Bool = false) throws(InputError) -> String {
        let s = try n.string()
        let ok = !s.isEmpty && s.utf8.count <= 64 && s.utf8.allSatisfy {
            ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 || (allowDash && ($0 == 45 || $0 == 58))
        }
        guard ok else {
            throw n.error("\"\(s)\" is not a code", remedy: allowDash ? "Use lower-case letters, digits, - and _ (up to 64)." : "Use lower-case letters, digits and _ (up to 64).")
        }
        return s
    }

    static func refuseUnknown(_ n: JSONNode, _ known: Set<String>) throws(InputError) {
        for (key, member) in try n.object() where !known.contains(key) {
            throw member.error("unknown field \"\(key)\"", remedy: "Remove it or check its spelling; known fields: " + known.sorted().joined(separator: ", ") + ".")
        }
    }

    // MARK: writing

    /// The rule file text of `book` (the bundled file is `json(of: .defaults)`), members in a fixed order.
    public static func json(of book: TriageRuleBook, status: String = TriageRuleFile.defaultStatus) -> String {
        var out = "{\n"
        out += "  \"status\": \(quote(status)),\n"
        out += "  \"maximumDelayMinutes\": {\"urgent\": \(book.delays.urgentSeconds / 60), \"same-day\": \(book.delays.sameDaySeconds / 60), "
        out += "\"within-24h\": \(book.delays.within24hSeconds / 60), \"within-48h\": \(book.delays.within48hSeconds / 60)},\n"
        out += "  \"redFlags\": [" + book.redFlags.sorted().map(quote).joined(separator: ", ") + "],\n"
        out += "  \"rules\": [\n"
        out += book.rules.map { "    " + ruleJSON($0) }.joined(separator: ",\n")
        out += "\n  ],\n"
        out += "  \"fallback\": " + ruleJSON(book.fallback) + "\n}\n"
        return out
    }

    public static let defaultStatus = "STARTING POINT ONLY: written by the engineering team from common unscheduled-care practice; to be reviewed and validated by the CPTS medical board before clinical use. Edit a copy and pass it with --rules FILE."

    static func ruleJSON(_ r: TriageRule) -> String {
        var parts: [String] = ["\"id\": \(quote(r.id))"]
        if let reason = r.reason { parts.append("\"reason\": \(quote(reason))") }
        if !r.ageBands.isEmpty {
            parts.append("\"ageBands\": [" + AgeBand.allCases.filter(r.ageBands.contains).map { quote($0.rawValue) }.joined(separator: ", ") + "]")
        }
        if !r.mobilities.isEmpty {
            parts.append("\"mobilities\": [" + PatientMobility.allCases.filter(r.mobilities.contains).map { quote($0.rawValue) }.joined(separator: ", ") + "]")
        }
        if !r.requiredFlags.isEmpty { parts.append("\"requiredFlags\": [" + r.requiredFlags.sorted().map(quote).joined(separator: ", ") + "]") }
        parts.append("\"level\": \(quote(r.level.rawValue))")
        parts.append("\"modes\": [" + r.modes.sorted().map { quote($0.rawValue) }.joined(separator: ", ") + "]")
        parts.append("\"rationale\": \(quote(r.rationale))")
        return "{" + parts.joined(separator: ", ") + "}"
    }

    /// RFC 8259 §7 through the shared `JSONString` (DEL left as is, as rule files always had it).
    static func quote(_ s: String) -> String { JSONString.quoted(s, escapingDelete: false) }
}
