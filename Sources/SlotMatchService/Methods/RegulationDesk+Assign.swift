import SlotMatchBalance
import SlotMatchCore
import SlotMatchFlow
import SlotMatchMatching
import SlotMatchStore

extension RegulationDesk {
    /// Most requests one `requests.assign` call may assign jointly.
    public static let maximumAssignRequests = 500

    /// `requests.assign`: the optimal joint assignment of the given waiting requests (and only those) to the free
    /// slots, by the very model of `slotmatch balance` (`BalanceInputBuilder` + `BalancePlanner`: the search's cost,
    /// weekly SNP caps, hard deadlines, urgency-weighted penalty for a request left without a slot, convex GP and pole
    /// load costs). Every other appointment, pending or booked, stays where it is and counts in the GPs' loads.
    /// With `apply: true` the proposals are booked as `pending` appointments (awaiting the patient's confirmation) in
    /// one transaction (`Store.applyBalance`, audited); a slot taken meanwhile is skipped and reported.
    func assign(_ p: ParamReader) throws(RPCError) -> JSONValue {
        let at = try instant(p)
        let ids = try readAssignRequests(p)
        let operatorID = try p.identifier("operator")
        let apply = try p.optionalBool("apply") ?? false
        try p.finish()

        // Each id must be a stored request still waiting for a slot.
        var stored: [StoredRequest] = []
        for (i, id) in ids.enumerated() {
            let path = p.childPath("requests") + "[\(i)]"
            guard let r = try storeCall({ try store.request(id: id) }) else {
                throw .invalidParams(path: path, "no request \(id) is stored", remedy: "Submit it first (requests.submit), or check the id.")
            }
            guard r.status == .pending else {
                throw .invalidParams(path: path, "request \(id) is not waiting for a slot (it is \(r.status.rawValue))",
                                     remedy: "Give only requests without an active appointment (status pending).")
            }
            stored.append(r)
        }

        // Online: one more request for the current window repairs its warm optimum (addRequest); anything else,
        // or a window whose slots, roster or loads changed, is a fresh solve that starts a new window.
        var window: AssignWindow
        var incremental = false
        if ids.count == 1, let warm = assignWindow, let grown = try grow(warm, with: stored[0], at: at) {
            window = grown; incremental = true
        } else {
            window = try freshWindow(stored, at: at)
        }
        assignWindow = window
        let input = window.input
        let assignment = window.solver.assignment
        let certified = window.solver.solution.verify(in: window.solver.network)
        let optimal = certified && (incremental ? window.exhaustive : window.provenFresh)

        var row: [String: Int] = [:]
        for (r, request) in input.requests.enumerated() { row[request.id] = r }
        var application: BalanceApplication?
        if apply {
            var moves: [PlannedMove] = []
            for r in stored {
                guard let i = row[r.request.id], assignment.slotOfRequest[i] >= 0 else { continue }
                let s = Int(assignment.slotOfRequest[i])
                let cost = window.edgeCost[Int64(i) << 32 | Int64(s)] ?? 0
                moves.append(PlannedMove(requestID: r.request.id, appointmentID: nil, fromSlotID: nil, toSlotID: input.slots[s].id,
                                         costDelta: cost - window.penalties[i]))
            }
            if !moves.isEmpty {
                assignWillApply?()
                application = try storeCall { try store.applyBalance(moves, operator: operatorID, weekZone: zone, now: at) }
                assignWindow = nil
                try storeCall { try slots.refreshIfStale(now: at, force: true) }
            }
        }

        // Per request, in the order given.
        var appointmentOf: [String: Int64] = [:]
        var skippedOf: [String: SkippedMove] = [:]
        if let application {
            for (m, id) in zip(application.applied, application.newAppointmentIDs) { appointmentOf[m.requestID] = id }
            for s in application.skipped { skippedOf[s.move.requestID] = s }
        }
        var assigned = 0
        var results: [JSONValue] = []
        for r in stored {
            let id = r.request.id
            var members: [(String, JSONValue)] = [("request", .string(id)), ("urgency", .string(r.request.urgency.rawValue))]
            guard let i = row[id] else {
                members += [("slot", .null), ("reason", .string(window.leftOut[id] ?? "no-gp-slot"))]
                results.append(.members(members)); continue
            }
            let s = assignment.slotOfRequest[i]
            guard s >= 0 else {
                members += [("slot", .null), ("reason", .string(window.hasCandidate.contains(Int32(i)) ? "taken-by-others" : "no-feasible-slot"))]
                results.append(.members(members)); continue
            }
            assigned += 1
            members.append(("slot", assignedSlotJSON(input: input, request: i, slot: Int(s),
                                                     cost: window.edgeCost[Int64(i) << 32 | Int64(s)] ?? 0, at: window.now)))
            if apply {
                if let a = appointmentOf[id] {
                    members += [("appointment", .int(a)), ("status", .string(AppointmentStatus.pending.rawValue))]
                } else if let k = skippedOf[id] {
                    members += [("appointment", .null), ("skipped", .members([("code", .string(k.code)), ("reason", .string(k.reason))]))]
                }
            }
            results.append(.members(members))
        }
        var answer: [(String, JSONValue)] = [
            ("at", .string(InstantText.iso8601(at))),
            ("assignments", .array(results)),
            ("assigned", .int(Int64(assigned))),
            ("unassigned", .int(Int64(stored.count - assigned))),
            ("totalCost", .int(assignment.cost)),
            ("optimal", .bool(optimal)),
            ("certified", .bool(certified)),
            ("incremental", .bool(incremental)),
            ("windowRequests", .int(Int64(input.requests.count))),
            ("applied", .bool(application != nil)),
        ]
        if let application {
            answer.append(("booked", .int(Int64(application.applied.count))))
            answer.append(("skipped", .int(Int64(application.skipped.count))))
        }
        return .members(answer)
    }

    var assignSettings: BalanceSettings { BalanceSettings(weights: search.weights, travel: territory.travel) }

    /// The planner's input for `requests` alone over [now, end): every other appointment, pending or booked,
    /// is fixed load (not movable here).
    func assignInput(_ requests: [StoredRequest], now: Instant, end: Instant) throws(RPCError) -> BalanceInputBuilder.Built {
        let snapshot = try storeCall { try store.balanceSnapshot(from: now, to: end, weekZone: zone) }
        let restricted = BalanceSnapshot(practitioners: snapshot.practitioners, freeSlots: snapshot.freeSlots, pendingAppointments: [],
                                         pendingAppointmentRequests: [], waitingRequests: requests,
                                         weekAppointments: snapshot.weekAppointments)
        return BalanceInputBuilder(territory: territory, zone: zone).input(from: restricted, now: now, horizonEnd: end)
    }

    /// A fresh exact solve of `requests` (BalancePlanner), as a new window.
    func freshWindow(_ requests: [StoredRequest], at: Instant) throws(RPCError) -> AssignWindow {
        // The horizon reaches the latest deadline among them (31 days at most): no slot later could be given.
        let latest = requests.compactMap(\.request.deadline).max() ?? at
        let end = Instant(secondsSinceEpoch: min(max(latest.secondsSinceEpoch + 1, at.secondsSinceEpoch + 60),
                                                 at.secondsSinceEpoch + 31 * 86_400))
        try refreshIndex(now: at)
        let sequence = try storeCall { try store.changeSequence() }
        let built = try assignInput(requests, now: at, end: end)
        let settings = assignSettings
        let plan = try storeCall { try BalancePlanner(settings: settings).plan(built.input) }
        guard let solver = plan.solver else { throw .internalError("the planner returned no solver") }
        var window = AssignWindow(sequence: sequence, now: at, horizonEnd: end, input: built.input, plan: plan, solver: solver,
                                  candidatesPerRequest: settings.candidatesPerRequest)
        window.provenFresh = plan.exactOverAllFeasibleSlots
        window.note(built)
        return window
    }

    /// The window with one more request, repaired by `addRequest`; nil when the window no longer stands (its slots,
    /// roster or loads changed, a slot in it has started, its clock is over a minute old, the request's deadline is
    /// past its horizon) or the request's candidates are not all its feasible slots: then the caller solves afresh.
    func grow(_ warm: AssignWindow, with request: StoredRequest, at: Instant) throws(RPCError) -> AssignWindow? {
        guard warm.exhaustive, at >= warm.now, at.secondsSinceEpoch - warm.now.secondsSinceEpoch <= AssignWindow.maximumAgeSeconds,
              !warm.input.requests.contains(where: { $0.id == request.request.id }),
              let deadline = request.request.deadline, deadline < warm.horizonEnd, deadline >= at,
              !warm.input.slots.contains(where: { $0.start <= at.secondsSinceEpoch }) else { return nil }
        // The change sequence first (cheap): no slot inserted, changed or removed since the window was read.
        let changes = try storeCall { try store.slotChanges(after: warm.sequence) }
        guard changes.slots.isEmpty, changes.removedSlotIDs.isEmpty else { return nil }
        // Then the planner's own input: same slots, same GPs with the same fixed loads.
        let built = try assignInput([request], now: warm.now, end: warm.horizonEnd)
        guard built.input.requests.count == 1, built.input.slots == warm.input.slots,
              built.input.practitioners == warm.input.practitioners else { return nil }
        let settings = assignSettings
        let single = try storeCall { try BalancePlanner(settings: settings).plan(built.input) }
        guard single.problem.edges.count < settings.candidatesPerRequest, let penalty = single.problem.requests.first?.unassignedPenalty
        else { return nil }
        var grown = warm
        do { try grown.add(built.input.requests[0], penalty: penalty, candidates: single.problem.edges) } catch {
            throw .invalidParams(error)
        }
        grown.sequence = changes.latest
        return grown
    }

    /// A stored waiting request's ids: 1 to 500 distinct ids.
    func readAssignRequests(_ p: ParamReader) throws(RPCError) -> [String] {
        guard p.has("requests") else { throw p.missing("requests", "an array of 1 to \(RegulationDesk.maximumAssignRequests) request ids") }
        let ids = try p.optionalArray("requests", of: "a request id", { id -> String? in
            let ok = !id.isEmpty && id.utf8.count <= 64 && id.utf8.allSatisfy { b in
                (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                    || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b == UInt8(ascii: "-")
            }
            return ok ? id : nil
        }) ?? []
        guard !ids.isEmpty else { throw p.invalid("requests", "no request is given", remedy: "Give at least one request id.") }
        guard ids.count <= RegulationDesk.maximumAssignRequests else {
            throw p.invalid("requests", "\(ids.count) requests are given, more than \(RegulationDesk.maximumAssignRequests)",
                            remedy: "Split the list into calls of at most \(RegulationDesk.maximumAssignRequests) requests.")
        }
        var seen = Set<String>()
        for (i, id) in ids.enumerated() where !seen.insert(id).inserted {
            throw .invalidParams(path: p.childPath("requests") + "[\(i)]", "request \(id) is listed twice", remedy: "List each request once.")
        }
        return ids
    }

    /// The slot given to a request, as `slots.find` shows a slot: practitioner, times, cost and its components.
    func assignedSlotJSON(input: BalanceInput, request r: Int, slot s: Int, cost: Int64, at: Instant) -> JSONValue {
        let slot = input.slots[s]
        let request = input.requests[r]
        let gp = input.practitioners[Int(slot.practitioner)]
        let w = search.weights
        // The search's own pricing (docs/ranking.md): travel from the live index's GP, wait from now, treating-GP bonus.
        let number = (try? RPPS(gp.id)).flatMap { slots.numberOfPractitioner[$0] }
        let travelMinutes = slot.mode == .video ? 0 : number.map { search.travelMinutes(from: request.location, toPractitioner: $0, in: slots.index) } ?? 0
        let waitMinutes = Int(max(0, slot.start - at.secondsSinceEpoch) / 60)
        let bonus = slot.practitioner == request.treatingPractitioner ? -w.treatingGPBonus : 0
        let commune = number.map { slots.practitioners[Int($0)].site.communeInsee } ?? ""
        return .members([
            ("slot", .int(slot.id)),
            ("practitioner", .members([("rpps", .string(gp.id)), ("name", .string(gp.displayName)), ("commune", .string(commune))])),
            ("start", .string(InstantText.iso8601(Instant(secondsSinceEpoch: slot.start)))),
            ("end", .string(InstantText.iso8601(Instant(secondsSinceEpoch: slot.end)))),
            ("mode", .string(slot.mode.rawValue)),
            ("cost", .int(cost)),
            ("components", .members([
                ("travel", .int(Int64(w.travelMinute * travelMinutes))), ("wait", .int(Int64(w.waitMinute * waitMinutes))),
                ("treatingGP", .int(Int64(bonus))),
            ])),
            ("travelMinutes", .int(Int64(travelMinutes))),
            ("waitMinutes", .int(Int64(waitMinutes))),
        ])
    }
}
