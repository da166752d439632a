import SlotMatchCore
import SlotMatchMatching

extension ReplayEngine {
    /// At each call, the operator's search (`SlotSearch.find` over a `SlotIndex` kept in step with the
    /// bookings); the first of its ranked slots that passes the replay's shared feasibility rule is booked.
    /// The index's weekly counters follow the week of the call; the replay's own cap cells (week of the slot)
    /// are checked as well, so a booking is always one `hindsight` could make.
    func runRanked(progress: ((Double) -> Void)?) -> PolicyRun {
        let inst = instance
        let n = inst.requestCount
        var state = ReplayState(inst)
        var outcomes: [RequestOutcome] = []
        outcomes.reserveCapacity(n)
        let indexed = inst.practitioners.enumerated().map { i, p in
            IndexedPractitioner(location: inst.gpLocation[i], homeVisitRadiusKm: inst.gpRadiusKm[i], weeklyCap: inst.gpCap[i],
                                modes: ModeSet(rawValue: ReplayInstance.modeBits(p.modes) | inst.gpModes[i]),
                                participatesInSNP: p.participatesInSNP, pole: inst.gpPole[i])
        }
        let slots = (0 ..< inst.slotCount).map { s in
            IndexedSlot(id: Int64(s), practitioner: inst.slotGP[s], start: inst.slotStart[s], end: inst.slotEnd[s],
                        mode: ReplayEngine.mode(inst.slotMode[s]), visibility: inst.slotVisibility[s])
        }
        guard var index = try? SlotIndex(practitioners: indexed, slots: slots) else {
            return runNearest(progress: progress)  // cannot happen: the instance checked every practice's coordinates
        }
        let search = SlotSearch(weights: inst.options.weights, travel: inst.territory.travel)
        var currentWeek = Int64.min
        for r in 0 ..< n {
            if let o = noSlotOutcome(r) { outcomes.append(o); continue }
            let at = inst.requestAt[r]
            let week = inst.week(of: at)
            if week != currentWeek {
                currentWeek = week
                for g in 0 ..< inst.practitionerCount {
                    let used = inst.cellIndex[Int64(g) << 32 | (week & 0xFFFF_FFFF)].map { state.cellUsed[Int($0)] } ?? 0
                    index.adjustUsed(practitioner: Int32(g), by: used - index.practitioners[g].usedThisWeek)
                }
            }
            let query = SlotQuery(patient: inst.requestPoint[r], now: at, deadline: inst.requestDeadline[r],
                                  modes: ModeSet(rawValue: inst.requestModes[r]),
                                  treatingPractitioner: inst.requestTreating[r] >= 0 ? inst.requestTreating[r] : nil,
                                  limit: 8, maxTravelMinutes: inst.options.maxTravelMinutes)
            let result = search.find(query, in: index)
            var chosen: (slot: Int, candidate: Int)?
            for ranked in result.slots {
                if let c = feasibleCandidate(r, slot: Int(ranked.slotID), decisionAt: at, latest: inst.requestDeadline[r], state: &state) {
                    chosen = (Int(ranked.slotID), c); break
                }
            }
            if chosen == nil, let offer = result.outsideTargetOffer,
               let c = feasibleCandidate(r, slot: Int(offer.slotID), decisionAt: at,
                                         latest: inst.requestDeadline[r] + inst.options.outsideTargetGraceSeconds, state: &state) {
                chosen = (Int(offer.slotID), c)
            }
            if let (s, c) = chosen {
                outcomes.append(book(r, slot: s, candidate: c, state: &state))
                _ = index.remove(slotID: Int64(s))
                if inst.cellWeek[Int(inst.slotCell[s])] == Int32(truncatingIfNeeded: week) {
                    index.markUsed(practitioner: inst.slotGP[s])
                }
            } else {
                outcomes.append(RequestOutcome(status: .unserved, reason: diagnose(r, decisionAt: at, state: &state)))
            }
            if let progress, r & 1023 == 0 { progress(Double(r) / Double(max(1, n))) }
        }
        return PolicyRun(policy: .ranked, outcomes: outcomes)
    }

    /// The candidate (GP within reach of the request's place) through which slot `s` is feasible, or nil.
    func feasibleCandidate(_ r: Int, slot s: Int, decisionAt: Int64, latest: Int64, state: inout ReplayState) -> Int? {
        let inst = instance
        guard s >= 0, s < inst.slotCount, !state.taken[s],
              state.cellUsed[Int(inst.slotCell[s])] < inst.cellLimit[Int(inst.slotCell[s])] else { return nil }
        let g = inst.slotGP[s]
        let place = Int(inst.requestPlace[r])
        for c in Int(inst.placeFirst[place]) ..< Int(inst.placeFirst[place + 1]) where inst.candidateGP[c] == g {
            let m = modes(r, candidate: c)
            let sm = inst.slotMode[s]
            let earliest = decisionAt + (sm == ModeSet.video.rawValue ? 0 : Int64(inst.candidateTravel[c]) * 60)
            return sm & m != 0 && inst.slotStart[s] >= earliest && inst.slotStart[s] <= latest ? c : nil
        }
        return nil
    }

    static func mode(_ bits: UInt8) -> ConsultationMode {
        bits == ModeSet.homeVisit.rawValue ? .homeVisit : (bits == ModeSet.video.rawValue ? .video : .office)
    }
}
