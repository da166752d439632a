import SlotMatchCore
@testable import SlotMatchImport
import Testing

/// The process-wide memo of RRULE readings: a text read again gives the same rule, and a faulty text is never
/// remembered, so that each reading reports its own place.
@Suite struct RecurrenceRuleMemoTests {
    @Test func aTextReadAgainGivesTheSameRule() throws {
        let text = "FREQ=MONTHLY;INTERVAL=3;BYDAY=-1SA,2TU;BYHOUR=9,14;UNTIL=20311231T230000Z;WKST=SU"
        let first = try RecurrenceRule(parsing: text)
        #expect(RecurrenceRuleMemo.shared.rule(for: text) == first)
        #expect(try RecurrenceRule(parsing: text) == first)
        #expect(try RecurrenceRule(parsing: text.lowercased()) == first)   // the general reading, never memoised
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
