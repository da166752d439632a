import SlotMatchCore
import SlotMatchService
import SlotMatchStore

/// The demo's scripted operator session, piped through the JSON-RPC service in process: triage, submit,
/// find, hold, book, a second operator's losing hold on the same slot, cancel. Each step is the request
/// line exactly as a client would send it to `slotmatch serve`, and the answer line it gets back.
struct DemoSession {
    var steps: [(request: String, answer: String)] = []
    /// Runs the session on `store` (a fresh demo database with the roster and the imported Schedules/).
    static func run(_ context: CommandContext, store: Store, territory: Territory) throws -> DemoSession {
        var session = DemoSession()
        let now = context.now
        let roster = try store.practitioners()
        let desk = try RegulationDesk(store: store, territory: territory, rules: try DeskSession.rules(context), weights: .defaults,
                                      zone: try territory.zoneRules(), clock: { now })
        let server = RPCServer()
        desk.install(on: server)
        let commune = roster.first?.site.communeInsee ?? "78517"
        var id = 0
        func send(_ method: String, _ params: String) -> ServiceValue? {
            id += 1
            let line = "{\"jsonrpc\":\"2.0\",\"id\":\(id),\"method\":\"\(method)\",\"params\":\(params)}"
            let answer = server.answer(line: Array(line.utf8)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            session.steps.append((line, answer))
            return try? JSONReader.parse(answer)
        }
        func member(_ v: ServiceValue?, _ path: String...) -> ServiceValue? {
            var current = v
            for key in path {
                switch current {
                case .object(let o)?: current = o[key]
                case .array(let a)?: current = Int(key).flatMap { $0 < a.count ? a[$0] : nil }
                default: return nil
                }
            }
            return current
        }
        _ = send("triage", #"{"reason":"fever_adult","ageBand":"16-64","mobility":"ambulant"}"#)
        _ = send("requests.submit", #"{"request":"demo-call-1","operator":"op-anna","reason":"fever_adult","ageBand":"16-64","commune":"\#(commune)","limit":3}"#)
        let found = send("slots.find", #"{"commune":"\#(commune)","urgency":"within-24h","modes":["AMB"],"limit":3}"#)
        guard case .number(let slot)? = member(found, "result", "slots", "0", "slot") else { return session }
        let hold = send("slots.hold", #"{"slot":\#(slot.text),"request":"demo-call-1","operator":"op-anna","ttlSeconds":120}"#)
        guard case .string(let holdID)? = member(hold, "result", "hold") else { return session }
        let booked = send("appointments.book", #"{"hold":"\#(holdID)","request":"demo-call-1","operator":"op-anna"}"#)
        _ = send("requests.submit", #"{"request":"demo-call-2","operator":"op-bruno","reason":"sore_throat","commune":"\#(commune)","limit":1}"#)
        _ = send("slots.hold", #"{"slot":\#(slot.text),"request":"demo-call-2","operator":"op-bruno"}"#)
        if case .number(let appointment)? = member(booked, "result", "appointment") {
            _ = send("appointments.cancel", #"{"appointment":\#(appointment.text),"reason":"patient-cancelled","operator":"op-anna"}"#)
        }
        return session
    }
}
