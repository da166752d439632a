import SlotMatchCore
import SlotMatchImport
import Testing

/// The recurrence set around DST changes, UNTIL kinds, EXDATE/RDATE/EXRULE, DATE starts.
@Suite struct RecurrenceSetTests {
    static let paris = TestZones.paris

    static func local(_ text: String) -> LocalDateTime { ExpectedInstances.local(text) }
    static func utc(_ text: String) -> Instant { Instant(secondsSinceEpoch: local(text).wallSeconds) }

    static func occurrences(_ rule: String, from start: String, zone: ZoneRules = paris, limit: Int = .max,
                            additions: [RecurrenceStart] = [], exclusions: [RecurrenceStart] = [],
                            exceptionRules: [String] = []) throws -> [Instant] {
        let set = RecurrenceSet(
            start: .zoned(local(start), zone), rules: [try RecurrenceRule(parsing: rule)],
            exceptionRules: try exceptionRules.map { try RecurrenceRule(parsing: $0) },
            additions: additions, exclusions: exclusions)
        return set.occurrences(from: Instant(secondsSinceEpoch: 0), to: utc("21000101T000000"), limit: limit)
    }

    struct DSTCase: Sendable, CustomTestStringConvertible {
        let title: String
        let rule: String
        let start: String
        /// Expected instants in UTC.
        let expectedUTC: [String]
        var testDescription: String { title }
    }

    // Europe/Paris 2026: summer time from Sunday 29 March 01:00Z, winter time from Sunday 25 October 01:00Z.
    static let dstCases: [DSTCase] = [
        DSTCase(title: "daily 02:30 across the spring gap: 29 March does not exist and is not counted",
                rule: "FREQ=DAILY;COUNT=5", start: "20260327T023000",
                expectedUTC: ["20260327T013000", "20260328T013000", "20260330T003000", "20260331T003000", "20260401T003000"]),
        DSTCase(title: "weekly Sunday 02:30 across the spring gap",
                rule: "FREQ=WEEKLY;COUNT=4;BYDAY=SU", start: "20260315T023000",
                expectedUTC: ["20260315T013000", "20260322T013000", "20260405T003000", "20260412T003000"]),
        DSTCase(title: "daily 09:00 across the spring change: one hour earlier in UTC",
                rule: "FREQ=DAILY;COUNT=3", start: "20260328T090000",
                expectedUTC: ["20260328T080000", "20260329T070000", "20260330T070000"]),
        DSTCase(title: "weekly Monday 09:00 across the autumn change: one hour later in UTC",
                rule: "FREQ=WEEKLY;COUNT=3;BYDAY=MO", start: "20261019T090000",
                expectedUTC: ["20261019T070000", "20261026T080000", "20261102T080000"]),
        DSTCase(title: "daily 02:30 across the autumn change: the repeated time is its first occurrence",
                rule: "FREQ=DAILY;COUNT=3", start: "20261024T023000",
                expectedUTC: ["20261024T003000", "20261025T003000", "20261026T013000"]),
        DSTCase(title: "DTSTART in the gap is read with the offset before the gap and kept",
                rule: "FREQ=DAILY;COUNT=3", start: "20260329T023000",
                expectedUTC: ["20260329T013000", "20260330T003000", "20260331T003000"]),
        DSTCase(title: "hourly across the spring gap: the 02:xx hour does not exist",
                rule: "FREQ=HOURLY;COUNT=4", start: "20260329T003000",
                expectedUTC: ["20260328T233000", "20260329T003000", "20260329T013000", "20260329T023000"]),
        DSTCase(title: "UNTIL in UTC against a TZID start: 09:00 CET on 26 October is 08:00Z, included",
                rule: "FREQ=WEEKLY;UNTIL=20261026T080000Z", start: "20261019T090000",
                expectedUTC: ["20261019T070000", "20261026T080000"]),
        DSTCase(title: "UNTIL in UTC one second earlier excludes it (compared as an instant, not as a wall time)",
                rule: "FREQ=WEEKLY;UNTIL=20261026T075959Z", start: "20261019T090000",
                expectedUTC: ["20261019T070000"]),
        DSTCase(title: "a local UNTIL is compared on the wall clock",
                rule: "FREQ=WEEKLY;UNTIL=20261026T090000", start: "20261019T090000",
                expectedUTC: ["20261019T070000", "20261026T080000"]),
        DSTCase(title: "a DATE UNTIL includes its whole day",
                rule: "FREQ=DAILY;UNTIL=20261021", start: "20261019T180000",
                expectedUTC: ["20261019T160000", "20261020T160000", "20261021T160000"]),
        DSTCase(title: "BYSETPOS=-1: the last weekday of the month",
                rule: "FREQ=MONTHLY;COUNT=6;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", start: "20260130T090000",
                expectedUTC: ["20260130T080000", "20260227T080000", "20260331T070000", "20260430T070000",
                              "20260529T070000", "20260630T070000"]),
        DSTCase(title: "BYDAY=-1SA: the last Saturday morning of the month",
                rule: "FREQ=MONTHLY;COUNT=4;BYDAY=-1SA", start: "20260131T080000",
                expectedUTC: ["20260131T070000", "20260228T070000", "20260328T070000", "20260425T060000"]),
        DSTCase(title: "BYWEEKNO=1;BYDAY=MO with WKST=MO: ISO week 1 may begin in December",
                rule: "FREQ=YEARLY;COUNT=5;BYWEEKNO=1;BYDAY=MO;WKST=MO", start: "20240101T090000",
                expectedUTC: ["20240101T080000", "20241230T080000", "20251229T080000", "20270104T080000", "20280103T080000"]),
        DSTCase(title: "BYWEEKNO=1;BYDAY=MO with WKST=SU: weeks begin on Sunday, 2026's week 1 holds 5 January",
                rule: "FREQ=YEARLY;COUNT=5;BYWEEKNO=1;BYDAY=MO;WKST=SU", start: "20240101T090000",
                expectedUTC: ["20240101T080000", "20241230T080000", "20260105T080000", "20270104T080000", "20280103T080000"]),
        DSTCase(title: "BYWEEKNO=-1: the last week of the year, which may end in January",
                rule: "FREQ=YEARLY;COUNT=4;BYWEEKNO=-1;BYDAY=SU", start: "20241229T090000",
                expectedUTC: ["20241229T080000", "20251228T080000", "20270103T080000", "20280102T080000"]),
        DSTCase(title: "BYWEEKNO=53 only in years that have 53 weeks",
                rule: "FREQ=YEARLY;COUNT=2;BYWEEKNO=53;BYDAY=TH", start: "20261231T090000",
                expectedUTC: ["20261231T080000", "20321230T080000"]),
        DSTCase(title: "DTSTART that the rule does not match is still the first instance, and counts",
                rule: "FREQ=WEEKLY;COUNT=3;BYDAY=TU", start: "20261207T090000",
                expectedUTC: ["20261207T080000", "20261208T080000", "20261215T080000"]),
        // RFC 5545 §3.3.10: BYSETPOS picks among the instances of the whole interval, days before
        // DTSTART included (python-dateutil truncates the first week at DTSTART and would add Wednesday 9 December).
        DSTCase(title: "BYSETPOS counts the whole first week, not only the days from DTSTART",
                rule: "FREQ=WEEKLY;COUNT=3;BYDAY=TU,WE;BYSETPOS=1", start: "20261209T090000",
                expectedUTC: ["20261209T080000", "20261215T080000", "20261222T080000"]),
        // WKST=SU: 2028 and 2029 have 52 weeks each; week -52 is week 1. Week 1 of 2029 begins on Sunday
        // 31 December 2028, a day of calendar year 2028, so the 2028 interval holds it (python-dateutil
        // only looks ahead for BYWEEKNO=1, and misses it). 2030 has no such Sunday inside its calendar year.
        DSTCase(title: "a negative week number of the next year's numbering at a year's end",
                rule: "FREQ=YEARLY;INTERVAL=2;COUNT=4;BYWEEKNO=-52;BYDAY=SU;WKST=SU", start: "20261227T090000",
                expectedUTC: ["20261227T080000", "20280102T080000", "20281231T080000", "20320104T080000"]),
        DSTCase(title: "a day 31 is skipped in short months, not moved",
                rule: "FREQ=MONTHLY;COUNT=4;BYMONTHDAY=31", start: "20260131T090000",
                expectedUTC: ["20260131T080000", "20260331T070000", "20260531T070000", "20260731T070000"]),
        DSTCase(title: "29 February yearly: only leap years",
                rule: "FREQ=YEARLY;COUNT=3", start: "20240229T090000",
                expectedUTC: ["20240229T080000", "20280229T080000", "20320229T080000"]),
    ]

    @Test(arguments: dstCases)
    func expandsInWallTimeAndPlacesThroughTheZone(_ c: DSTCase) throws {
        #expect(try Self.occurrences(c.rule, from: c.start) == c.expectedUTC.map(Self.utc))
    }

    @Test func countWithExdateDoesNotGiveBackTheExcludedInstance() throws {
        let found = try Self.occurrences("FREQ=DAILY;COUNT=5", from: "20261207T090000",
                                         exclusions: [.zoned(Self.local("20261209T090000"), Self.paris)])
        #expect(found == ["20261207T080000", "20261208T080000", "20261210T080000", "20261211T080000"].map(Self.utc))
    }

    @Test func exdateMatchesByInstantWhateverItsKind() throws {
        // 09:00 Paris is 08:00Z in December: a UTC EXDATE removes it too.
        let found = try Self.occurrences("FREQ=DAILY;COUNT=3", from: "20261207T090000",
                                         exclusions: [.utc(Self.utc("20261208T080000")), .utc(Self.utc("20261209T090000"))])
        #expect(found == ["20261207T080000", "20261209T080000"].map(Self.utc))
    }

    @Test func exdateCanRemoveDtstart() throws {
        let found = try Self.occurrences("FREQ=WEEKLY;COUNT=3", from: "20261207T090000",
                                         exclusions: [.zoned(Self.local("20261207T090000"), Self.paris)])
        #expect(found == ["20261214T080000", "20261221T080000"].map(Self.utc))
    }

    @Test func rdatesOfEveryKindJoinTheSetSortedAndUnique() throws {
        let additions: [RecurrenceStart] = [
            .zoned(Self.local("20261210T140000"), Self.paris),        // a date-time (or a PERIOD's start)
            .utc(Self.utc("20261208T080000")),                           // already an instance of the rule
            .date(CivilDate(year: 2026, month: 12, day: 24), Self.paris), // a DATE: midnight in the zone
            .floating(Self.local("20261201T100000"), Self.paris),      // before DTSTART, still part of the set
        ]
        let found = try Self.occurrences("FREQ=DAILY;COUNT=2", from: "20261207T090000", additions: additions)
        #expect(found == ["20261201T090000", "20261207T080000", "20261208T080000", "20261210T130000", "20261223T230000"].map(Self.utc))
    }

    @Test func rdatesAloneWithoutRule() {
        let set = RecurrenceSet(
            start: .zoned(Self.local("20261207T090000"), Self.paris), rules: [],
            additions: [.zoned(Self.local("20261214T090000"), Self.paris), .zoned(Self.local("20261221T090000"), Self.paris)],
            exclusions: [.zoned(Self.local("20261214T090000"), Self.paris)])
        let found = set.occurrences(from: Self.utc("20260101T000000"), to: Self.utc("20270101T000000"))
        #expect(found == ["20261207T080000", "20261221T080000"].map(Self.utc))
    }

    @Test func exruleRemovesItsInstancesButNotDtstartByItself() throws {
        // Weekdays, except Wednesdays (RFC 2445 EXRULE).
        let found = try Self.occurrences("FREQ=DAILY;COUNT=7;BYDAY=MO,TU,WE,TH,FR", from: "20261207T090000",
                                         exceptionRules: ["FREQ=WEEKLY;BYDAY=WE,MO;UNTIL=20261208T000000Z"])
        // EXRULE from the same DTSTART removes Monday 7 only because the EXRULE itself matches it.
        #expect(found == ["20261208T080000", "20261209T080000", "20261210T080000", "20261211T080000",
                          "20261214T080000", "20261215T080000"].map(Self.utc))
        let kept = try Self.occurrences("FREQ=DAILY;COUNT=3", from: "20261207T090000",
                                        exceptionRules: ["FREQ=WEEKLY;BYDAY=TU"])
        #expect(kept == ["20261207T080000", "20261209T080000"].map(Self.utc))
    }

    @Test func dateStartsAreDaysAndDateExdatesRemoveThem() throws {
        let christmas = CivilDate(year: 2026, month: 12, day: 25)
        let set = RecurrenceSet(
            start: .date(christmas, Self.paris), rules: [try RecurrenceRule(parsing: "FREQ=YEARLY;COUNT=4")],
            exclusions: [.date(CivilDate(year: 2027, month: 12, day: 25), Self.paris)])
        let found = set.occurrences(from: Self.utc("20260101T000000"), to: Self.utc("21000101T000000"))
        #expect(found == ["20261224T230000", "20281224T230000", "20291224T230000"].map(Self.utc))
    }

    @Test func floatingAndUTCStarts() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=DAILY;COUNT=2")
        let floating = RecurrenceSet(start: .floating(Self.local("20260328T093000"), Self.paris), rules: [rule])
        #expect(floating.occurrences(from: Self.utc("20260101T000000"), to: Self.utc("20270101T000000"))
                == ["20260328T083000", "20260329T073000"].map(Self.utc))
        let utcSet = RecurrenceSet(start: .utc(Self.utc("20260328T093000")), rules: [rule])
        #expect(utcSet.occurrences(from: Self.utc("20260101T000000"), to: Self.utc("20270101T000000"))
                == ["20260328T093000", "20260329T093000"].map(Self.utc))
    }

    @Test func windowIsHalfOpenAndLimitStopsEarly() throws {
        let set = RecurrenceSet(start: .zoned(Self.local("20261207T090000"), Self.paris),
                                rules: [try RecurrenceRule(parsing: "FREQ=DAILY")])
        let window = set.occurrences(from: Self.utc("20261208T080000"), to: Self.utc("20261211T080000"))
        #expect(window == ["20261208T080000", "20261209T080000", "20261210T080000"].map(Self.utc))
        #expect(set.occurrences(from: Self.utc("20261201T000000"), to: Self.utc("29991231T000000"), limit: 2)
                == ["20261207T080000", "20261208T080000"].map(Self.utc))
        #expect(set.occurrences(from: Self.utc("20261209T000000"), to: Self.utc("20261209T000000")).isEmpty)
        var seen = 0
        set.forEachOccurrence(from: Self.utc("20261201T000000"), to: Self.utc("29991231T000000")) { _ in
            seen += 1
            return seen < 3
        }
        #expect(seen == 3)
    }

    @Test func aWindowYearsAfterDtstartAgreesWithExpandingFromDtstart() throws {
        let rules = ["FREQ=DAILY;BYHOUR=8,14", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SA", "FREQ=MONTHLY;BYDAY=-1SA",
                     "FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1SU", "FREQ=HOURLY;INTERVAL=7", "FREQ=MINUTELY;INTERVAL=97;BYHOUR=2,3"]
        for text in rules {
            let set = RecurrenceSet(start: .zoned(Self.local("19970902T023000"), Self.paris),
                                    rules: [try RecurrenceRule(parsing: text)])
            let from = Self.utc("20260320T000000"), to = Self.utc("20261110T000000")
            var naive: [Instant] = []
            var expansion = try RecurrenceRule(parsing: text).expand(from: Self.local("19970902T023000"), zone: Self.paris)
            while let (_, instant) = expansion.nextInstance(), instant < to {
                if instant >= from { naive.append(instant) }
            }
            #expect(set.occurrences(from: from, to: to) == naive, "\(text)")
            #expect(!naive.isEmpty, "\(text)")
        }
    }
}
