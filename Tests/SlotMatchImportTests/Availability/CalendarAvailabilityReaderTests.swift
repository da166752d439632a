import Testing
import SlotMatchCore
@testable import SlotMatchImport

private typealias T = CalendarTestSupport

private func event(_ uid: String, _ start: String, _ end: String?, _ extra: [String] = []) -> String {
    (["BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:20261201T000000Z", "DTSTART;TZID=Europe/Paris:\(start)"]
        + (end.map { ["DTEND;TZID=Europe/Paris:\($0)"] } ?? []) + extra + ["END:VEVENT"]).joined(separator: "\n")
}
private let snp = ["TRANSP:TRANSPARENT", "CATEGORIES:SNP"]

@Suite struct CalendarAvailabilityReaderTests {
    @Test func transparentSNPEventIsAWindow() throws {
        let a = try T.read(T.calendar(event("w", "20261207T090000", "20261207T100000", snp)))
        #expect(a.occurrences.count == 1)
        let o = try #require(a.occurrences.first)
        #expect(o.kind == .available && o.component == "VEVENT" && o.uid == "w")
        #expect(o.start == T.paris(7, 9) && o.end == T.paris(7, 10))
        #expect(o.mode == .office && o.visibility == .snp && o.slotLengthSeconds == nil)
        #expect(a.practitioner == (try RPPS(T.gp)))
        #expect(T.starts(try T.slots(a)) == ["7 09:00", "7 09:15", "7 09:30", "7 09:45"])
    }

    @Test(arguments: [
        (["TRANSP:TRANSPARENT", "CATEGORIES:snp"], PublishedOccurrence.Kind.available),
        (["TRANSP:TRANSPARENT", "CATEGORIES:Consultation,Snp"], .available),
        (["TRANSP:TRANSPARENT", "CATEGORIES:Consultation", "CATEGORIES:SNP"], .available),
        (["transp:transparent", "CATEGORIES: SNP "], .available),
        (["TRANSP:TRANSPARENT", "CATEGORIES:SNP-old"], .busy),
        (["TRANSP:TRANSPARENT", "CATEGORIES:Consultation\\,SNP"], .busy),  // escaped comma: one category "Consultation,SNP"
        (["TRANSP:TRANSPARENT"], .busy),
        (["TRANSP:OPAQUE", "CATEGORIES:SNP"], .busy),
        (["CATEGORIES:SNP"], .busy),  // TRANSP defaults to OPAQUE
        ([], .busy),
    ])
    func windowOrBusy(_ extra: [String], _ kind: PublishedOccurrence.Kind) throws {
        let a = try T.read(T.calendar(event("e", "20261207T090000", "20261207T100000", extra)))
        #expect(a.occurrences.map(\.kind) == [kind])
    }

    @Test func opaqueEventRemovesOverlappingSlotsOnly() throws {
        let ics = T.calendar([event("w", "20261207T090000", "20261207T101000", snp + ["X-SLOT-DURATION:PT20M"]),
                              event("meeting", "20261207T092000", "20261207T093000")].joined(separator: "\n"))
        let slots = try T.slots(try T.read(ics))
        #expect(T.starts(slots) == ["7 09:00", "7 09:40"])
        #expect(slots.allSatisfy { $0.durationSeconds == 1200 })
    }

    @Test func cancelledEventsAreIgnored() throws {
        let ics = T.calendar([event("w", "20261207T090000", "20261207T100000", snp),
                              event("w2", "20261208T090000", "20261208T100000", snp + ["STATUS:CANCELLED"]),
                              event("meeting", "20261207T090000", "20261207T093000", ["STATUS:CANCELLED"])].joined(separator: "\n"))
        let a = try T.read(ics)
        #expect(a.occurrences.map(\.uid) == ["w"])
        #expect(T.starts(try T.slots(a)).count == 4)
    }

    @Test func allDayAbsenceIsBusyFromMidnightToMidnightInParis() throws {
        let ics = T.calendar([event("w", "20261207T090000", "20261207T100000", snp),
                              event("w8", "20261208T090000", "20261208T100000", snp),
                              "BEGIN:VEVENT\nUID:off\nDTSTART;VALUE=DATE:20261207\nDTEND;VALUE=DATE:20261208\nSUMMARY:Absent\nEND:VEVENT",
                              "BEGIN:VEVENT\nUID:off2\nDTSTART;VALUE=DATE:20261210\nEND:VEVENT"].joined(separator: "\n"))
        let a = try T.read(ics)
        let off = try #require(a.occurrences.first { $0.uid == "off" })
        #expect(off.kind == .busy && off.start == T.paris(7, 0) && off.end == T.paris(8, 0))
        let off2 = try #require(a.occurrences.first { $0.uid == "off2" })
        #expect(off2.start == T.paris(10, 0) && off2.end == T.paris(11, 0))  // DTEND absent: one day
        #expect(T.starts(try T.slots(a)) == ["8 09:00", "8 09:15", "8 09:30", "8 09:45"])
    }

    @Test func durationGivesTheEndAndNoEndMeansZeroLength() throws {
        let ics = T.calendar([event("w", "20261207T090000", nil, snp + ["DURATION:PT30M"]),
                              event("point", "20261207T091000", nil)].joined(separator: "\n"))
        let a = try T.read(ics)
        #expect(a.occurrences.first { $0.uid == "w" }?.end == T.paris(7, 9, 30))
        let point = try #require(a.occurrences.first { $0.uid == "point" })
        #expect(point.start == point.end)
        #expect(T.starts(try T.slots(a)) == ["7 09:00", "7 09:15"])  // a zero-length event removes nothing
    }

    @Test func floatingAndUTCTimes() throws {
        let ics = T.calendar("""
        BEGIN:VEVENT
        UID:float
        DTSTART:20261207T090000
        DTEND:20261207T093000
        TRANSP:TRANSPARENT
        CATEGORIES:SNP
        END:VEVENT
        BEGIN:VEVENT
        UID:utc
        DTSTART:20261208T080000Z
        DTEND:20261208T083000Z
        END:VEVENT
        """)
        let a = try T.read(ics)
        #expect(a.occurrences.first { $0.uid == "float" }?.start == T.paris(7, 9))
        #expect(a.occurrences.first { $0.uid == "utc" }?.start == T.paris(8, 9))
    }

    @Test func movedSessionViaRecurrenceID() throws {
        let ics = T.calendar([event("weekly", "20261207T090000", "20261207T100000", snp + ["RDATE;TZID=Europe/Paris:20261214T090000"]),
                              event("weekly", "20261215T140000", "20261215T143000",
                                    snp + ["RECURRENCE-ID;TZID=Europe/Paris:20261214T090000"])].joined(separator: "\n"))
        let a = try T.read(ics)
        #expect(a.occurrences.map { T.paris.localTime(of: $0.start).iso8601 } == ["2026-12-07T09:00:00", "2026-12-15T14:00:00"])
        #expect(T.starts(try T.slots(a)) == ["7 09:00", "7 09:15", "7 09:30", "7 09:45", "15 14:00", "15 14:15"])
    }

    @Test func overrideMayStopBeingAWindow() throws {
        // The moved occurrence is opaque: it becomes busy time instead of a window.
        let ics = T.calendar([event("weekly", "20261207T090000", "20261207T100000", snp + ["RDATE;TZID=Europe/Paris:20261214T090000"]),
                              event("weekly", "20261214T090000", "20261214T100000",
                                    ["RECURRENCE-ID;TZID=Europe/Paris:20261214T090000", "TRANSP:OPAQUE"])].joined(separator: "\n"))
        let a = try T.read(ics)
        #expect(a.occurrences.map(\.kind) == [.available, .busy])
    }

    @Test func cancelledInstanceIsRemoved() throws {
        let ics = T.calendar([event("weekly", "20261207T090000", "20261207T100000", snp + ["RDATE;TZID=Europe/Paris:20261214T090000,20261221T090000"]),
                              event("weekly", "20261214T090000", "20261214T100000",
                                    ["RECURRENCE-ID;TZID=Europe/Paris:20261214T090000", "STATUS:CANCELLED"])].joined(separator: "\n"))
        let a = try T.read(ics)
        #expect(a.occurrences.map { T.paris.localTime(of: $0.start).date.day } == [7, 21])
    }

    @Test func exdateRemovesAnInstance() throws {
        let ics = T.calendar(event("weekly", "20261207T090000", "20261207T100000",
                                   snp + ["RDATE;TZID=Europe/Paris:20261214T090000,20261221T090000",
                                          "EXDATE;TZID=Europe/Paris:20261214T090000", "EXDATE;VALUE=DATE:20261221"]))
        #expect(try T.read(ics).occurrences.map { T.paris.localTime(of: $0.start).date.day } == [7])
    }

    @Test func thisAndFutureShiftsEveryLaterInstance() throws {
        let ics = T.calendar([event("weekly", "20261207T090000", "20261207T100000", snp + ["RRULE:FREQ=WEEKLY"]),
                              event("weekly", "20261214T100000", "20261214T103000",
                                    snp + ["RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Paris:20261214T090000", "X-SLOTMATCH-MODE:VR"])].joined(separator: "\n"))
        let a = try T.read(ics)
        #expect(a.occurrences.map { T.paris.localTime(of: $0.start).iso8601 + "/" + $0.mode.code } ==
                ["2026-12-07T09:00:00/AMB", "2026-12-14T10:00:00/VR", "2026-12-21T10:00:00/VR", "2026-12-28T10:00:00/VR"])
        #expect(a.occurrences.dropFirst().allSatisfy { $0.start.seconds(until: $0.end) == 1800 })
    }

    @Test func thisAndFutureCancelledEndsTheSeries() throws {
        let ics = T.calendar([event("weekly", "20261207T090000", "20261207T100000", snp + ["RRULE:FREQ=WEEKLY"]),
                              event("weekly", "20261221T090000", "20261221T100000",
                                    ["RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Paris:20261221T090000", "STATUS:CANCELLED"])].joined(separator: "\n"))
        #expect(try T.read(ics).occurrences.map { T.paris.localTime(of: $0.start).date.day } == [7, 14])
    }

    @Test func thisAndFutureFromBeforeTheWindowShiftsInstancesIntoIt() throws {
        // Moved three hours later from 30 November on: the 7 December instance is at 12:00, found though its original
        // start and the change both lie before or at the window's edge.
        let ics = T.calendar([event("weekly", "20261123T090000", "20261123T100000", snp + ["RRULE:FREQ=WEEKLY"]),
                              event("weekly", "20261130T120000", "20261130T130000",
                                    snp + ["RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Paris:20261130T090000"])].joined(separator: "\n"))
        let a = try T.read(ics, from: T.paris(7, 11), to: T.paris(8, 0))
        #expect(a.occurrences.map(\.start) == [T.paris(7, 12)])
    }

    @Test func otherRangesAreRejectedClearly() throws {
        let ics = T.calendar([event("weekly", "20261207T090000", "20261207T100000", snp),
                              event("weekly", "20261214T100000", "20261214T110000",
                                    ["RECURRENCE-ID;RANGE=THISANDPRIOR;TZID=Europe/Paris:20261214T090000"])].joined(separator: "\n"))
        #expect { _ = try T.read(ics) } throws: { error in
            guard let e = error as? InputError else { return false }
            return e.problem.contains("THISANDPRIOR") && e.place.file == "test.ics" && e.place.line == 18 && e.remedy.contains("THISANDFUTURE")
        }
    }

    @Test func slotDurationLeavesADroppedRemainder() throws {
        let a = try T.read(T.calendar(event("w", "20261207T090000", "20261207T101000", snp + ["X-SLOT-DURATION:PT20M"])))
        #expect(a.occurrences.first?.slotLengthSeconds == 1200)
        let slots = try T.slots(a)
        #expect(T.starts(slots) == ["7 09:00", "7 09:20", "7 09:40"])
        #expect(slots.last?.end == T.paris(7, 10))
    }

    @Test func modeAndVisibilityProperties() throws {
        let ics = T.calendar([event("video", "20261207T090000", "20261207T093000",
                                    snp + ["X-SLOTMATCH-MODE:vr", "X-SLOTMATCH-VISIBILITY:SNP, cpts"]),
                              event("plain", "20261208T090000", "20261208T093000", snp)].joined(separator: "\n"),
                             header: "X-SLOTMATCH-RPPS:10000000017\r\nX-SLOTMATCH-MODE:HH\r\nX-SLOT-DURATION:PT10M")
        let a = try T.read(ics)
        let video = try #require(a.occurrences.first { $0.uid == "video" })
        #expect(video.mode == .video && video.visibility == [.snp, .cpts] && video.slotLengthSeconds == 600)
        let plain = try #require(a.occurrences.first { $0.uid == "plain" })
        #expect(plain.mode == .homeVisit && plain.visibility == .snp)  // inherited from VCALENDAR; default SNP
        let slots = try T.slots(a)
        #expect(slots.count == 6 && slots.filter { $0.mode == .video }.count == 3)
    }

    @Test(arguments: [
        ("X-SLOTMATCH-MODE:TELE", "X-SLOTMATCH-MODE"),
        ("X-SLOTMATCH-VISIBILITY:SNP,VIP", "X-SLOTMATCH-VISIBILITY"),
        ("X-SLOT-DURATION:20 minutes", "DURATION"),
        ("X-SLOT-DURATION:PT0M", "X-SLOT-DURATION"),
        ("X-SLOT-DURATION:PT4M", "X-SLOT-DURATION"),
        ("X-SLOT-DURATION:P2D", "X-SLOT-DURATION"),
    ])
    func badSlotPropertiesAreErrorsAtTheirLine(_ line: String, _ word: String) throws {
        let ics = T.calendar(event("w", "20261207T090000", "20261207T100000", snp + [line]))
        #expect { _ = try T.read(ics) } throws: { error in
            guard let e = error as? InputError else { return false }
            return e.problem.contains(word) && e.place.line == 12 && e.place.file == "test.ics"
        }
    }

    @Test func unknownTimeZoneIsAnError() throws {
        let ics = T.calendar("BEGIN:VEVENT\nUID:x\nDTSTART;TZID=Mars/Olympus:20261207T090000\nEND:VEVENT")
        #expect { _ = try T.read(ics) } throws: { error in
            (error as? InputError)?.problem.contains("Mars/Olympus") == true && (error as? InputError)?.place.line == 7
        }
    }

    @Test func windowKeepsOverlappingOccurrencesOnly() throws {
        let ics = T.calendar([event("before", "20261130T090000", "20261130T100000", snp),
                              event("straddles", "20261130T233000", "20261201T003000"),
                              event("inside", "20261207T090000", "20261207T100000", snp)].joined(separator: "\n"))
        #expect(try T.read(ics).occurrences.map(\.uid) == ["straddles", "inside"])
    }

    @Test func runawayRuleFailsFast() throws {
        let reader = CalendarAvailabilityReader(territoryZone: T.paris, zoneLookup: T.lookup, maxOccurrences: 1000)
        let ics = T.calendar(event("flood", "20261207T090000", "20261207T090100", ["RRULE:FREQ=MINUTELY"]))
        let components = try ICalendarParser.parse(bytes: ics, file: "flood.ics")
        #expect { _ = try reader.read(components, file: "flood.ics", from: T.paris(1, 0), to: T.paris(31, 0)) } throws: { error in
            guard let e = error as? InputError else { return false }
            return e.problem.contains("more than 1000") && e.place.line == 10 && e.remedy.contains("FREQ")
        }
        // Many small series also hit the file's total.
        let many = (0 ..< 30).map { event("e\($0)", "20261207T090000", "20261207T100000", ["RRULE:FREQ=DAILY"]) }.joined(separator: "\n")
        let parsed = try ICalendarParser.parse(bytes: T.calendar(many), file: "many.ics")
        let small = CalendarAvailabilityReader(territoryZone: T.paris, zoneLookup: T.lookup, maxOccurrences: 500)
        #expect { _ = try small.read(parsed, file: "many.ics", from: T.paris(1, 0), to: T.paris(31, 0)) } throws: {
            ($0 as? InputError)?.problem.contains("more than 500 occurrences") == true
        }
    }

    @Test func duplicateUIDIsAnError() throws {
        let ics = T.calendar([event("same", "20261207T090000", "20261207T100000"),
                              event("same", "20261208T090000", "20261208T100000")].joined(separator: "\n"))
        #expect { _ = try T.read(ics) } throws: { ($0 as? InputError)?.problem.contains("share the UID") == true }
    }
}

@Suite struct CalendarPractitionerTests {
    @Test(arguments: [
        ("X-SLOTMATCH-RPPS:10000000017", "", "10000000017"),
        ("", "ORGANIZER;CN=Dr Claire Martin;X-RPPS=10000000025:mailto:c.martin@example.org", "10000000025"),
        ("", "ORGANIZER:urn:oid:1.2.250.1.71.4.2.1|810000000025", "10000000025"),
        ("", "ORGANIZER:mailto:c.martin@example.org", ""),
        ("X-SLOTMATCH-RPPS:10000000017", "ORGANIZER;X-RPPS=10000000017:mailto:a@example.org", "10000000017"),
    ])
    func practitionerConvention(_ header: String, _ organizer: String, _ expected: String) throws {
        let body = ["BEGIN:VEVENT", "UID:e", "DTSTART:20261207T090000Z"] + (organizer.isEmpty ? [] : [organizer]) + ["END:VEVENT"]
        let a = try T.read(T.calendar(body.joined(separator: "\n"), header: header))
        #expect(a.practitioner?.digits == (expected.isEmpty ? nil : expected))
        #expect(a.occurrences.allSatisfy { $0.practitioner == a.practitioner })
    }

    @Test(arguments: [
        ("X-SLOTMATCH-RPPS:10000000017", "ORGANIZER;X-RPPS=10000000025:mailto:a@example.org", "two practitioners"),
        ("X-SLOTMATCH-RPPS:10000000018", "", "check digit"),
        ("", "ORGANIZER;X-RPPS=1234:mailto:a@example.org", "11 digits"),
    ])
    func practitionerErrors(_ header: String, _ organizer: String, _ problem: String) throws {
        let body = ["BEGIN:VEVENT", "UID:e", "DTSTART:20261207T090000Z"] + (organizer.isEmpty ? [] : [organizer]) + ["END:VEVENT"]
        #expect { _ = try T.read(T.calendar(body.joined(separator: "\n"), header: header)) } throws: { error in
            guard let e = error as? InputError else { return false }
            return e.problem.contains(problem) && e.place.line != nil
        }
    }
}
