import Foundation
import Testing
import SlotMatchConfig
import SlotMatchCore

/// The rule file reader: the bundled file is the core's default book, a malformed file names its JSON path.
@Suite struct TriageRuleFileTests {
    @Test func bundledFileIsTheDefaultBook() throws {
        let bundled = try TriageRuleFile.loadDefault()
        #expect(bundled == TriageRuleBook.defaults)
        let text = try String(contentsOf: try #require(TriageRuleFile.bundledURL), encoding: .utf8)
        #expect(text.contains("STARTING POINT"))
        #expect(text == TriageRuleFile.json(of: .defaults))
    }

    @Test func writtenFileReadsBack() throws {
        var book = TriageRuleBook.defaults
        book.delays.urgentSeconds = 3 * 3600
        book.rules.append(TriageRule(id: "bite", reason: "animal_bite", ageBands: [.child, .adult], mobilities: [.reduced],
                                     requiredFlags: ["deep_wound"], level: .sameDay, modes: [.office], rationale: "Morsure : \"soins\" au cabinet."))
        let back = try TriageRuleFile.parse(Data(TriageRuleFile.json(of: book).utf8))
        #expect(back == book)
    }

    static let base = #"{"redFlags": ["purpura"], "rules": [RULE], "fallback": {"id": "f", "level": "same-day", "modes": ["AMB"], "rationale": "r"}}"#
    static let bad: [(rule: String, path: String)] = [
        (#"{"id": "x", "reason": "x", "level": "soon", "modes": [], "rationale": "r"}"#, "$.rules[0].level"),
        (#"{"id": "x", "reason": "x", "level": "urgent", "modes": ["AMB", "XX"], "rationale": "r"}"#, "$.rules[0].modes[1]"),
        (#"{"id": "x", "reason": "x", "level": "urgent", "modes": [], "rationale": "r"}"#, "$.rules[0].modes"),
        (#"{"id": "x", "reason": "x", "level": "vital", "modes": ["AMB"], "rationale": "r"}"#, "$.rules[0].modes"),
        (#"{"id": "x", "reason": "x", "level": "urgent", "modes": ["AMB"]}"#, "$.rules[0].rationale"),
        (#"{"id": "x", "reason": "x", "level": "urgent", "modes": ["AMB"], "rationale": "r", "colour": "red"}"#, "$.rules[0].colour"),
        (#"{"id": "x", "reason": "x", "ageBands": ["old"], "level": "urgent", "modes": ["AMB"], "rationale": "r"}"#, "$.rules[0].ageBands[0]"),
        (#"{"id": "x", "reason": "Fever Adult", "level": "urgent", "modes": ["AMB"], "rationale": "r"}"#, "$.rules[0].reason"),
        (#"{"id": "x", "reason": "x", "mobilities": ["flying"], "level": "urgent", "modes": ["AMB"], "rationale": "r"}"#, "$.rules[0].mobilities[0]"),
    ]

    @Test(arguments: bad)
    func malformedRuleNamesItsPath(_ c: (rule: String, path: String)) {
        let text = Self.base.replacingOccurrences(of: "RULE", with: c.rule)
        do {
            _ = try TriageRuleFile.parse(Data(text.utf8), file: "rules.json")
            Issue.record("accepted")
        } catch {
            #expect(error.place.jsonPath == c.path, "\(error)")
            #expect(error.place.file == "rules.json")
        }
    }

    @Test func duplicateRuleIdsAndConditionedFallbackAreRefused() {
        let twice = Self.base.replacingOccurrences(of: "RULE", with: #"{"id": "x", "reason": "a", "level": "urgent", "modes": ["AMB"], "rationale": "r"}, {"id": "x", "reason": "b", "level": "urgent", "modes": ["AMB"], "rationale": "r"}"#)
        #expect(throws: InputError.self) { try TriageRuleFile.parse(Data(twice.utf8)) }
        let fallback = #"{"redFlags": [], "rules": [], "fallback": {"id": "f", "reason": "x", "level": "same-day", "modes": ["AMB"], "rationale": "r"}}"#
        do { _ = try TriageRuleFile.parse(Data(fallback.utf8)); Issue.record("accepted") } catch { #expect(error.place.jsonPath == "$.fallback") }
    }

    @Test func delaysComeFromTheFile() throws {
        let text = #"{"maximumDelayMinutes": {"urgent": 120}, "redFlags": [], "rules": [], "fallback": {"id": "f", "level": "urgent", "modes": ["AMB"], "rationale": "r"}}"#
        let book = try TriageRuleFile.parse(Data(text.utf8))
        let d = book.decide(TriageInput(reason: "anything", receivedAt: Instant(secondsSinceEpoch: 0)))
        #expect(d.deadline == Instant(secondsSinceEpoch: 7200))
        let zero = #"{"maximumDelayMinutes": {"urgent": 0}, "redFlags": [], "rules": [], "fallback": {"id": "f", "level": "urgent", "modes": ["AMB"], "rationale": "r"}}"#
        do { _ = try TriageRuleFile.parse(Data(zero.utf8)); Issue.record("accepted") } catch { #expect(error.place.jsonPath == "$.maximumDelayMinutes.urgent") }
    }

    /// Every default rule decides its own case from the bundled file, and red flags beat each of them.
    @Test(arguments: TriageRuleBook.defaults.rules)
    func everyDefaultRuleDecidesAndRedFlagsWin(_ rule: TriageRule) throws {
        let book = try TriageRuleFile.loadDefault()
        let input = TriageInput(reason: rule.reason ?? "x", flags: rule.requiredFlags, ageBand: rule.ageBands.sorted { $0.rawValue < $1.rawValue }.first,
                                mobility: rule.mobilities.first ?? .ambulant, receivedAt: Instant(secondsSinceEpoch: 1_000_000))
        let d = book.decide(input)
        #expect(d.ruleID == rule.id)
        #expect(d.level == rule.level)
        var red = input
        red.flags.insert("purpura")
        let v = book.decide(red)
        #expect(v.level == .vital)
        #expect(v.modes.isEmpty)
        #expect(v.ruleID == "red-flag:purpura")
    }
}
