import Testing
import SlotMatchService

/// Deterministically mutated requests (bytes flipped, dropped, duplicated, truncated): the server never
/// traps, every answer is one valid JSON-RPC response (or nothing, for a notification), and a good request
/// still works afterwards.
@Suite struct RPCMutationTests {
    static let seeds: [String] = [
        #"{"jsonrpc":"2.0","id":1,"method":"slots.find","params":{"commune":"78517","urgency":"same-day","modes":["AMB","VR"],"limit":3}}"#,
        #"{"jsonrpc":"2.0","id":"x","method":"triage","params":{"reason":"fever_child","ageBand":"0-2","flags":["purpura"]}}"#,
        #"[{"jsonrpc":"2.0","id":2,"method":"stats"},{"jsonrpc":"2.0","method":"territory.get"}]"#,
        #"{"jsonrpc":"2.0","id":3,"method":"fhir.searchSlots","params":{"start":"2026-12-07T00:00:00Z","end":"2026-12-08T00:00:00Z"}}"#,
        #"{"jsonrpc":"2.0","id":4,"method":"requests.submit","params":{"request":"m-1","operator":"op","reason":"cystitis","location":{"lat":48.64,"lon":1.83}}}"#,
    ]

    struct Rng { var x: UInt64; mutating func next() -> Int { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return Int(x % 1_000_003) } }

    static let interesting: [UInt8] = Array("{}[]\",:0-9eE.\\u".utf8) + [0x00, 0x0A, 0xC3, 0xED, 0xFF, 0x80]

    @Test(arguments: 0..<seeds.count)
    func mutatedRequestsNeverBreakTheServer(_ which: Int) throws {
        let f = try ServiceFixture()
        var rng = Rng(x: 0x2545_F491_4F6C_DD1D &+ UInt64(which))
        for _ in 0..<400 {
            var bytes = Array(Self.seeds[which].utf8)
            for _ in 0...(rng.next() % 4) {
                guard !bytes.isEmpty else { break }
                let at = rng.next() % bytes.count
                switch rng.next() % 5 {
                case 0: bytes[at] = Self.interesting[rng.next() % Self.interesting.count]
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(bytes[at], at: at)
                case 3: bytes.removeLast(min(bytes.count, rng.next() % 8))
                default: bytes.insert(Self.interesting[rng.next() % Self.interesting.count], at: at)
                }
            }
            guard let answer = f.server.answer(line: bytes) else { continue }
            let value = try JSONReader.parse(answer)
            let responses: [JSONValue]
            if case .array(let items) = value { responses = items } else { responses = [value] }
            #expect(!responses.isEmpty)
            for r in responses {
                #expect(r["jsonrpc"] == .string("2.0"))
                #expect((r["result"] == nil) != (r["error"] == nil))
                if let code = r["error.code"]?.integer { #expect((-32700 ... -32000).contains(code)) }
            }
        }
        #expect(f.rpc("stats", id: 9)?["result.practitioners"]?.integer == 3)
    }
}
