import Testing
@testable import SlotMatchImport
import SlotMatchCore

private let martin = FHIRFixtures.martin
private let lefevre = FHIRFixtures.lefevre

/// Europe/Paris for 2026: CET, CEST from 29 March 01:00Z to 25 October 01:00Z.
private let paris = ZoneRules(identifier: "Europe/Paris", initialOffset: 3600, transitions: [
    (Instant.parseISO8601("2026-03-29T01:00:00Z")!.secondsSinceEpoch, 7200),
    (Instant.parseISO8601("2026-10-25T01:00:00Z")!.secondsSinceEpoch, 3600),
])

private func read(_ text: String) throws -> [PublishedAvailability] {
    try AvailabilityCSVReader.read(bytes: Array(text.utf8), file: "dispo.csv", zone: paris)
}

private func errors(_ text: String) -> [InputError] {
    AvailabilityCSVReader.readReportingAll(bytes: Array(text.utf8), file: "dispo.csv", zone: paris).errors
}

private let header = "rpps,start,end,mode,visibility,slot_minutes\n"

@Suite struct AvailabilityCSVReaderTests {
    @Test(arguments: [
        ("2026-12-07T09:00", "2026-12-07T08:00:00Z"),
        ("2026-12-07 09:00", "2026-12-07T08:00:00Z"),
        ("2026-12-07 09:00:30", "2026-12-07T08:00:30Z"),
        ("2026-07-06 09:00", "2026-07-06T07:00:00Z"),        // summer time
        ("2026-03-29 02:30", "2026-03-29T01:30:00Z"),        // in the spring gap: the offset before it (RFC 5545 §3.3.5)
        ("2026-10-25 02:30", "2026-10-25T00:30:00Z"),        // repeated in autumn: the first one
        ("07/12/2026 09:00", "2026-12-07T08:00:00Z"),        // French spreadsheet form
        ("2026-12-07T09:00+01:00", "2026-12-07T08:00:00Z"),
        ("2026-12-07T09:00:00+02:00", "2026-12-07T07:00:00Z"),
        ("2026-12-07T09:00Z", "2026-12-07T09:00:00Z"),
        ("2026-12-07 09:00Z", "2026-12-07T09:00:00Z"),
    ])
    func startTimes(text: String, utc: String) throws {
        let csv = header + "\(martin),\(text),2026-12-31 23:00,,,\n"
        let o = try #require(try read(csv).first?.occurrences.first)
        #expect(o.start.iso8601 == utc)
    }

    @Test func aTypicalFile() throws {
        let csv = "\u{FEFF}rpps,start,end,mode,visibility,slot_minutes\r\n"
            + "\(martin),2026-12-07 09:00,2026-12-07 12:00,AMB,\"SNP,CPTS\",20\r\n"
            + "\r\n"
            + "\(lefevre),2026-12-08 14:00,2026-12-08 18:00,hh,PRO|SNP,\r\n"
            + "\(martin),2026-12-05 09:00,2026-12-05 10:00,,,\r\n"
        let result = try read(csv)
        #expect(result.map { $0.practitioner?.digits } == [martin, lefevre].sorted())
        let m = try #require(result.first { $0.practitioner?.digits == martin })
        #expect(m.occurrences.map(\.uid) == ["csv:5", "csv:2"])  // sorted by start
        #expect(m.occurrences.map(\.slotLengthSeconds) == [nil, 1200])
        #expect(m.occurrences[1].visibility == [.snp, .cpts])
        #expect(m.occurrences[0].visibility == .snp)
        #expect(m.occurrences[0].mode == .office)
        #expect(m.occurrences.allSatisfy { $0.kind == .available && $0.component == "csv" && $0.practitioner?.digits == martin })
        #expect(m.occurrences[1].place == SourcePlace(file: "dispo.csv", line: 2))
        #expect(m.declaredRange == nil)
        let l = try #require(result.first { $0.practitioner?.digits == lefevre })
        #expect(l.occurrences.map(\.mode) == [.homeVisit])
        #expect(l.occurrences.map(\.visibility) == [[.professional, .snp]])
        #expect(l.occurrences.first?.end.iso8601 == "2026-12-08T17:00:00Z")
    }

    @Test func quotingFollowsRFC4180() throws {
        let csv = "rpps,start,end,visibility\n"
            + "\"\(martin)\", \"2026-12-07 09:00\" ,2026-12-07 10:00,\"SNP,\nCPTS\"\n"   // a quoted value over two lines
            + "\(martin),2026-12-07 11:00,2026-12-07 12:00,\"\"\"SNP\"\"\"\n"            // "" inside quotes
        let e = errors(csv)
        #expect(e.count == 1)
        #expect(e.first?.place.line == 4)  // the record after the two-line one starts on line 4
        #expect(e.first?.problem == "column visibility: \"\"SNP\"\" is not a visibility")
        let good = try read("rpps,start,end,visibility\n\"\(martin)\",\"2026-12-07 09:00\",2026-12-07 10:00,\"SNP,\nCPTS\"\n")
        #expect(good.first?.occurrences.first?.visibility == [.snp, .cpts])
    }

    @Test func semicolonFilesFromFrenchSpreadsheets() throws {
        let csv = "rpps;start;end;mode;visibility;slot_minutes\n\(martin);07/12/2026 09:00;07/12/2026 12:00;VR;SNP,CPTS;15\n"
        let o = try #require(try read(csv).first?.occurrences.first)
        #expect(o.mode == .video)
        #expect(o.visibility == [.snp, .cpts])
        #expect(o.slotLengthSeconds == 900)
    }

    @Test func headerOnlyNamesNobody() throws {
        #expect(try read(header) == [PublishedAvailability()])
        #expect(try read("RPPS, Start ,END\n").count == 1)  // case and spaces in the header do not matter
    }

    // (row, line, column, words in the problem)
    @Test(arguments: [
        ("\(FHIRFixtures.martinMistyped),2026-12-07 09:00,2026-12-07 12:00,,,", 2, 1, "column rpps: the RPPS number"),
        ("1234,2026-12-07 09:00,2026-12-07 12:00,,,", 2, 1, "column rpps: the RPPS number \"1234\" is not 11 digits"),
        (",2026-12-07 09:00,2026-12-07 12:00,,,", 2, 1, "column rpps: the RPPS number is missing"),
        ("\(martin),lundi 9h,2026-12-07 12:00,,,", 2, 2, "column start: \"lundi 9h\" is not a date and time"),
        ("\(martin),2026-12-07 09:00,,,,", 2, 3, "column end: the end time is missing"),
        ("\(martin),2026-12-07 09:00,2026-12-07 08:00,,,", 2, 3, "column end: the window ends"),
        ("\(martin),2026-12-07 09:00,2026-12-07 12:00,CAB,,", 2, 4, "column mode: \"CAB\" is not a consultation mode"),
        ("\(martin),2026-12-07 09:00,2026-12-07 12:00,,\"SNP,PRIVE\",", 2, 5, "column visibility: \"PRIVE\" is not a visibility"),
        ("\(martin),2026-12-07 09:00,2026-12-07 12:00,,,vingt", 2, 6, "column slot_minutes: \"vingt\" is not a number of minutes"),
        ("\(martin),2026-12-07 09:00,2026-12-07 09:10,,,20", 2, 6, "column slot_minutes: a 20-minute slot does not fit"),
        ("\(martin),2026-12-07 09:00,2026-12-07 12:00,AMB,SNP,CPTS,20", 2, nil, "7 values where the header has 6 columns"),
        ("\(martin),\"2026-12-07 09:00,2026-12-07 12:00,,,", 2, 2, "never closed"),
        ("\(martin),\"2026-12-07 09:00\"x,2026-12-07 12:00,,,", 2, 2, "text after the closing quote"),
    ] as [(String, Int, Int?, String)])
    func eachRowError(row: String, line: Int, column: Int?, problem: String) {
        let found = errors(header + row + "\n")
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.place.file == "dispo.csv")
        #expect(found.first?.place.line == line)
        #expect(found.first?.place.column == column)
        #expect(found.first?.problem.contains(problem) == true, "\(found)")
        #expect(throws: InputError.self) { try read(header + row + "\n") }
    }

    @Test(arguments: [
        ("rpps,start,stop\n", "unknown column \"stop\""),
        ("rpps,start,end,start\n", "the column start twice"),
        ("rpps,end,mode\n", "has no start column"),
        ("", "the file is empty"),
    ])
    func headerErrors(csv: String, problem: String) {
        let found = errors(csv)
        #expect(found.first?.problem.contains(problem) == true, "\(found)")
        #expect(found.first?.place.line == 1)
    }

    @Test func invalidUTF8IsReported() {
        var bytes = Array((header + "\(martin),2026-12-07 09:00,2026-12-07 12:00,AMB,").utf8)
        bytes += [0xC9, 0x54, 0xC9]  // "ÉTÉ" in Latin-1
        bytes += Array(",\n".utf8)
        let found = AvailabilityCSVReader.readReportingAll(bytes: bytes, file: "dispo.csv", zone: paris).errors
        #expect(found.contains { $0.problem.contains("not UTF-8") && $0.place.line == 2 && $0.place.column == 5 })
    }

    @Test func everyErrorIsCollectedAndNothingReturned() {
        let csv = header
            + "\(martin),2026-12-07 09:00,2026-12-07 12:00,,,\n"
            + "\(martin),2026-12-07 25:00,2026-12-07 12:00,XX,,\n"
            + "\(martin),2026-12-08 09:00,2026-12-08 12:00,,,\n"
            + "123,2026-12-09 09:00,2026-12-09 12:00,,,\n"
        let (availabilities, found) = AvailabilityCSVReader.readReportingAll(bytes: Array(csv.utf8), file: "dispo.csv", zone: paris)
        #expect(availabilities.isEmpty)
        #expect(found.map { [$0.place.line ?? 0, $0.place.column ?? 0] } == [[3, 2], [3, 4], [5, 1]])
        #expect {
            _ = try read(csv)
        } throws: { error in
            guard let e = error as? InputError else { return false }
            return e.place.line == 3 && e.problem.contains("(and 2 more problems in this file: line 3, line 5)")
        }
    }

    @Test func sizeLimit() {
        let found = AvailabilityCSVReader.readReportingAll(bytes: Array((header + header).utf8), file: "dispo.csv", zone: paris, maxBytes: 10).errors
        #expect(found.first?.problem.contains("over the 10-byte limit") == true)
    }
}
