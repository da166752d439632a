import Testing
import SlotMatchCore
import SlotMatchMatching
@testable import SlotMatchService
import SlotMatchStore

/// `slotmatch serve` writes `slots.find` answers straight into bytes (`SearchAnswer.write`, `RPCResult.rendered`);
/// the CLI and `requests.submit` build the tree (`SearchAnswer.json`). Every answer here is held byte for byte
/// to `JSONWriter` of the tree path's response, on a table of requests that covers each part of an answer.
@Suite struct SearchAnswerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let params: String
        /// What the answer must hold, so the table keeps covering that part of an answer.
        let expect: Expectation
        var testDescription: String { name }
    }

    enum Expectation: Sendable { case slots(Int), noSlotWithOffer, noSlotWithoutOffer, treatingKnown(Bool) }

    static let gp2 = ServiceFixture.rpps(2).digits
    /// A valid RPPS (Luhn) of no GP in the roster.
    static let stranger = ServiceFixture.rpps(77).digits

    static let cases: [Case] = [
        Case(name: "slots found", params: #"{"commune":"78517","urgency":"same-day","at":"2026-12-07T08:00:00Z"}"#, expect: .slots(5)),
        Case(name: "limit 1", params: #"{"commune":"78517","urgency":"within-48h","limit":1,"at":"2026-12-07T08:00:00Z"}"#, expect: .slots(1)),
        Case(name: "limit 100", params: #"{"commune":"78517","urgency":"within-48h","modes":["AMB","HH","VR"],"limit":100,"at":"2026-12-07T08:00:00Z"}"#,
             expect: .slots(18)),
        Case(name: "none, reasons and an outside-target offer", params: #"{"commune":"78517","urgency":"urgent","at":"2026-12-07T15:30:00Z"}"#,
             expect: .noSlotWithOffer),
        Case(name: "none, nothing within reach", params: #"{"location":{"lat":43.3,"lon":5.4},"urgency":"same-day","at":"2026-12-07T08:00:00Z"}"#,
             expect: .noSlotWithoutOffer),
        Case(name: "treating GP known", params: #"{"commune":"78517","urgency":"same-day","treatingGP":"\#(gp2)","at":"2026-12-07T08:00:00Z"}"#,
             expect: .treatingKnown(true)),
        Case(name: "treating GP unknown", params: #"{"commune":"78003","urgency":"same-day","treatingGP":"\#(stranger)","at":"2026-12-07T08:00:00Z"}"#,
             expect: .treatingKnown(false)),
        Case(name: "deadline, video and home visits", params: #"{"location":{"lat":48.64,"lon":1.83},"deadline":"2026-12-07T13:00:00Z","modes":["VR","HH"],"at":"2026-12-07T08:00:00Z"}"#,
             expect: .slots(2)),
        Case(name: "a GP name needing escapes", params: #"{"commune":"78220","urgency":"same-day","limit":1,"at":"2026-12-07T08:00:00Z"}"#,
             expect: .slots(1)),
    ]

    /// A fixture with more office slots and a fourth GP in 78220 (a commune the others are not in), whose name needs
    /// JSON escapes: quote, backslash, a tab and non-ASCII letters.
    static func fixture() throws -> ServiceFixture {
        let f = try ServiceFixture(hours: [2, 3, 5, 7, 26])
        let rpps = ServiceFixture.rpps(4)
        let gp = Practitioner(rpps: rpps, displayName: "Dr Zoé \"Zo\" O\\Brien\tß", site: PracticeSite(communeInsee: "78220"),
                              modes: [.office], weeklySNPCap: 20)
        // Written through another connection, as `roster import` would: the desk's next query sees the change.
        let other = try Store(path: f.path)
        _ = try other.upsertPractitioners([gp], at: f.start)
        let planned = [PlannedSlot(start: f.start.adding(seconds: 3600), end: f.start.adding(seconds: 4800))]
        _ = try other.applyImport(ImportPlan(practitioner: rpps, source: "gp4.ics", horizonStart: f.start,
                                               horizonEnd: f.start.adding(seconds: 14 * 86_400), slots: planned,
                                               contentHash: SHA256.hexDigest(of: "gp4.ics"), path: "/inbox/gp4.ics", now: f.start))
        return f
    }

    /// The response line the tree path gives: the desk's `call` (the CLI's way in) written by `JSONWriter`.
    static func treeLine(_ f: ServiceFixture, params: String, id: JSONValue) throws -> [UInt8] {
        let result = try f.desk.call("slots.find", try object(params))
        return JSONWriter.bytes(.members([("jsonrpc", .string("2.0")), ("result", result), ("id", id)]))
    }

    struct NotAnObject: Error {}

    static func object(_ text: String) throws -> JSONObject {
        guard case .object(let object) = try JSONReader.parse(Array(text.utf8)) else { throw NotAnObject() }
        return object
    }

    @Test(arguments: cases)
    func serveAnswersTheTreeBytes(_ c: Case) throws {
        let f = try Self.fixture()
        let reference = try Self.treeLine(f, params: c.params, id: .int(7))
        let line = #"{"jsonrpc":"2.0","id":7,"method":"slots.find","params":"# + c.params + "}"
        let served = try #require(f.server.answer(line: Array(line.utf8)))
        #expect(String(decoding: served, as: UTF8.self) == String(decoding: reference, as: UTF8.self))
        // The table keeps covering what its name says.
        let answer = try JSONReader.parse(served)
        let slots = answer["result.slots"]?.list ?? []
        switch c.expect {
        case .slots(let n): #expect(slots.count == n)
        case .noSlotWithOffer:
            #expect(slots.isEmpty)
            #expect(answer["result.reasons"]?.list.isEmpty == false)
            #expect(answer["result.outsideTarget.outsideTarget"] == .bool(true))
        case .noSlotWithoutOffer:
            #expect(slots.isEmpty)
            #expect(answer["result.reasons"]?.list.isEmpty == false)
            #expect(answer["result.outsideTarget"] == .null)
        case .treatingKnown(let known):
            #expect(!slots.isEmpty)
            #expect(answer["result.treatingGPKnown"] == .bool(known))
        }
        if c.name.contains("escapes") {
            #expect(slots.first?["practitioner.name"]?.text == "Dr Zoé \"Zo\" O\\Brien\tß")
            #expect(served.contains(0x5C))
        }
    }

    /// String ids (with escapes) and null are echoed as `JSONWriter` writes them, and a batch mixing a search, a
    /// notification and an error is the array of the tree path's responses.
    @Test func idsAndBatches() throws {
        let f = try Self.fixture()
        let params = Self.cases[0].params
        for (idText, id) in [(#""a\"b\\c""#, JSONValue.string("a\"b\\c")), ("null", .null), ("12345678901234567890", try JSONReader.parse(Array("12345678901234567890".utf8)))] {
            let line = #"{"jsonrpc":"2.0","id":\#(idText),"method":"slots.find","params":\#(params)}"#
            let served = try #require(f.server.answer(line: Array(line.utf8)))
            #expect(served == (try Self.treeLine(f, params: params, id: id)))
        }
        let batch = "[" + [#"{"jsonrpc":"2.0","id":1,"method":"slots.find","params":\#(params)}"#,
                           #"{"jsonrpc":"2.0","method":"slots.find","params":\#(params)}"#,
                           #"{"jsonrpc":"2.0","id":2,"method":"slots.find","params":{"commune":"78517"}}"#,
                           #"{"jsonrpc":"2.0","id":3,"method":"slots.find","params":\#(Self.cases[3].params)}"#].joined(separator: ",") + "]"
        let served = try #require(f.server.answer(line: Array(batch.utf8)))
        let error: RPCError
        do {
            _ = try f.desk.call("slots.find", try Self.object(#"{"commune":"78517"}"#))
            Issue.record("slots.find without urgency or deadline was answered")
            return
        } catch let e as RPCError { error = e }
        let expected: JSONValue = .array([
            try JSONReader.parse(try Self.treeLine(f, params: params, id: .int(1))),
            .members([("jsonrpc", .string("2.0")), ("error", error.json), ("id", .int(2))]),
            try JSONReader.parse(try Self.treeLine(f, params: Self.cases[3].params, id: .int(3))),
        ])
        #expect(String(decoding: served, as: UTF8.self) == JSONWriter.string(expected))
    }

    /// A notification-only batch still gets no line at all.
    @Test func notificationOnlyBatchGetsNothing() throws {
        let f = try Self.fixture()
        let one = #"{"jsonrpc":"2.0","method":"slots.find","params":\#(Self.cases[0].params)}"#
        #expect(f.server.answer(line: Array("[\(one),\(one)]".utf8)) == nil)
    }

    @Test(arguments: [Int64(0), 1, 9, 10, 99, 100, -1, -9, -10, -240, 1_796_630_400, Int64.max, Int64.min, Int64.min + 1])
    func integersAsJSONValueWritesThem(_ v: Int64) {
        var out: [UInt8] = []
        JSONWriter.writeInteger(v, into: &out)
        #expect(out == JSONWriter.bytes(.int(v)))
    }

    @Test(arguments: [Int64(0), 1_796_630_400, -1, -62_167_219_200, -62_167_219_201, 253_402_300_799, 253_402_300_800, Int64(1) << 40, -(Int64(1) << 40)])
    func instantsAsTheStringWritesThem(_ seconds: Int64) {
        let instant = Instant(secondsSinceEpoch: seconds)
        var out: [UInt8] = [0x2C]
        InstantText.writeQuoted(instant, into: &out)
        #expect(out == [0x2C] + JSONWriter.bytes(.string(instant.iso8601)))
    }

    @Test func textTableHoldsEachValuesCompactText() {
        let values: [JSONValue] = [.members([("rpps", .string("10000001008")), ("name", .string("Dr \"Q\"\u{7F}é"))]), .null, .array([.int(-3), .bool(true)]), .string("")]
        let table = JSONTextTable(values)
        #expect(table.count == values.count)
        for (i, v) in values.enumerated() {
            var out: [UInt8] = [0x5B]
            table.write(i, into: &out)
            #expect(out == [0x5B] + JSONWriter.bytes(v))
            #expect(Array(table[i]) == JSONWriter.bytes(v))
        }
    }

    /// Without a store: a GP object too long for a slot's scratch (so the slot is written straight into the
    /// array), instants whose year has no four digits, negative and large numbers, every reason, every mode.
    @Test(arguments: [5, 2_000])
    func bytesMatchTheTreeOnUnusualValues(_ nameLength: Int) {
        let practitioners: [JSONValue] = [
            .members([("rpps", .string("10000001015")), ("name", .string(String(repeating: "é\"", count: nameLength))), ("commune", .string("78517"))]),
            .members([("rpps", .string("10000001023")), ("name", .string("Dr \u{1}\u{7F}")), ("commune", .string("78003"))]),
        ]
        func slot(_ n: Int32, start: Int64, mode: ConsultationMode, outside: Bool) -> RankedSlot {
            RankedSlot(slotID: Int64.max - Int64(n), practitioner: n, start: start, end: start + 1200, mode: mode, cost: -7,
                       breakdown: CostBreakdown(travel: 0, wait: 1_000_000, treatingGP: -240, practitionerLoad: Int.min + 1, poleLoad: 9),
                       travelMinutes: 0, waitMinutes: 10, outsideTarget: outside)
        }
        let answers = [
            SearchAnswer(at: Instant(secondsSinceEpoch: -62_167_219_201), deadline: Instant(secondsSinceEpoch: 253_402_300_800),
                         modes: [.office, .homeVisit, .video], treatingGPKnown: false,
                         result: SearchResult(slots: [slot(0, start: 1_796_630_400, mode: .homeVisit, outside: false),
                                                      slot(1, start: 300_000_000_000, mode: .video, outside: true),
                                                      slot(0, start: -70_000_000_000, mode: .office, outside: false)])),
            SearchAnswer(at: Instant(secondsSinceEpoch: 0), deadline: Instant(secondsSinceEpoch: 1), modes: [], treatingGPKnown: true,
                         result: SearchResult(slots: [], reasons: NoSlotReason.allCases, outsideTargetOffer: slot(0, start: 86_400, mode: .office, outside: true))),
        ]
        let table = JSONTextTable(practitioners)
        for answer in answers {
            var out: [UInt8] = [0x5B]
            answer.write(into: &out, practitioners: table)
            #expect(String(decoding: out, as: UTF8.self) == "[" + JSONWriter.string(answer.json(practitioners: practitioners)))
        }
    }
}
