import SlotMatchCore
import SlotMatchMatching
import SlotMatchStore

/// The regulation line's operations over one store: triage, slot search, hold / book / cancel / outcome,
/// requests, reference data and the SAS aggregator's FHIR search. Each operation reads named parameters
/// (`ParamReader`) and answers a JSON result or an `RPCError`; `slotmatch serve` exposes them as JSON-RPC
/// methods and the CLI commands call the very same operations, so both take the same parameter names.
///
/// One desk per process and per store connection (not Sendable, like the store). The store is the authority:
/// every change is one `BEGIN IMMEDIATE` transaction there; the desk keeps the slot index in step.
public final class RegulationDesk {
    public let store: Store
    public let territory: Territory
    public let rules: TriageRuleBook
    public let search: SlotSearch
    /// The zone of the SNP week and of local times (the territory's).
    public let zone: ZoneRules
    public let slots: LiveSlotIndex
    /// The clock when a call gives no `at`.
    public var clock: () -> Instant
    public var log: (String) -> Void
    /// Next instant at which expired holds are swept back to free.
    var nextHoldSweep = Instant(secondsSinceEpoch: Int64.min)
    /// Called by `requests.assign` with `apply` after planning and before writing: the moment another process's
    /// booking may land (tests book a slot here to show it is skipped and reported, nothing half-written).
    public var assignWillApply: (() -> Void)?
    /// The warm optimum of `requests.assign`'s current window (nil until the first call, and after an `apply`).
    var assignWindow: AssignWindow?

    /// The methods, by name, in documentation order (`shutdown` is the RPC server's own).
    public static let methodNames = ["triage", "slots.find", "slots.hold", "slots.release", "appointments.book",
                                     "appointments.cancel", "appointments.outcome", "appointments.list", "requests.submit",
                                     "requests.assign",
                                     "territory.get", "practitioners.list", "stats", "fhir.searchSlots"]

    public init(store: Store, territory: Territory, rules: TriageRuleBook, weights: CostWeights, zone: ZoneRules,
                clock: @escaping () -> Instant, log: @escaping (String) -> Void = { _ in }) throws {
        self.store = store
        self.territory = territory
        self.rules = rules
        self.search = SlotSearch(weights: weights, travel: territory.travel)
        self.zone = zone
        self.clock = clock
        self.log = log
        slots = try LiveSlotIndex(store: store, territory: territory, weekZone: zone, now: clock())
    }

    /// Calls one operation by its method name.
    public func call(_ method: String, _ params: ParamReader) throws(RPCError) -> JSONValue {
        switch method {
        case "triage": return try triage(params)
        case "slots.find": return try find(params)
        case "slots.hold": return try hold(params)
        case "slots.release": return try release(params)
        case "appointments.book": return try book(params)
        case "appointments.cancel": return try cancel(params)
        case "appointments.outcome": return try outcome(params)
        case "appointments.list": return try listAppointments(params)
        case "requests.submit": return try submit(params)
        case "requests.assign": return try assign(params)
        case "territory.get": return try territoryInfo(params)
        case "practitioners.list": return try practitionerList(params)
        case "stats": return try statistics(params)
        case "fhir.searchSlots": return try fhirSearchSlots(params)
        default: throw .methodNotFound(method)
        }
    }

    /// Calls one operation with a params object (the CLI's way in).
    public func call(_ method: String, _ params: JSONObject) throws(RPCError) -> JSONValue {
        try call(method, ParamReader(params))
    }

    /// Calls one operation by its method name for the JSON-RPC server: `slots.find` answers its result already
    /// written (`SearchAnswer.write`: the same bytes as the tree `call` answers, without building it).
    public func callForServer(_ method: String, _ params: ParamReader) throws(RPCError) -> RPCResult {
        switch method {
        case "slots.find": return .rendered(try findText(params))
        default: return .value(try call(method, params))
        }
    }

    /// Registers every method on a JSON-RPC server.
    public func install(on server: RPCServer) {
        for name in RegulationDesk.methodNames {
            server.register(name, result: { [unowned self] params in try self.callForServer(name, params) })
        }
    }

    /// `at` when given, else the clock.
    func instant(_ params: ParamReader) throws(RPCError) -> Instant {
        try params.optionalInstant("at") ?? clock()
    }

    /// Runs a store operation, turning its errors into RPC errors (docs/service.md, "Errors").
    func storeCall<T>(_ body: () throws -> T) throws(RPCError) -> T {
        do { return try body() } catch let e as BookingError {
            throw RegulationDesk.rpcError(e)
        } catch let e as InputError {
            var path = e.place.jsonPath ?? "$.params"
            if path.hasPrefix("$.") && !path.hasPrefix("$.params") { path = "$.params" + path.dropFirst(1) }
            throw .invalidParams(path: path, e.problem, remedy: e.remedy)
        } catch let e as RPCError {
            throw e
        } catch let e as DatabaseError {
            log("store: \(e)")
            if e.resultCode == 5 || e.resultCode == 6 {  // SQLITE_BUSY, SQLITE_LOCKED
                throw .storeBusy("The database is busy (another process holds it). Try again in a moment.")
            }
            throw .internalError("the database failed: \(e.message)")
        } catch {
            log("store: \(error)")
            throw .internalError("\(error)")
        }
    }

    static func rpcError(_ e: BookingError) -> RPCError {
        let code: Int
        switch e {
        case .slotUnavailable: code = -32001
        case .holdExpired: code = -32002
        case .capReached: code = -32003
        case .notFound, .holdNotFound: code = -32004
        case .notAllowed: code = -32005
        }
        return RPCError(code: code, message: e.message, data: JSONObject([("code", .string(e.code))]))
    }

    /// Frees expired holds now and then (at most every 15 s of the clock), so searches see those slots again.
    @discardableResult
    func sweepExpiredHolds(now: Instant) -> Bool {
        guard now >= nextHoldSweep else { return false }
        nextHoldSweep = now.adding(seconds: 15)
        do {
            let freed = try store.releaseExpiredHolds(now: now, actor: "slotmatch-service")
            if freed > 0 { log("freed \(freed) expired hold(s)") }
            return freed > 0
        } catch {
            log("could not free expired holds: \(error)")
            return false
        }
    }

    /// Brings the index up to date before a query (other processes' commits).
    func refreshIndex(now: Instant) throws(RPCError) {
        let swept = sweepExpiredHolds(now: now)
        try storeCall { try slots.refreshIfStale(now: now, force: swept) }
    }
}
