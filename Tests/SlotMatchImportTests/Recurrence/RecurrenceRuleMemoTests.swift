import SlotMatchCore
@testable import SlotMatchImport
import Testing

/// The process-wide memo of RRULE readings: a text read again gives the same rule, and a faulty text is never
/// remembered, so that each reading reports its own place.
@Suite struct RecurrenceRuleMemoTests {
    @Test func aTextReadAgainGivesTheSameRule() throws {
        let text = "FREQ=MONTHLY;INTERVAL=3;BYDAY=-1SA,2TU;BYHOUR=9,14;UNTIL=20311231T230000Z;WKST=SU"
        let first = try RecurrenceRule(parsing: text)
        // The shared memo may already be full (the suites read many random rules in this process): either it kept
        // the rule, or it has no room left.
        #expect(RecurrenceRuleMemo.shared.rule(for: text) == first || RecurrenceRuleMemo.shared.count == RecurrenceRuleMemo.capacity)
        #expect(try RecurrenceRule(parsing: text) == first)
        #expect(try RecurrenceRule(parsing: text.lowercased()) == first)   // the general reading, never memoised
    }

    @Test func aMemoKeepsAtMostItsCapacity() throws {
        let memo = RecurrenceRuleMemo()
        for n in 1 ... RecurrenceRuleMemo.capacity + 10 {
            memo.remember(RecurrenceRule(frequency: .daily, count: n), for: "FREQ=DAILY;COUNT=\(n)")
        }
        #expect(memo.count == RecurrenceRuleMemo.capacity)
        #expect(memo.rule(for: "FREQ=DAILY;COUNT=7") == RecurrenceRule(frequency: .daily, count: 7))
        #expect(memo.rule(for: "FREQ=DAILY;COUNT=\(RecurrenceRuleMemo.capacity + 1)") == nil)
    }

    @Test(arguments: ["FREQ=WEEKLY;BYDAY=1MO", "FREQ=DAILY;COUNT=2;UNTIL=20261231", "FREQ=MONTHLY;BYSETPOS=1", "FREQ=DAILY;BYHOUR=24"])
    func aFaultyTextIsReportedAtEachPlace(_ text: String) {
        for line in [3, 40] {
            let place = SourcePlace(file: "dr-memo.ics", line: line, column: 1)
            do {
                _ = try RecurrenceRule(parsing: text, at: place)
                Issue.record("accepted \(text)")
            } catch let error as InputError {
                #expect(error.place == place)
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
        #expect(RecurrenceRuleMemo.shared.rule(for: text) == nil)
    }
}
