import Testing
import SlotMatchCore
import SlotMatchService
import SlotMatchStore

/// The weekly SNP cap through the service: counted per SNP week (ISO week, Europe/Paris) like the store's
/// booking check, across the DST change and the new year, after this process's and another process's
/// bookings, and never offering a slot whose booking the store would refuse with cap-reached.
@Suite struct DeskWeeklyCapTests {
    /// GP 1's office slots that `slots.find` offers from Rambouillet, up to `deadline`.
    static func offered(_ f: ServiceFixture, gp: Int = 1, deadline: Instant) throws -> [String] {
        let params = #"{"commune":"78517","deadline":"\#(deadline.iso8601)","limit":100,"at":"\#(f.start.iso8601)"}"#
        let a = try #require(f.rpc("slots.find", params))
        #expect(a["error"] == nil)
        return a["result.slots"]!.list
            .filter { $0["practitioner.rpps"]?.text == ServiceFixture.rpps(gp).digits && $0["mode"]?.text == "AMB" }
            .compactMap { $0["start"]?.text }.sorted()
    }

    /// Books `slot` for a new request; the answer.
    static func book(_ f: ServiceFixture, _ slot: Int64, request: String) throws -> JSONValue {
        f.submit(request)
        return try #require(f.rpc("appointments.book", #"{"slot":\#(slot),"request":"\#(request)","operator":"op-1"}"#))
    }

    static func slotID(_ f: ServiceFixture, gp: Int = 1, at start: Instant) throws -> Int64 {
        try #require(try f.store.slots(practitioner: ServiceFixture.rpps(gp), from: start, to: start.adding(seconds: 1)).first?.id)
    }

    @Test func bookingsNextWeekCapTheGPForNextWeekOnly() throws {
        // t0 is Monday 2026-12-07 08:00Z; next week's Monday 00:00 (Paris) is t0 + 167 h.
        let f = try ServiceFixture(hours: [2, 3, 170, 171, 172], caps: [2, 20, 20])
        let t0 = f.start
        let deadline = t0.adding(seconds: 13 * 86_400)
        let thisWeek = [2, 3].map { t0.adding(seconds: Int64($0) * 3600).iso8601 }
        let nextWeek = [170, 171, 172].map { t0.adding(seconds: Int64($0) * 3600).iso8601 }
        #expect(try Self.offered(f, deadline: deadline) == thisWeek + nextWeek)
        let first = try Self.book(f, try Self.slotID(f, at: t0.adding(seconds: 170 * 3600)), request: "req-1")
        #expect(first["error"] == nil)
        // One of two: GP 1 is still offered next week.
        #expect(try Self.offered(f, deadline: deadline) == thisWeek + Array(nextWeek.dropFirst()))
        #expect(f.desk.slots.used(practitioner: ServiceFixture.rpps(1), weekContaining: t0.adding(seconds: 170 * 3600)) == 1)
        #expect(f.desk.slots.used(practitioner: ServiceFixture.rpps(1), weekContaining: t0) == 0)
        let second = try Self.book(f, try Self.slotID(f, at: t0.adding(seconds: 171 * 3600)), request: "req-2")
        #expect(second["error"] == nil)
        // At the cap next week: next week's last slot disappears, this week's stay.
        #expect(try Self.offered(f, deadline: deadline) == thisWeek)
        let refused = try Self.book(f, try Self.slotID(f, at: t0.adding(seconds: 172 * 3600)), request: "req-3")
        #expect(refused["error.data.code"]?.text == "cap-reached")
        // Cancelling one brings next week back (the cancelled slot too: it is still to come).
        let appointment = try #require(second["result.appointment"]?.integer)
        let cancel = try #require(f.rpc("appointments.cancel", #"{"appointment":\#(appointment),"reason":"patient-cancelled","operator":"op-1"}"#))
        #expect(cancel["error"] == nil)
        #expect(try Self.offered(f, deadline: deadline) == thisWeek + Array(nextWeek.dropFirst()))
    }

    @Test func capThisWeekLeavesNextWeekOffered() throws {
        let f = try ServiceFixture(hours: [2, 3, 170], caps: [1, 20, 20])
        let t0 = f.start
        #expect(try Self.book(f, try Self.slotID(f, at: t0.adding(seconds: 2 * 3600)), request: "req-1")["error"] == nil)
        #expect(try Self.offered(f, deadline: t0.adding(seconds: 13 * 86_400)) == [t0.adding(seconds: 170 * 3600).iso8601])
    }

    struct Boundary: Sendable, CustomTestStringConvertible {
        var name: String
        /// The fixture's t0 (a Tuesday 08:00 Paris).
        var start: Int64
        /// Slot starts (UTC seconds): booked first, then one in the same SNP week, then one in the next.
        var booked: Int64, sameWeek: Int64, nextWeek: Int64
        var testDescription: String { name }
    }

    static let boundaries: [Boundary] = [
        // DST ends Sunday 2026-10-25 03:00 CEST: Sunday 23:30 CET (22:30Z) is still in the week of Monday 19th
        // (a fixed UTC+2 would put it on Monday); Monday 26th 00:30 CET (23:30Z) is the next week.
        Boundary(name: "across the DST change", start: 1_792_476_000, booked: 1_792_569_600, sameWeek: 1_792_967_400,
                 nextWeek: 1_792_971_000),
        // ISO week 2026-W53 runs Monday 28 December to Sunday 3 January: 31 December and 2 January share it.
        Boundary(name: "across the new year", start: 1_798_527_600, booked: 1_798_707_600, sameWeek: 1_798_880_400,
                 nextWeek: 1_799_053_200),
    ]

    @Test(arguments: boundaries)
    func capWeekFollowsParisISOWeeks(_ b: Boundary) throws {
        let f = try ServiceFixture(caps: [1, 20, 20], start: Instant(secondsSinceEpoch: b.start),
                                   seconds: [b.booked - b.start, b.sameWeek - b.start, b.nextWeek - b.start])
        let deadline = Instant(secondsSinceEpoch: b.nextWeek + 86_400)
        let all = [b.booked, b.sameWeek, b.nextWeek].map { Instant(secondsSinceEpoch: $0).iso8601 }
        #expect(try Self.offered(f, deadline: deadline) == all)
        #expect(try Self.book(f, try Self.slotID(f, at: Instant(secondsSinceEpoch: b.booked)), request: "req-1")["error"] == nil)
        #expect(try Self.offered(f, deadline: deadline) == [Instant(secondsSinceEpoch: b.nextWeek).iso8601])
        // The store agrees: the same-week slot is refused, the next week's is booked.
        let refused = try Self.book(f, try Self.slotID(f, at: Instant(secondsSinceEpoch: b.sameWeek)), request: "req-2")
        #expect(refused["error.data.code"]?.text == "cap-reached")
        #expect(try Self.book(f, try Self.slotID(f, at: Instant(secondsSinceEpoch: b.nextWeek)), request: "req-3")["error"] == nil)
        #expect(try Self.offered(f, deadline: deadline).isEmpty)
    }

    @Test func anotherProcessReachingTheCapNextWeekHidesOnlyNextWeek() throws {
        let f = try ServiceFixture(hours: [2, 170, 171, 172], caps: [2, 20, 20])
        let t0 = f.start
        let deadline = t0.adding(seconds: 13 * 86_400)
        #expect(try Self.offered(f, deadline: deadline).count == 4)
        let other = try f.secondDesk()
        for (n, h) in [170, 171].enumerated() {
            let request = "other-\(n)"
            _ = try other.call("requests.submit", JSONObject([("request", .string(request)), ("operator", .string("op-2")),
                                                                ("reason", .string("fever_adult")), ("commune", .string("78517"))]))
            _ = try other.call("appointments.book", JSONObject([("slot", .int(try Self.slotID(f, at: t0.adding(seconds: Int64(h) * 3600)))),
                                                                  ("request", .string(request)), ("operator", .string("op-2"))]))
        }
        #expect(try Self.offered(f, deadline: deadline) == [t0.adding(seconds: 2 * 3600).iso8601])
    }

    @Test func slotsImportedAfterTheCoveredWeeksGetTheirOwnWeek() throws {
        let f = try ServiceFixture(hours: [2], caps: [1, 20, 20])
        let later = f.start.adding(seconds: 22 * 86_400)
        let weeksBefore = f.desk.slots.coveredWeeks.count
        let planned = [PlannedSlot(start: later, end: later.adding(seconds: 1200)),
                       PlannedSlot(start: later.adding(seconds: 3600), end: later.adding(seconds: 4800))]
        // Imported by another process (its own connection), as the inbox job does.
        _ = try Store(path: f.path).applyImport(ImportPlan(practitioner: ServiceFixture.rpps(1), source: "gp1-later.ics", horizonStart: f.start,
                                               horizonEnd: f.start.adding(seconds: 30 * 86_400), slots: planned,
                                               contentHash: SHA256.hexDigest(of: "gp1-later"), path: "/inbox/gp1-later.ics", now: f.start))
        let deadline = f.start.adding(seconds: 25 * 86_400)
        #expect(try Self.offered(f, deadline: deadline) == [f.start.adding(seconds: 7200).iso8601, later.iso8601, later.adding(seconds: 3600).iso8601])
        #expect(f.desk.slots.coveredWeeks.count > weeksBefore)
        #expect(try Self.book(f, try Self.slotID(f, at: later), request: "req-1")["error"] == nil)
        // Capped in that week only: this week's slot stays.
        #expect(try Self.offered(f, deadline: deadline) == [f.start.adding(seconds: 7200).iso8601])
    }

    /// Books offered slots one by one (a fixed pseudo-random pick) until none is offered: no booking of an
    /// offered slot is refused, and at the end every future free office slot is one the store refuses.
    @Test(arguments: [UInt64(1), 2, 3])
    func indexAndStoreAgreeOnCaps(_ seed: UInt64) throws {
        let hours: [Int64] = [2, 3, 5, 26, 30, 50, 98, 120, 166, 167, 170, 171, 190, 220, 260, 300]
        let f = try ServiceFixture(hours: hours, caps: [3, 2, 4])
        let deadline = f.start.adding(seconds: 13 * 86_400)
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        var n = 0
        while true {
            let params = #"{"commune":"78517","deadline":"\#(deadline.iso8601)","limit":100,"at":"\#(f.start.iso8601)"}"#
            let ids = try #require(f.rpc("slots.find", params))["result.slots"]!.list
                .filter { $0["mode"]?.text == "AMB" }.compactMap { $0["slot"]?.integer }
            if ids.isEmpty { break }
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let pick = ids[Int((state >> 33) % UInt64(ids.count))]
            let answer = try Self.book(f, pick, request: "req-\(n)")
            #expect(answer["error"] == nil, "slot \(pick) was offered but the store refused it")
            n += 1
            if n > 100 { break }
        }
        // 8 office slots a GP in each of the two weeks (the week ends at t0 + 159 h): each week, each GP's cap.
        #expect(n == (3 + 2 + 4) * 2)
        for gp in 1...3 {
            for slot in try f.store.slots(practitioner: ServiceFixture.rpps(gp), from: f.start, to: deadline)
            where slot.status == .free && slot.mode == .office {
                let answer = try Self.book(f, slot.id, request: "late-\(slot.id)")
                #expect(answer["error.data.code"]?.text == "cap-reached", "slot \(slot.id) of GP \(gp) was hidden but the store takes it")
            }
        }
    }
}
