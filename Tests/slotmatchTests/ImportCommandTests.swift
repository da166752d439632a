import Foundation
import SlotMatchCore
import SlotMatchStore
import Testing

/// `slotmatch calendar expand|slots` and `slotmatch import`, run as the built binary.
@Suite struct ImportCommandTests {
    static let now = "2026-12-07T07:00:00Z"  // Monday 08:00 in Paris
    static let gp = "10241452928", otherGP = "10443427959"
    static let roster = "rpps,name,commune_insee,modes,snp,weekly_cap,home_radius_km\n"
        + "\(gp),Dr Claire Martinet,78517,AMB|HH,yes,12,8\n\(otherGP),Dr Paul Durand,78486,AMB,yes,,\n"

    /// A weekly Monday/Thursday SNP window 17:00–18:10 Paris (20-minute slots: three, and a 10-minute remainder
    /// dropped), without Thursday 10 December, and an opaque meeting Monday 14 December 17:20–17:30.
    static func agenda(rpps: String = gp, end: String = "181000") -> String {
        [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "X-SLOTMATCH-RPPS:\(rpps)",
            "BEGIN:VEVENT", "UID:snp@test", "DTSTAMP:20261201T000000Z",
            "DTSTART;TZID=Europe/Paris:20261207T170000", "DTEND;TZID=Europe/Paris:20261207T\(end)",
            "RRULE:FREQ=WEEKLY;BYDAY=MO,TH", "EXDATE;TZID=Europe/Paris:20261210T170000",
            "TRANSP:TRANSPARENT", "CATEGORIES:Snp", "X-SLOT-DURATION:PT20M", "END:VEVENT",
            "BEGIN:VEVENT", "UID:meeting@test", "DTSTAMP:20261201T000000Z",
            "DTSTART;TZID=Europe/Paris:20261214T172000", "DTEND;TZID=Europe/Paris:20261214T173000", "END:VEVENT",
            "END:VCALENDAR",
        ].joined(separator: "\r\n") + "\r\n"
    }

    func database(_ s: Scratch, name: String = "s") throws -> String {
        let db = s.path(name + ".db")
        let roster = try s.write("roster.csv", ImportCommandTests.roster)
        #expect(try SlotMatchProcess.run(["roster", "import", roster, "--db", db, "--now", ImportCommandTests.now]).status == 0)
        return db
    }

    @Test func expandPrintsOccurrencesInUTCSortedByStart() throws {
        let s = try Scratch()
        defer { s.remove() }
        let file = try s.write("agenda.ics", ImportCommandTests.agenda())
        let r = try SlotMatchProcess.run(["calendar", "expand", file, "--from", "2026-12-07", "--to", "2026-12-15",
                                          "--format", "json", "--now", ImportCommandTests.now])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try #require(try r.json()["occurrences"] as? [[String: Any]])
        let got = rows.map { "\($0["start"]!) \($0["end"]!) \($0["kind"]!)" }
        #expect(got == [
            "2026-12-07T16:00:00Z 2026-12-07T17:10:00Z available",
            "2026-12-14T16:00:00Z 2026-12-14T17:10:00Z available",
            "2026-12-14T16:20:00Z 2026-12-14T16:30:00Z busy",
        ])
    }

    @Test func slotsAreCutFromWindowsAndBusyTimeRemovesThem() throws {
        let s = try Scratch()
        defer { s.remove() }
        let file = try s.write("agenda.ics", ImportCommandTests.agenda())
        let r = try SlotMatchProcess.run(["calendar", "slots", file, "--from", "2026-12-07", "--to", "2026-12-15",
                                          "--format", "json", "--now", ImportCommandTests.now])
        #expect(r.status == 0, "\(r.stderr)")
        let slots = try #require(try r.json()["slots"] as? [[String: Any]])
        #expect(slots.map { $0["start"] as! String } == [
            "2026-12-07T16:00:00Z", "2026-12-07T16:20:00Z", "2026-12-07T16:40:00Z",
            "2026-12-14T16:00:00Z", "2026-12-14T16:40:00Z",
        ])
        #expect(slots.allSatisfy { ($0["practitioner"] as? String) == ImportCommandTests.gp && ($0["mode"] as? String) == "AMB" })
    }

    func importJSON(_ args: [String], db: String, now: String = ImportCommandTests.now) throws -> (Int32, [[String: Any]]) {
        let r = try SlotMatchProcess.run(["import"] + args + ["--db", db, "--format", "json", "--now", now])
        let files = try #require(try r.json()["files"] as? [[String: Any]])
        return (r.status, files)
    }

    static func counts(_ file: [String: Any]) -> [Int] {
        let slots = file["slots"] as! [String: Any]
        return [slots["added"] as! Int, slots["removed"] as! Int, slots["kept"] as! Int]
    }

    @Test func reimportIsUnchangedReplacesAndKeepsBookedSlots() throws {
        let s = try Scratch()
        defer { s.remove() }
        let db = try database(s)
        let file = try s.write("agenda.ics", ImportCommandTests.agenda())

        let (status, first) = try importJSON([file, "--horizon", "8"], db: db)
        #expect(status == 0)
        #expect(first[0]["status"] as? String == "imported")
        #expect(ImportCommandTests.counts(first[0]) == [5, 0, 0])

        let (_, again) = try importJSON([file, "--horizon", "8"], db: db)
        #expect(again[0]["status"] as? String == "unchanged")
        #expect(ImportCommandTests.counts(again[0]) == [0, 0, 0])

        // Book the first Monday's 17:40 slot, then publish a window ending at 17:40: that slot is no longer covered.
        let store = try Store(path: db)
        let now = Instant.parseISO8601(ImportCommandTests.now)!
        let booked = try #require(try store.freeSlots(from: now, to: now.adding(seconds: 86_400)).first { $0.start.iso8601 == "2026-12-07T16:40:00Z" })
        try store.submitRequest(CareRequest(id: "req-1", receivedAt: now, location: .commune(insee: "78517"), urgency: .within48h),
                                reasonCode: "fever_adult", operator: "op-1", at: now)
        _ = try store.book(slotID: booked.id, requestID: "req-1", operator: "op-1", weekZone: .utc, now: now)

        try s.write("agenda.ics", ImportCommandTests.agenda(end: "174000"))
        let (replaceStatus, replaced) = try importJSON([file, "--horizon", "8"], db: db)
        #expect(replaceStatus == 0)
        #expect(replaced[0]["status"] as? String == "imported")
        #expect(ImportCommandTests.counts(replaced[0]) == [0, 1, 3])  // 14 Dec 16:40 removed; 3 kept; the booked one a conflict
        let conflicts = try #require(replaced[0]["conflicts"] as? [[String: Any]])
        #expect(conflicts.map { $0["slot"] as? Int } == [Int(booked.id)])
        #expect(conflicts.first?["status"] as? String == "booked")
        #expect(try store.slot(id: booked.id)?.status == .booked)
        #expect(try store.auditEntries().contains { $0.action == "import.conflict" })
    }

    @Test func aFileWithOneBadLineWritesNothing() throws {
        let s = try Scratch()
        defer { s.remove() }
        let db = try database(s)
        let csv = "rpps,start,end,mode,visibility,slot_minutes\n"
            + "\(ImportCommandTests.gp),2026-12-08 09:00,2026-12-08 10:00,AMB,SNP,15\n"
            + "\(ImportCommandTests.otherGP),2026-12-08 09:00,2026-12-08 10:00,XX,SNP,15\n"
        let file = try s.write("week.csv", csv)
        let (status, files) = try importJSON([file], db: db)
        #expect(status == 65)
        #expect(files[0]["status"] as? String == "rejected")
        let errors = try #require(files[0]["errors"] as? [String])
        #expect(errors.first?.contains("week.csv:3") == true)
        #expect(try Store(path: db).storeStatistics().slots == 0)
    }

    @Test func theInboxRejectsAnotherPractitionersFileAndMovesEveryFile() throws {
        let s = try Scratch()
        defer { s.remove() }
        let db = try database(s)
        let inbox = s.path("inbox")
        let fm = FileManager.default
        for folder in [ImportCommandTests.gp, ImportCommandTests.otherGP] {
            try fm.createDirectory(atPath: inbox + "/" + folder, withIntermediateDirectories: true)
        }
        try Data(ImportCommandTests.agenda().utf8).write(to: URL(fileURLWithPath: "\(inbox)/\(ImportCommandTests.gp)/agenda.ics"))
        // The first GP's agenda dropped into the second GP's folder.
        try Data(ImportCommandTests.agenda().utf8).write(to: URL(fileURLWithPath: "\(inbox)/\(ImportCommandTests.otherGP)/agenda.ics"))

        let (status, files) = try importJSON(["--inbox", inbox], db: db)
        #expect(status == 1)
        #expect(files.map { $0["status"] as? String } == ["imported", "rejected"])
        #expect(fm.fileExists(atPath: "\(inbox)/\(ImportCommandTests.gp)/imported/agenda.ics"))
        let rejected = "\(inbox)/\(ImportCommandTests.otherGP)/rejected/agenda.ics"
        #expect(fm.fileExists(atPath: rejected))
        let report = try String(contentsOfFile: rejected + ".errors.txt", encoding: .utf8)
        #expect(report.contains("can only change that GP's slots"))

        let (emptyStatus, none) = try importJSON(["--inbox", inbox], db: db)
        #expect(emptyStatus == 0)
        #expect(none.isEmpty)
    }

    @Test func aFileWithoutPractitionerNeedsOne() throws {
        let s = try Scratch()
        defer { s.remove() }
        let db = try database(s)
        let anonymous = ImportCommandTests.agenda().replacingOccurrences(of: "X-SLOTMATCH-RPPS:\(ImportCommandTests.gp)\r\n", with: "")
        let file = try s.write("anonymous.ics", anonymous)
        let (status, files) = try importJSON([file], db: db)
        #expect(status == 65)
        #expect((files[0]["errors"] as? [String])?.first?.contains("--practitioner") == true)
        let (named, ok) = try importJSON([file, "--practitioner", ImportCommandTests.otherGP], db: db)
        #expect(named == 0)
        #expect(ok[0]["practitioner"] as? String == ImportCommandTests.otherGP)
    }

    /// `--jobs` reads several files at once but writes them in order: the same results, the same slots, for any N.
    @Test func importIsTheSameForAnyNumberOfJobs() throws {
        let s = try Scratch()
        defer { s.remove() }
        let folder = s.path("agendas")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // Nine agendas of two GPs with different window ends (so later files replace earlier slots), and a bad one.
        for i in 0 ..< 9 {
            let rpps = i % 2 == 0 ? ImportCommandTests.gp : ImportCommandTests.otherGP
            try Data(ImportCommandTests.agenda(rpps: rpps, end: "\(18 + i % 2)\(i % 6)000").utf8)
                .write(to: URL(fileURLWithPath: "\(folder)/agenda-\(i).ics"))
        }
        try Data("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n".utf8).write(to: URL(fileURLWithPath: "\(folder)/agenda-4b.ics"))
        var answers: [String] = []
        var slots: [[String]] = []
        for jobs in ["1", "3", "8"] {
            let db = try database(s, name: "jobs-" + jobs)
            let (status, files) = try importJSON([folder, "--jobs", jobs], db: db)
            #expect(status == 1)
            #expect(files.count == 10)
            answers.append(files.map { "\(($0["path"] as? String) ?? "") \(($0["status"] as? String) ?? "") \(ImportCommandTests.counts($0)) \(($0["errors"] as? [String]) ?? [])" }
                .joined(separator: "\n"))
            let store = try Store(path: db)
            var held: [String] = []
            for gp in [ImportCommandTests.gp, ImportCommandTests.otherGP] {
                for slot in try store.slots(practitioner: try RPPS(gp), from: Instant(secondsSinceEpoch: 0),
                                            to: Instant(secondsSinceEpoch: 4_000_000_000)) {
                    held.append("\(gp) \(slot.start.secondsSinceEpoch) \(slot.end.secondsSinceEpoch)")
                }
            }
            slots.append(held)
        }
        #expect(answers[0].contains("agenda-4b.ics rejected"))
        #expect(!slots[0].isEmpty)
        #expect(answers[1] == answers[0] && answers[2] == answers[0])
        #expect(slots[1] == slots[0] && slots[2] == slots[0])
    }

    @Test func jobsMustBeAPositiveNumber() throws {
        let s = try Scratch()
        defer { s.remove() }
        let db = try database(s)
        let file = try s.write("agenda.ics", ImportCommandTests.agenda())
        let r = try SlotMatchProcess.run(["import", file, "--jobs", "0", "--db", db, "--now", ImportCommandTests.now])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--jobs"))
        #expect(try Store(path: db).storeStatistics().slots == 0)
    }
}
