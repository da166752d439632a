import SlotMatchCore
import SlotMatchMatching

extension ReplayEngine {
    /// The bookings the log records (`booked_start`, `booked_rpps`), judged by the same rules: in target when the
    /// slot starts by the triaged deadline. A booking matches the supply's slot of that GP and start when there is
    /// one (for the load figures); a GP outside the supply still counts as served. No outcome: unserved (`not-booked`). Not bounded by `hindsight` (the history may have used slots the supply lacks).
    func runLogged() -> PolicyRun {
        let inst = instance
        var state = ReplayState(inst)
        var gpOf: [RPPS: Int] = [:]
        for (i, p) in inst.practitioners.enumerated() { gpOf[p.rpps] = i }
        var outcomes: [RequestOutcome] = []
        outcomes.reserveCapacity(inst.requestCount)
        for (r, record) in inst.records.enumerated() {
            if let o = noSlotOutcome(r) { outcomes.append(o); continue }
            guard let start = record.outcome.bookedStart?.secondsSinceEpoch else {
                outcomes.append(RequestOutcome(status: .unserved, reason: .notBooked))
                continue
            }
            let status: ReplayStatus = start <= inst.requestDeadline[r] ? .servedInTarget : .servedOutsideTarget
            let wait = Int32(clamping: max(0, start - inst.requestAt[r]) / 60)
            var slot: Int32 = -1, gp: Int32 = -1
            var travel = Int32(0)
            if let rpps = record.outcome.practitioner, let g = gpOf[rpps] {
                gp = Int32(g)
                let s = inst.firstSlot(ofGP: g, notBefore: start)
                var mode = ModeSet.office.rawValue
                if s < Int(inst.gpFirstSlot[g + 1]) && inst.slotStart[s] == start && !state.taken[s] {
                    slot = Int32(s)
                    mode = inst.slotMode[s]
                    state.book(slot: s, cell: Int(inst.slotCell[s]), mode: mode, start: start)
                }
                let minutes = inst.territory.travel.minutes(from: inst.requestPoint[r], to: inst.gpLocation[g])
                travel = ReplayInstance.patientTravel(mode: mode, travel: Int32(clamping: minutes))
            }
            outcomes.append(RequestOutcome(status: status, slot: slot, practitioner: gp, travelMinutes: travel, waitMinutes: wait))
        }
        return PolicyRun(policy: .logged, outcomes: outcomes)
    }
}
