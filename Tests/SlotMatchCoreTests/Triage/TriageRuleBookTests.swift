import Testing
@testable import SlotMatchCore

/// One call and what the default book must decide for it.
struct TriageCase: Sendable, CustomTestStringConvertible {
    var reason: String
    var age: AgeBand?
    var mobility: PatientMobility = .ambulant
    var flags: Set<String> = []
    var ruleID: String
    var level: UrgencyLevel
    var modes: Set<ConsultationMode>
    var testDescription: String { "\(reason) \(age?.rawValue ?? "-") → \(ruleID)" }
}

let received = Instant(secondsSinceEpoch: 1_796_000_000)

let defaultCases: [TriageCase] = [
    TriageCase(reason: "chest_pain", age: .adult, ruleID: "chest-pain", level: .vital, modes: []),
    TriageCase(reason: "dyspnea", age: .adult, ruleID: "dyspnea", level: .urgent, modes: [.office, .homeVisit]),
    TriageCase(reason: "fever_child", age: .infant, ruleID: "fever-infant", level: .urgent, modes: [.office, .homeVisit]),
    TriageCase(reason: "fever_child", age: .child, ruleID: "fever-child", level: .sameDay, modes: [.office, .homeVisit, .video]),
    TriageCase(reason: "fever_adult", age: .adult, flags: ["fever_over_3_days"], ruleID: "fever-adult-persistent",
               level: .sameDay, modes: [.office, .homeVisit]),
    TriageCase(reason: "fever_adult", age: .elderly, ruleID: "fever-adult-senior", level: .sameDay, modes: [.office, .homeVisit]),
    TriageCase(reason: "fever_adult", age: .adult, ruleID: "fever-adult", level: .within24h, modes: [.office, .video]),
    TriageCase(reason: "fever_adult", age: nil, ruleID: "fever-adult", level: .within24h, modes: [.office, .video]),
    TriageCase(reason: "gastroenteritis", age: .infant, ruleID: "gastroenteritis-infant", level: .sameDay, modes: [.office, .homeVisit]),
    TriageCase(reason: "gastroenteritis", age: .adult, ruleID: "gastroenteritis", level: .within24h, modes: [.office, .video, .homeVisit]),
    TriageCase(reason: "ear_pain", age: .child, ruleID: "otitis-child", level: .within24h, modes: [.office]),
    TriageCase(reason: "ear_pain", age: .adult, ruleID: "ear-pain-adult", level: .within48h, modes: [.office, .video]),
    TriageCase(reason: "cystitis", age: .adult, ruleID: "cystitis", level: .within24h, modes: [.video, .office]),
    TriageCase(reason: "simple_wound", age: .child, ruleID: "simple-wound", level: .sameDay, modes: [.office]),
    TriageCase(reason: "minor_trauma", age: .adult, ruleID: "minor-trauma", level: .sameDay, modes: [.office]),
    TriageCase(reason: "headache", age: .adult, ruleID: "headache", level: .within24h, modes: [.office, .video]),
    TriageCase(reason: "low_back_pain", age: .adult, ruleID: "low-back-pain", level: .within48h, modes: [.office, .homeVisit]),
    TriageCase(reason: "low_back_pain", age: .senior, mobility: .bedridden, ruleID: "low-back-pain", level: .within48h, modes: [.homeVisit]),
    TriageCase(reason: "rash", age: .child, ruleID: "rash", level: .within48h, modes: [.office, .video]),
    TriageCase(reason: "sore_throat", age: .adult, ruleID: "sore-throat", level: .within48h, modes: [.office, .video]),
    TriageCase(reason: "prescription_renewal", age: .senior, ruleID: "prescription-renewal", level: .within48h, modes: [.video]),
    TriageCase(reason: "certificate", age: .child, ruleID: "certificate", level: .advice, modes: []),
    TriageCase(reason: "hiccups", age: .adult, ruleID: "no-rule-matched", level: .sameDay, modes: [.office, .homeVisit, .video]),
    TriageCase(reason: "hiccups", age: .adult, mobility: .bedridden, ruleID: "no-rule-matched", level: .sameDay,
               modes: [.homeVisit, .video]),
]

@Suite struct TriageRuleBookTests {
    @Test(arguments: defaultCases)
    func defaultRuleDecides(_ c: TriageCase) {
        let input = TriageInput(reason: c.reason, flags: c.flags, ageBand: c.age, mobility: c.mobility, receivedAt: received)
        let d = TriageRuleBook.defaults.decide(input)
        #expect(d.ruleID == c.ruleID)
        #expect(d.level == c.level)
        #expect(d.modes == c.modes)
        #expect(!d.isOverridden)
        #expect(d.originalLevel == c.level)
        #expect(!d.rationale.isEmpty)
        if let delay = UrgencyDelays.defaults.maximumDelaySeconds(for: c.level) {
            #expect(d.deadline == received.adding(seconds: delay))
            #expect(d.mayReceiveSlot)
        } else {
            #expect(d.deadline == nil)
            #expect(!d.mayReceiveSlot)
        }
    }

    @Test func tableCoversEveryDefaultRule() {
        let covered = Set(defaultCases.map(\.ruleID))
        for rule in TriageRuleBook.defaultRules { #expect(covered.contains(rule.id), "no case for \(rule.id)") }
        #expect(covered.contains(TriageRuleBook.defaultFallback.id))
        #expect(TriageRuleBook.defaultRules.count >= 15)
        #expect(Set(TriageRuleBook.defaultRules.map(\.id)).count == TriageRuleBook.defaultRules.count)
    }

    @Test(arguments: TriageRuleBook.defaultRedFlags.sorted())
    func redFlagBeatsEveryRule(_ flag: String) {
        for c in defaultCases {
            let input = TriageInput(reason: c.reason, flags: c.flags.union([flag]), ageBand: c.age,
                                    mobility: c.mobility, receivedAt: received)
            let d = TriageRuleBook.defaults.decide(input)
            #expect(d.level == .vital, "\(flag) with \(c.ruleID)")
            #expect(d.modes.isEmpty)
            #expect(d.deadline == nil)
            #expect(d.ruleID == "red-flag:" + flag)
        }
    }

    @Test func nonRedFlagDoesNotEscalate() {
        let d = TriageRuleBook.defaults.decide(TriageInput(reason: "rash", flags: ["itching"], ageBand: .adult, receivedAt: received))
        #expect(d.level == .within48h)
    }

    @Test func overrideIsRecordedWithAuthorAndOriginalLevel() {
        let input = TriageInput(reason: "low_back_pain", ageBand: .adult, receivedAt: received)
        let d = TriageRuleBook.defaults.decide(input, override: TriageOverride(level: .urgent, authorID: "dr-reg-07"))
        #expect(d.level == .urgent)
        #expect(d.originalLevel == .within48h)
        #expect(d.isOverridden)
        #expect(d.overrideAuthorID == "dr-reg-07")
        #expect(d.ruleID == "low-back-pain")
        #expect(d.deadline == received.adding(seconds: 4 * 3600))
        #expect(d.modes == [.office, .homeVisit])
        #expect(d.rationale.contains("within-48h → urgent"))
    }

    @Test func overrideAwayFromRedFlagGivesSlotModes() {
        let input = TriageInput(reason: "fever_adult", flags: ["confusion"], ageBand: .elderly, receivedAt: received)
        #expect(TriageRuleBook.defaults.decide(input).level == .vital)
        let d = TriageRuleBook.defaults.decide(input, override: TriageOverride(level: .sameDay, authorID: "dr-reg-01"))
        #expect(d.level == .sameDay)
        #expect(d.originalLevel == .vital)
        #expect(d.modes == [.office, .homeVisit])
        #expect(d.mayReceiveSlot)
    }

    @Test func overrideToVitalRemovesSlot() {
        let input = TriageInput(reason: "headache", ageBand: .adult, receivedAt: received)
        let d = TriageRuleBook.defaults.decide(input, override: TriageOverride(level: .vital, authorID: "dr-reg-02"))
        #expect(d.level == .vital && d.modes.isEmpty && d.deadline == nil && d.originalLevel == .within24h)
    }

    @Test func configurableDelaysMoveTheDeadline() {
        var book = TriageRuleBook.defaults
        book.delays.urgentSeconds = 2 * 3600
        let d = book.decide(TriageInput(reason: "dyspnea", ageBand: .adult, receivedAt: received))
        #expect(d.deadline == received.adding(seconds: 7200))
    }

    @Test func firstMatchingRuleWins() {
        let general = TriageRule(id: "general", reason: "x", level: .within48h, modes: [.office], rationale: "g")
        let specific = TriageRule(id: "specific", reason: "x", ageBands: [.child], level: .urgent, modes: [.office], rationale: "s")
        let book = TriageRuleBook(redFlags: [], rules: [general, specific], fallback: TriageRuleBook.defaultFallback)
        #expect(book.decide(TriageInput(reason: "x", ageBand: .child, receivedAt: received)).ruleID == "general")
        let reordered = TriageRuleBook(redFlags: [], rules: [specific, general], fallback: TriageRuleBook.defaultFallback)
        #expect(reordered.decide(TriageInput(reason: "x", ageBand: .child, receivedAt: received)).ruleID == "specific")
        #expect(reordered.decide(TriageInput(reason: "x", ageBand: .adult, receivedAt: received)).ruleID == "general")
    }
}
