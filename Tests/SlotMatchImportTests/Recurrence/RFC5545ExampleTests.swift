import SlotMatchCore
import SlotMatchImport
import Testing

/// One example of RFC 5545 §3.8.5.3, in TZID=America/New_York, with its instances written out.
struct RFCExample: Sendable, CustomTestStringConvertible {
    let title: String
    let start: String
    let rule: String
    var exclusions: [String] = []
    /// Every instance for a rule with an end; the first ones otherwise.
    let expected: [String]

    var testDescription: String { title }
    var isBounded: Bool { rule.contains("COUNT=") || rule.contains("UNTIL=") }
}

/// RFC 5545 §3.8.5.3: all 38 examples, 42 rules (four examples give the same set two ways).
@Suite struct RFC5545ExampleTests {
    static let examples: [RFCExample] = [
        RFCExample(title: "Daily for 10 occurrences", start: "19970902T090000", rule: "FREQ=DAILY;COUNT=10",
                   expected: ["19970902-11"]),
        RFCExample(title: "Daily until December 24, 1997", start: "19970902T090000", rule: "FREQ=DAILY;UNTIL=19971224T000000Z",
                   expected: ["19970902-30", "19971001-31", "19971101-30", "19971201-23"]),
        RFCExample(title: "Every other day - forever", start: "19970902T090000", rule: "FREQ=DAILY;INTERVAL=2",
                   expected: ["19970902-30/2", "19971002-30/2", "19971101-29/2", "19971201-31/2"]),
        RFCExample(title: "Every 10 days, 5 occurrences", start: "19970902T090000", rule: "FREQ=DAILY;INTERVAL=10;COUNT=5",
                   expected: ["19970902", "19970912", "19970922", "19971002", "19971012"]),
        RFCExample(title: "Every day in January, for 3 years (yearly)", start: "19980101T090000",
                   rule: "FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA",
                   expected: ["19980101-31", "19990101-31", "20000101-31"]),
        RFCExample(title: "Every day in January, for 3 years (daily)", start: "19980101T090000",
                   rule: "FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1",
                   expected: ["19980101-31", "19990101-31", "20000101-31"]),
        RFCExample(title: "Weekly for 10 occurrences", start: "19970902T090000", rule: "FREQ=WEEKLY;COUNT=10",
                   expected: ["19970902-30/7", "19971007-28/7", "19971104"]),
        RFCExample(title: "Weekly until December 24, 1997", start: "19970902T090000", rule: "FREQ=WEEKLY;UNTIL=19971224T000000Z",
                   expected: ["19970902-30/7", "19971007-28/7", "19971104-25/7", "19971202-23/7"]),
        RFCExample(title: "Every other week - forever", start: "19970902T090000", rule: "FREQ=WEEKLY;INTERVAL=2;WKST=SU",
                   expected: ["19970902-30/14", "19971014-28/14", "19971111-25/14", "19971209-23/14",
                              "19980106-20/14", "19980203-17/14"]),
        RFCExample(title: "Weekly on Tuesday and Thursday for five weeks (until)", start: "19970902T090000",
                   rule: "FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH",
                   expected: ["19970902", "19970904", "19970909", "19970911", "19970916", "19970918", "19970923",
                              "19970925", "19970930", "19971002"]),
        RFCExample(title: "Weekly on Tuesday and Thursday for five weeks (count)", start: "19970902T090000",
                   rule: "FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH",
                   expected: ["19970902", "19970904", "19970909", "19970911", "19970916", "19970918", "19970923",
                              "19970925", "19970930", "19971002"]),
        RFCExample(title: "Every other week on Monday, Wednesday, and Friday until December 24, 1997", start: "19970901T090000",
                   rule: "FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR",
                   expected: ["19970901-05/2", "19970915-19/2", "19970929", "19971001-03/2", "19971013-17/2",
                              "19971027-31/2", "19971110-14/2", "19971124-28/2", "19971208-12/2", "19971222"]),
        RFCExample(title: "Every other week on Tuesday and Thursday, for 8 occurrences", start: "19970902T090000",
                   rule: "FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH",
                   expected: ["19970902", "19970904", "19970916", "19970918", "19970930", "19971002", "19971014", "19971016"]),
        RFCExample(title: "Monthly on the first Friday for 10 occurrences", start: "19970905T090000",
                   rule: "FREQ=MONTHLY;COUNT=10;BYDAY=1FR",
                   expected: ["19970905", "19971003", "19971107", "19971205", "19980102", "19980206", "19980306",
                              "19980403", "19980501", "19980605"]),
        RFCExample(title: "Monthly on the first Friday until December 24, 1997", start: "19970905T090000",
                   rule: "FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR",
                   expected: ["19970905", "19971003", "19971107", "19971205"]),
        RFCExample(title: "Every other month on the first and last Sunday of the month for 10 occurrences", start: "19970907T090000",
                   rule: "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU",
                   expected: ["19970907", "19970928", "19971102", "19971130", "19980104", "19980125", "19980301",
                              "19980329", "19980503", "19980531"]),
        RFCExample(title: "Monthly on the second-to-last Monday of the month for 6 months", start: "19970922T090000",
                   rule: "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO",
                   expected: ["19970922", "19971020", "19971117", "19971222", "19980119", "19980216"]),
        RFCExample(title: "Monthly on the third-to-the-last day of the month, forever", start: "19970928T090000",
                   rule: "FREQ=MONTHLY;BYMONTHDAY=-3",
                   expected: ["19970928", "19971029", "19971128", "19971229", "19980129", "19980226"]),
        RFCExample(title: "Monthly on the 2nd and 15th of the month for 10 occurrences", start: "19970902T090000",
                   rule: "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15",
                   expected: ["19970902", "19970915", "19971002", "19971015", "19971102", "19971115", "19971202",
                              "19971215", "19980102", "19980115"]),
        RFCExample(title: "Monthly on the first and last day of the month for 10 occurrences", start: "19970930T090000",
                   rule: "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1",
                   expected: ["19970930", "19971001", "19971031", "19971101", "19971130", "19971201", "19971231",
                              "19980101", "19980131", "19980201"]),
        RFCExample(title: "Every 18 months on the 10th thru 15th of the month for 10 occurrences", start: "19970910T090000",
                   rule: "FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15",
                   expected: ["19970910-15", "19990310-13"]),
        RFCExample(title: "Every Tuesday, every other month", start: "19970902T090000", rule: "FREQ=MONTHLY;INTERVAL=2;BYDAY=TU",
                   expected: ["19970902-30/7", "19971104-25/7", "19980106-27/7", "19980303-31/7"]),
        RFCExample(title: "Yearly in June and July for 10 occurrences", start: "19970610T090000",
                   rule: "FREQ=YEARLY;COUNT=10;BYMONTH=6,7",
                   expected: ["19970610", "19970710", "19980610", "19980710", "19990610", "19990710", "20000610",
                              "20000710", "20010610", "20010710"]),
        RFCExample(title: "Every other year on January, February, and March for 10 occurrences", start: "19970310T090000",
                   rule: "FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3",
                   expected: ["19970310", "19990110", "19990210", "19990310", "20010110", "20010210", "20010310",
                              "20030110", "20030210", "20030310"]),
        RFCExample(title: "Every third year on the 1st, 100th, and 200th day for 10 occurrences", start: "19970101T090000",
                   rule: "FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200",
                   expected: ["19970101", "19970410", "19970719", "20000101", "20000409", "20000718", "20030101",
                              "20030410", "20030719", "20060101"]),
        RFCExample(title: "Every 20th Monday of the year, forever", start: "19970519T090000", rule: "FREQ=YEARLY;BYDAY=20MO",
                   expected: ["19970519", "19980518", "19990517"]),
        RFCExample(title: "Monday of week number 20 (where the default start of the week is Monday), forever",
                   start: "19970512T090000", rule: "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO",
                   expected: ["19970512", "19980511", "19990517"]),
        RFCExample(title: "Every Thursday in March, forever", start: "19970313T090000", rule: "FREQ=YEARLY;BYMONTH=3;BYDAY=TH",
                   expected: ["19970313-27/7", "19980305-26/7", "19990304-25/7"]),
        RFCExample(title: "Every Thursday, but only during June, July, and August, forever", start: "19970605T090000",
                   rule: "FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8",
                   expected: ["19970605-26/7", "19970703-31/7", "19970807-28/7",
                              "19980604-25/7", "19980702-30/7", "19980806-27/7",
                              "19990603-24/7", "19990701-29/7", "19990805-26/7"]),
        RFCExample(title: "Every Friday the 13th, forever", start: "19970902T090000", rule: "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13",
                   exclusions: ["19970902T090000"],
                   expected: ["19980213", "19980313", "19981113", "19990813", "20001013"]),
        RFCExample(title: "The first Saturday that follows the first Sunday of the month, forever", start: "19970913T090000",
                   rule: "FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13",
                   expected: ["19970913", "19971011", "19971108", "19971213", "19980110", "19980207", "19980307",
                              "19980411", "19980509", "19980613"]),
        RFCExample(title: "Every 4 years, the first Tuesday after a Monday in November, forever (U.S. Presidential Election day)",
                   start: "19961105T090000", rule: "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8",
                   expected: ["19961105", "20001107", "20041102"]),
        RFCExample(title: "The third instance into the month of one of Tuesday, Wednesday, or Thursday, for the next 3 months",
                   start: "19970904T090000", rule: "FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3",
                   expected: ["19970904", "19971007", "19971106"]),
        RFCExample(title: "The second-to-last weekday of the month", start: "19970929T090000",
                   rule: "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2",
                   expected: ["19970929", "19971030", "19971127", "19971230", "19980129", "19980226", "19980330"]),
        // Erratum: 17:00Z is 13:00 EDT, so 15:00 is past UNTIL (the RFC's text lists it).
        RFCExample(title: "Every 3 hours from 9:00 AM to 5:00 PM on a specific day", start: "19970902T090000",
                   rule: "FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z",
                   expected: ["19970902T0900", "19970902T1200"]),
        RFCExample(title: "Every 15 minutes for 6 occurrences", start: "19970902T090000", rule: "FREQ=MINUTELY;INTERVAL=15;COUNT=6",
                   expected: ["19970902T0900-1015/15"]),
        RFCExample(title: "Every hour and a half for 4 occurrences", start: "19970902T090000", rule: "FREQ=MINUTELY;INTERVAL=90;COUNT=4",
                   expected: ["19970902T0900", "19970902T1030", "19970902T1200", "19970902T1330"]),
        RFCExample(title: "Every 20 minutes from 9:00 AM to 4:40 PM every day (daily)", start: "19970902T090000",
                   rule: "FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40",
                   expected: ["19970902T0900-1640/20", "19970903T0900-1640/20"]),
        RFCExample(title: "Every 20 minutes from 9:00 AM to 4:40 PM every day (minutely)", start: "19970902T090000",
                   rule: "FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16",
                   expected: ["19970902T0900-1640/20", "19970903T0900-1640/20"]),
        RFCExample(title: "WKST makes a difference: WKST=MO", start: "19970805T090000",
                   rule: "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO",
                   expected: ["19970805", "19970810", "19970819", "19970824"]),
        RFCExample(title: "WKST makes a difference: WKST=SU", start: "19970805T090000",
                   rule: "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU",
                   expected: ["19970805", "19970817", "19970819", "19970831"]),
        RFCExample(title: "An invalid date (February 30) is ignored", start: "20070115T090000",
                   rule: "FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5",
                   expected: ["20070115", "20070130", "20070215", "20070315", "20070330"]),
    ]

    @Test func theTableHoldsEveryRuleOfTheRFC() {
        #expect(Self.examples.count == 42)
        #expect(Set(Self.examples.map(\.rule)).count == 42)
    }

    @Test(arguments: examples)
    func expandsAsTheRFCSays(_ example: RFCExample) throws {
        let zone = TestZones.newYork
        let startLocal = ExpectedInstances.local(example.start)
        let rule = try RecurrenceRule(parsing: example.rule)
        let set = RecurrenceSet(
            start: .zoned(startLocal, zone), rules: [rule],
            exclusions: example.exclusions.map { .zoned(ExpectedInstances.local($0), zone) })
        let expected = ExpectedInstances.readings(example.expected, defaultTime: startLocal.secondOfDay)
        let from = zone.instant(of: startLocal)
        let to = zone.instant(of: LocalDateTime(year: 2100, month: 1, day: 1))
        let found = set.occurrences(from: from, to: to, limit: example.isBounded ? .max : expected.count)
        #expect(found.map { zone.localTime(of: $0) } == expected)
        #expect(found == expected.map { zone.instant(of: $0) })
    }

    @Test(arguments: examples)
    func theRawIteratorGivesTheSameWallClockReadings(_ example: RFCExample) throws {
        guard example.exclusions.isEmpty else { return }
        let startLocal = ExpectedInstances.local(example.start)
        let rule = try RecurrenceRule(parsing: example.rule)
        let expected = ExpectedInstances.readings(example.expected, defaultTime: startLocal.secondOfDay)
        var readings: [LocalDateTime] = []
        for reading in rule.expand(from: startLocal, zone: TestZones.newYork) {
            readings.append(reading)
            if readings.count == expected.count + (example.isBounded ? 5 : 0) { break }
        }
        #expect(readings == expected)
    }

    @Test(arguments: examples)
    func theRuleTextRoundTrips(_ example: RFCExample) throws {
        let rule = try RecurrenceRule(parsing: example.rule)
        #expect(try RecurrenceRule(parsing: rule.icalText) == rule)
        #expect(try RecurrenceRule(parsing: example.rule.lowercased()) == rule)
    }
}
