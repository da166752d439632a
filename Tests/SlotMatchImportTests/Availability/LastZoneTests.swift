import Testing
import SlotMatchCore
@testable import SlotMatchImport

/// `LastZone` gives what resolving every TZID would give (the same rules, the same error), resolving again only
/// when the TZID changes.
@Suite struct LastZoneTests {
    @Test func sameAnswersAsResolvingEachTime() {
        let paris = CalendarTestSupport.paris
        var calls: [String] = []
        let resolve: (String, SourcePlace) throws(InputError) -> ZoneRules = { tzid, place throws(InputError) in
            calls.append(tzid)
            switch tzid {
            case "Europe/Paris": return paris
            case "UTC": return .utc
            default: throw InputError(place, "the time zone \"\(tzid)\" is not known", remedy: "r")
            }
        }
        let last = LastZone(initial: .utc, resolve: resolve)
        let asked = ["Europe/Paris", "Europe/Paris", "UTC", "Nowhere", "UTC", "Europe/Paris", "Nowhere", "Nowhere", "Europe/Paris"]
        for (line, tzid) in asked.enumerated() {
            let place = SourcePlace(file: "z.ics", line: line)
            let got: Result<ZoneRules, InputError>
            do throws(InputError) { got = .success(try last.rules(for: tzid, place: place)) } catch { got = .failure(error) }
            let expected: Result<ZoneRules, InputError>
            do throws(InputError) { expected = .success(try resolve(tzid, place)) } catch { expected = .failure(error) }
            calls.removeLast()   // the reference call above
            #expect(got == expected, "\(tzid) at \(line)")
        }
        // Resolved when the TZID differs from the last one known (an unknown one every time: it is never kept, and
        // the last known one stays).
        #expect(calls == ["Europe/Paris", "UTC", "Nowhere", "Europe/Paris", "Nowhere", "Nowhere"])
    }
}
