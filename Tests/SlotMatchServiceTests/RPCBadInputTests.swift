import Testing
import SlotMatchService

/// The service's bad-input table: each line gets its documented error (code, data.code, data.path), and a
/// good request right after it still works on the same server.
@Suite struct RPCBadInputTests {
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var line: [UInt8]
        var code: Int
        var dataCode: String
        var path: String?
        var description: String { name }
        init(_ name: String, _ line: String, _ code: Int, _ dataCode: String, path: String? = nil) {
            self.name = name; self.line = Array(line.utf8); self.code = code; self.dataCode = dataCode; self.path = path
        }
        init(_ name: String, bytes: [UInt8], _ code: Int, _ dataCode: String) {
            self.name = name; self.line = bytes; self.code = code; self.dataCode = dataCode; self.path = nil
        }
    }

    static let find = #""method":"slots.find","params":{"#
    static let cases: [Case] = [
        Case("not JSON", "hello", -32700, "syntax"),
        Case("cut short", #"{"jsonrpc":"2.0","id":1"#, -32700, "syntax"),
        Case("trailing text", #"{"jsonrpc":"2.0","id":1,"method":"stats"} x"#, -32700, "syntax"),
        Case("invalid UTF-8", bytes: Array(#"{"jsonrpc":"2.0","id":1,"method":"st"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8), -32700, "invalid-utf8"),
        Case("overlong UTF-8", bytes: Array(#"{"jsonrpc":"2.0","id":1,"method":""#.utf8) + [0xC0, 0xAF] + Array(#""}"#.utf8), -32700, "invalid-utf8"),
        Case("UTF-8 surrogate", bytes: Array(#"{"id":1,"x":""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8), -32700, "invalid-utf8"),
        Case("lone surrogate escape", #"{"jsonrpc":"2.0","id":1,"method":"\udc00"}"#, -32700, "syntax"),
        Case("deep nesting", String(repeating: "[", count: 100) + String(repeating: "]", count: 100), -32700, "too-deep"),
        Case("duplicate key", #"{"jsonrpc":"2.0","id":1,"method":"stats","method":"shutdown"}"#, -32700, "duplicate-key"),
        Case("leading zero", #"{"jsonrpc":"2.0","id":01,"method":"stats"}"#, -32700, "syntax"),
        Case("control character in string", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"st\tats\"}", -32700, "syntax"),
        Case("a number, not a request", "42", -32600, "invalid-request", path: "$"),
        Case("empty batch", "[]", -32600, "invalid-request"),
        Case("wrong jsonrpc version", #"{"jsonrpc":"1.0","id":1,"method":"stats"}"#, -32600, "invalid-request", path: "$.jsonrpc"),
        Case("jsonrpc missing", #"{"id":1,"method":"stats"}"#, -32600, "invalid-request", path: "$.jsonrpc"),
        Case("id an object", #"{"jsonrpc":"2.0","id":{},"method":"stats"}"#, -32600, "invalid-request", path: "$.id"),
        Case("id a boolean", #"{"jsonrpc":"2.0","id":true,"method":"stats"}"#, -32600, "invalid-request", path: "$.id"),
        Case("method a number", #"{"jsonrpc":"2.0","id":1,"method":7}"#, -32600, "invalid-request", path: "$.method"),
        Case("unknown member", #"{"jsonrpc":"2.0","id":1,"method":"stats","extra":1}"#, -32600, "invalid-request", path: "$.extra"),
        Case("unknown method", #"{"jsonrpc":"2.0","id":1,"method":"slots.steal"}"#, -32601, "method-not-found"),
        Case("positional params", #"{"jsonrpc":"2.0","id":1,"method":"stats","params":[1]}"#, -32602, "invalid-params", path: "$.params"),
        Case("unknown param", #"{"jsonrpc":"2.0","id":1,"method":"stats","params":{"verbose":true}}"#, -32602, "invalid-params", path: "$.params.verbose"),
        Case("mode not a mode", #"{"jsonrpc":"2.0","id":1,"# + find + #""commune":"78517","urgency":"same-day","modes":["AMB","XX"]}}"#,
             -32602, "invalid-params", path: "$.params.modes[1]"),
        Case("mode not a string", #"{"jsonrpc":"2.0","id":1,"# + find + #""commune":"78517","urgency":"same-day","modes":["AMB",3]}}"#,
             -32602, "invalid-params", path: "$.params.modes[1]"),
        Case("modes not an array", #"{"jsonrpc":"2.0","id":1,"# + find + #""commune":"78517","urgency":"same-day","modes":"AMB"}}"#,
             -32602, "invalid-params", path: "$.params.modes"),
        Case("commune missing", #"{"jsonrpc":"2.0","id":1,"# + find + #""urgency":"same-day"}}"#, -32602, "invalid-params", path: "$.params.commune"),
        Case("commune a number", #"{"jsonrpc":"2.0","id":1,"# + find + #""commune":78517,"urgency":"same-day"}}"#, -32602, "invalid-params", path: "$.params.commune"),
        Case("commune unknown", #"{"jsonrpc":"2.0","id":1,"# + find + #""commune":"75056","urgency":"same-day"}}"#, -32602, "invalid-params", path: "$.params.commune"),
        Case("lat out of range", #"{"jsonrpc":"2.0","id":1,"# + find + #""location":{"lat":91,"lon":1.8},"urgency":"same-day"}}"#,
             -32602, "invalid-params", path: "$.params.location.lat"),
        Case("location extra member", #"{"jsonrpc":"2.0","id":1,"# + find + #""location":{"lat":48.6,"lon":1.8,"alt":3},"urgency":"same-day"}}"#,
             -32602, "invalid-params", path: "$.params.location.alt"),
        Case("limit a fraction", #"{"jsonrpc":"2.0","id":1,"# + find + #""commune":"78517","urgency":"same-day","limit":2.5}}"#,
             -32602, "invalid-params", path: "$.params.limit"),
        Case("limit zero", #"{"jsonrpc":"2.0","id":1,"# + find + #""commune":"78517","urgency":"same-day","limit":0}}"#,
             -32602, "invalid-params", path: "$.params.limit"),
        Case("limit null", #"{"jsonrpc":"2.0","id":1,"# + find + #""commune":"78517","urgency":"same-day","limit":null}}"#,
             -32602, "invalid-params", path: "$.params.limit"),
        Case("urgency unknown", #"{"jsonrpc":"2.0","id":1,"# + find + #""commune":"78517","urgency":"soon"}}"#, -32602, "invalid-params", path: "$.params.urgency"),
        Case("urgency vital", #"{"jsonrpc":"2.0","id":1,"# + find + #""commune":"78517","urgency":"vital"}}"#, -32005, "not-allowed"),
        Case("deadline not ISO", #"{"jsonrpc":"2.0","id":1,"# + find + #""commune":"78517","deadline":"tomorrow"}}"#, -32602, "invalid-params", path: "$.params.deadline"),
        Case("treating GP bad Luhn", #"{"jsonrpc":"2.0","id":1,"# + find + #""commune":"78517","urgency":"same-day","treatingGP":"10000001000"}}"#,
             -32602, "invalid-params", path: "$.params.treatingGP"),
        Case("hold without request", #"{"jsonrpc":"2.0","id":1,"method":"slots.hold","params":{"slot":1,"operator":"op"}}"#,
             -32602, "invalid-params", path: "$.params.request"),
        Case("hold slot a string", #"{"jsonrpc":"2.0","id":1,"method":"slots.hold","params":{"slot":"1","request":"r","operator":"op"}}"#,
             -32602, "invalid-params", path: "$.params.slot"),
        Case("hold ttl too long", #"{"jsonrpc":"2.0","id":1,"method":"slots.hold","params":{"slot":1,"request":"r","operator":"op","ttlSeconds":100000}}"#,
             -32602, "invalid-params", path: "$.params.ttlSeconds"),
        Case("operator with a space", #"{"jsonrpc":"2.0","id":1,"method":"slots.hold","params":{"slot":1,"request":"r","operator":"Jean Dupont"}}"#,
             -32602, "invalid-params", path: "$.params.operator"),
        Case("hold unknown slot", #"{"jsonrpc":"2.0","id":1,"method":"slots.hold","params":{"slot":999999,"request":"r-none","operator":"op"}}"#,
             -32004, "not-found"),
        Case("triage flag unknown", #"{"jsonrpc":"2.0","id":1,"method":"triage","params":{"reason":"fever_adult","flags":["sneezing"]}}"#,
             -32602, "invalid-params", path: "$.params.flags[0]"),
        Case("triage age band unknown", #"{"jsonrpc":"2.0","id":1,"method":"triage","params":{"reason":"fever_adult","ageBand":"42"}}"#,
             -32602, "invalid-params", path: "$.params.ageBand"),
        Case("book both hold and slot", #"{"jsonrpc":"2.0","id":1,"method":"appointments.book","params":{"hold":"H-1","slot":1,"request":"r","operator":"op"}}"#,
             -32602, "invalid-params", path: "$.params.slot"),
        Case("cancel reason unknown", #"{"jsonrpc":"2.0","id":1,"method":"appointments.cancel","params":{"appointment":1,"reason":"bored","operator":"op"}}"#,
             -32602, "invalid-params", path: "$.params.reason"),
        Case("fhir practitioner identifier", #"{"jsonrpc":"2.0","id":1,"method":"fhir.searchSlots","params":{"start":"2026-12-07T00:00:00Z","end":"2026-12-08T00:00:00Z","practitioner":["urn:oid:1.2.250.1.71.4.2.1|1234"]}}"#,
             -32602, "invalid-params", path: "$.params.practitioner[0]"),
        Case("shutdown with params", #"{"jsonrpc":"2.0","id":1,"method":"shutdown","params":{"now":true}}"#, -32602, "invalid-params", path: "$.params.now"),
    ]

    @Test(arguments: cases)
    func badInputGetsItsErrorAndTheNextRequestWorks(_ c: Case) throws {
        let f = try ServiceFixture()
        let bytes = try #require(f.server.answer(line: c.line))
        let answer = try JSONReader.parse(bytes)
        #expect(answer["jsonrpc"] == .string("2.0"))
        #expect(answer["error.code"]?.integer == Int64(c.code))
        #expect(answer["error.data.code"]?.text == c.dataCode)
        if let path = c.path { #expect(answer["error.data.path"]?.text == path) }
        #expect(answer["result"] == nil)
        #expect(f.server.isShuttingDown == false)
        // The same server still answers a good request.
        let good = try #require(f.rpc("stats", id: 7))
        #expect(good["id"] == .int(7))
        #expect(good["result.practitioners"]?.integer == 3)
        #expect(good["error"] == nil)
    }

    @Test func idIsEchoedExactlyOrNullWhenUnreadable() throws {
        let f = try ServiceFixture()
        let big = "123456789012345678901234567890"
        let line = String(decoding: try #require(f.server.answer(line: Array(#"{"jsonrpc":"2.0","id":\#(big),"method":"nope"}"#.utf8))), as: UTF8.self)
        #expect(line.hasSuffix(",\"id\":\(big)}"))
        let fraction = String(decoding: try #require(f.server.answer(line: Array(#"{"jsonrpc":"2.0","id":1.50,"method":"nope"}"#.utf8))), as: UTF8.self)
        #expect(fraction.hasSuffix(",\"id\":1.50}"))
        let s = try #require(f.answer(#"{"jsonrpc":"2.0","id":"abc","method":"nope"}"#))
        #expect(s["id"] == .string("abc"))
        let explicitNull = try #require(f.answer(#"{"jsonrpc":"2.0","id":null,"method":"stats"}"#))
        #expect(explicitNull["id"] == .null)
        #expect(explicitNull["result"] != nil)
        let parseError = try #require(f.answer("{"))
        #expect(parseError["id"] == .null)
    }

    @Test func notificationsGetNoAnswerEvenOnError() throws {
        let f = try ServiceFixture()
        #expect(f.answer(#"{"jsonrpc":"2.0","method":"stats"}"#) == nil)
        #expect(f.answer(#"{"jsonrpc":"2.0","method":"slots.steal"}"#) == nil)
        #expect(f.answer(#"{"jsonrpc":"2.0","method":"stats","params":{"bad":1}}"#) == nil)
        #expect(f.answer(#"[{"jsonrpc":"2.0","method":"stats"},{"jsonrpc":"2.0","method":"territory.get"}]"#) == nil)
    }

    /// The specification's own examples (JSON-RPC 2.0 §7): an invalid request without id is still answered, id null.
    @Test func invalidRequestsWithoutIdAreAnswered() throws {
        let f = try ServiceFixture()
        let a = try #require(f.answer(#"{"jsonrpc": "2.0", "method": 1, "params": "bar"}"#))
        #expect(a["error.code"]?.integer == -32600)
        #expect(a["id"] == .null)
        let b = try #require(f.answer(#"[1,2,3]"#))
        #expect(b.list.count == 3)
        #expect(b.list.allSatisfy { $0["error.code"]?.integer == -32600 && $0["id"] == .null })
        let c = try #require(f.answer(#"[{"foo": "boo"}, {"jsonrpc": "2.0", "method": "stats"}]"#))
        #expect(c.list.count == 1)
        #expect(c.list.first?["error.code"]?.integer == -32600)
        let d = try #require(f.answer(#"{"jsonrpc":"2.0","id":5,"method":"stats","params":"x"}"#))
        #expect(d["error.code"]?.integer == -32600)
        #expect(d["error.data.path"]?.text == "$.params")
        #expect(d["id"] == .int(5))
    }

    @Test func mixedBatchAnswersRequestsInOrder() throws {
        let f = try ServiceFixture()
        let a = try #require(f.answer(#"[{"jsonrpc":"2.0","id":"a","method":"stats"},{"jsonrpc":"2.0","method":"stats"},1,{"jsonrpc":"2.0","id":"b","method":"nope"},{"jsonrpc":"2.0","id":"c","method":"triage","params":{"reason":"ear_pain","ageBand":"3-15"}}]"#))
        let items = a.list
        #expect(items.count == 4)
        #expect(items[0]["id"] == .string("a"))
        #expect(items[0]["result.practitioners"]?.integer == 3)
        #expect(items[1]["error.code"]?.integer == -32600)
        #expect(items[1]["id"] == .null)
        #expect(items[2]["id"] == .string("b"))
        #expect(items[2]["error.code"]?.integer == -32601)
        #expect(items[3]["result.rule"]?.text == "otitis-child")
    }

    @Test func shutdownAnswersThenStops() throws {
        let f = try ServiceFixture()
        let a = try #require(f.rpc("shutdown", id: 3))
        #expect(a["result"] == .string("bye"))
        #expect(f.server.isShuttingDown)
    }
}
