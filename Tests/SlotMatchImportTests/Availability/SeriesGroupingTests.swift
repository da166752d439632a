import Testing
import SlotMatchCore
@testable import SlotMatchImport

/// The reader's fast series grouping (consecutive UIDs, no hashing) against the general one (a dictionary by UID),
/// and its in-place CATEGORIES reading against `TextValue.splitList`.
@Suite struct SeriesGroupingTests {
    typealias Reader = CalendarAvailabilityReader

    /// VEVENTs from a compact notation: `a` a master of UID a, `a'` an override of a, `-` a component without UID,
    /// `-'` an override without UID, `~` a VTODO; `_` in a UID is a space.
    static func components(_ notation: String) -> [CalendarComponent] {
        notation.split(separator: " ").enumerated().map { position, item in
            var properties: [CalendarProperty] = []
            let place = SourcePlace(file: "g.ics", line: 10 * position + 1)
            let name = item.hasSuffix("'") ? item.dropLast() : item[...]
            let uid = String(name.map { $0 == "_" ? " " : $0 })   // `_` stands for a space
            if name != "-" { properties.append(CalendarProperty(name: "UID", value: uid, place: place)) }
            if item.hasSuffix("'") {
                properties.append(CalendarProperty(name: "RECURRENCE-ID", value: "20261207T090000Z", place: place))
            }
            properties.append(CalendarProperty(name: "DTSTART", value: "20261207T090000Z", place: place))
            // `~` is a VTODO of UID a: not a VEVENT, so neither grouping sees it.
            if item == "~" { return CalendarComponent(name: "VTODO", properties: [CalendarProperty(name: "UID", value: "a")], place: place) }
            return CalendarComponent(name: "VEVENT", properties: properties, place: place)
        }
    }

    static func summary(_ series: [Reader.Series]) -> [String] {
        series.map { s in
            "\(s.uid)|\(s.master?.place.line ?? -1)|\(s.masterUID)|" + s.overrides.map { "\($0.place.line ?? -1)" }.joined(separator: ",")
                + "|" + s.overrideUIDs.joined(separator: ",")
        }
    }

    static func outcome(_ components: [CalendarComponent], general: Bool) -> Result<([String], [UInt64]), InputError> {
        do throws(InputError) {
            let (series, ranks) = try Reader.seriesAndRanks(of: components, named: "VEVENT", general: general)
            return .success((summary(series), ranks))
        } catch {
            return .failure(error)
        }
    }

    @Test(arguments: [
        "a b c",                       // one master each, in order
        "a ~ a' ~",                    // other components in between are not VEVENTs
        "c b a",                       // ranks differ from file order
        "a a' a' b b' c",              // overrides after their master
        "a' a b' b",                   // overrides before their master
        "a' a' b",                     // overrides without master
        "a b a'",                      // an override apart from its master: general grouping
        "a b a",                       // a second master apart: the general error
        "a a",                         // a second master next to it: the same error
        "a' b a",                      // interleaved, override first
        "- a - b",                     // components without UID
        "- VEVENT@line_1",             // a UID equal to a no-UID name (kept apart, as the general grouping does)
        "a -'",                        // an override without UID: the general error
        "a\\,b a\\,b' a,b",            // escaped UIDs: a\,b and a,b are one UID
        "x e\u{301} é' x'",            // canonically equal UIDs (e + combining acute, é): one series
        "",
    ])
    func fastGroupingIsTheGeneralOne(_ notation: String) {
        let components = Self.components(notation)
        let fast = Self.outcome(components, general: false)
        let general = Self.outcome(components, general: true)
        switch (fast, general) {
        case (.success(let a), .success(let b)):
            #expect(a.0 == b.0)
            #expect(a.1 == b.1)
        case (.failure(let a), .failure(let b)):
            #expect(a == b)
        default:
            Issue.record("\(notation): \(fast) vs \(general)")
        }
    }

    @Test func generalGroupingFollowsFirstAppearance() throws {
        let series = try Reader.series(of: Self.components("b a' c b' a"), named: "VEVENT")
        #expect(Self.summary(series) == ["b|1|b|31|b", "a|41|a|11|a", "c|21|c||"])
    }

    @Test(arguments: [
        "SNP", "snp", " Snp ", "Consultation,SNP", "SNP,Other", "Other", "", ",", "SNP-old", "XSNP", "SN", "SNPP",
        "Consultation\\,SNP", "A\\,B,SNP", "SNP\\", "é,SNP", "Équipe", "S\u{301}NP", "\tSNP\n", "SNP\r", ",,SNP,,",
    ])
    func categoriesReadInPlaceLikeSplitList(_ value: String) {
        let general = TextValue.splitList(value).contains { Reader.isWord($0, "SNP") }
        #expect(Reader.listContainsWord(value, "SNP") == general, "\(value)")
    }

    @Test(arguments: ["TRANSPARENT", "transparent", " Transparent ", "OPAQUE", "TRANSPARENTX", "TRANSPAREN", "", "TRANSPARENTé",
                      "ÉTRANSPARENT", "TRANSPARENT\r"])
    func wordsReadInPlaceLikeTheGeneralReading(_ value: String) {
        #expect(Reader.isWord(value, "TRANSPARENT") == (value.trimmingSpaces.uppercased() == "TRANSPARENT"), "\(value)")
    }
}
