import SlotMatchCore
import SlotMatchFlow
import SlotMatchMatching

/// Runs a policy over a `ReplayInstance`: a discrete-event simulation in time order (calls, then the
/// window ends of a batch policy), deterministic because every tie is broken by index.
public struct ReplayEngine: Sendable {
    public let instance: ReplayInstance

    public init(_ instance: ReplayInstance) { self.instance = instance }

    /// The policy's outcome for every request; `progress` is told the share done (0…1) now and then.
    public func run(_ policy: ReplayPolicy, progress: ((Double) -> Void)? = nil) -> PolicyRun {
        switch policy {
        case .nearest: return runNearest(progress: progress)
        case .ranked: return runRanked(progress: progress)
        case .batch(let w): return runBatch(windowSeconds: max(60, w), progress: progress)
        case .hindsight: return runHindsight(progress: progress)
        case .logged: return runLogged()
        }
    }

    /// `hindsight` whose first network also offers each request the slots `runs` gave it in target, so the result
    /// is no worse than any of them (in target, then booking cost) even if pricing ran out of rounds.
    public func hindsight(including runs: [PolicyRun], progress: ((Double) -> Void)? = nil) -> PolicyRun {
        runHindsight(including: runs, progress: progress)
    }

    // MARK: shared pieces

    /// Outcome for a request that needs no slot (vital, advice), or nil.
    func noSlotOutcome(_ r: Int) -> RequestOutcome? {
        guard instance.requestDeadline[r] < 0 else { return nil }
        return RequestOutcome(status: instance.requestLevel[r] == .vital ? .samu : .advice)
    }

    /// Modes usable at candidate `c` for request `r` (home visits only within the GP's radius).
    @inline(__always) func modes(_ r: Int, candidate c: Int) -> UInt8 {
        var m = instance.requestModes[r]
        let g = Int(instance.candidateGP[c])
        if Double(instance.candidateKm[c]) > instance.gpRadiusKm[g] { m &= ~ModeSet.homeVisit.rawValue }
        return m
    }

    /// The closest GP's earliest feasible slot starting in [decision + travel, latest]; (slot, candidate).
    func nearest(_ r: Int, decisionAt: Int64, latest: Int64, state: inout ReplayState) -> (slot: Int, candidate: Int)? {
        let place = Int(instance.requestPlace[r])
        let video = ModeSet.video.rawValue
        let candidates = Int(instance.placeFirst[place]) ..< Int(instance.placeFirst[place + 1])
        guard !candidates.isEmpty else { return nil }
        // No free slot at all between the earliest possible start (the closest GP's travel, or now for video) and the latest.
        let soonest = decisionAt + (instance.requestModes[r] & video != 0 ? 0 : Int64(instance.candidateTravel[candidates.lowerBound]) * 60)
        guard state.anyFree(modes: instance.requestModes[r], from: soonest, to: latest) else { return nil }
        for c in candidates {
            let m = modes(r, candidate: c) & instance.gpModes[Int(instance.candidateGP[c])]
            if m == 0 { continue }
            let g = Int(instance.candidateGP[c])
            let travelSeconds = Int64(instance.candidateTravel[c]) * 60
            let earliestAny = decisionAt + (m & video != 0 ? 0 : travelSeconds)
            if earliestAny > latest {
                if instance.requestModes[r] & video == 0 { break }  // candidates come by travel: the rest start later still
                continue
            }
            if state.gpNextStart[g] > latest { continue }  // nothing free before the deadline: skip without reading slots
            let end = Int(instance.gpFirstSlot[g + 1])
            // Decisions come in time order: the GP's cursor only moves forward.
            var s0 = Int(state.cursor[g])
            if state.gpNextStart[g] < decisionAt {
                while s0 < end && instance.slotStart[s0] < decisionAt { s0 += 1 }
                state.cursor[g] = Int32(s0)
                state.refreshNextStart(gp: g, slotStart: instance.slotStart)
                if state.gpNextStart[g] > latest { continue }
            }
            while s0 < end && instance.slotStart[s0] < earliestAny { s0 += 1 }
            var s = state.free(from: s0)
            while s < end && instance.slotStart[s] <= latest {
                let sm = instance.slotMode[s]
                if sm & m != 0 && (sm == video || instance.slotStart[s] >= decisionAt + travelSeconds)
                    && state.cellUsed[Int(instance.slotCell[s])] < instance.cellLimit[Int(instance.slotCell[s])] {
                    return (s, c)
                }
                s = state.free(from: s + 1)
            }
        }
        return nil
    }

    /// Books slot `s` for request `r` reached through candidate `c`.
    func book(_ r: Int, slot s: Int, candidate c: Int, state: inout ReplayState) -> RequestOutcome {
        state.book(slot: s, cell: Int(instance.slotCell[s]), mode: instance.slotMode[s], start: instance.slotStart[s],
                   gp: Int(instance.slotGP[s]), slotStart: instance.slotStart)
        let start = instance.slotStart[s]
        let inTarget = start <= instance.requestDeadline[r]
        return RequestOutcome(status: inTarget ? .servedInTarget : .servedOutsideTarget, slot: Int32(s),
                              practitioner: instance.slotGP[s],
                              travelMinutes: ReplayInstance.patientTravel(mode: instance.slotMode[s], travel: instance.candidateTravel[c]),
                              waitMinutes: Int32(clamping: (start - instance.requestAt[r]) / 60))
    }

    /// No slot in target: an online policy books the nearest outside target (up to the grace), else says why.
    func fallback(_ r: Int, decisionAt: Int64, state: inout ReplayState) -> RequestOutcome {
        let latest = instance.requestDeadline[r] + instance.options.outsideTargetGraceSeconds
        if instance.options.outsideTargetGraceSeconds > 0,
           let (s, c) = nearest(r, decisionAt: decisionAt, latest: latest, state: &state) {
            return book(r, slot: s, candidate: c, state: &state)
        }
        return RequestOutcome(status: .unserved, reason: diagnose(r, decisionAt: decisionAt, state: &state))
    }

    /// Why no slot in target could be given, from the slots of the GPs within reach.
    func diagnose(_ r: Int, decisionAt: Int64, state: inout ReplayState) -> UnservedReason {
        let place = Int(instance.requestPlace[r])
        let range = Int(instance.placeFirst[place]) ..< Int(instance.placeFirst[place + 1])
        guard !range.isEmpty else { return .nothingWithinReach }
        let latest = instance.requestDeadline[r]
        let video = ModeSet.video.rawValue
        var anyMode = false, inWindow = false, free = false
        for c in range {
            let m = modes(r, candidate: c)
            let g = Int(instance.candidateGP[c])
            if m & instance.gpModes[g] == 0 { continue }
            anyMode = true
            let travelSeconds = Int64(instance.candidateTravel[c]) * 60
            let end = Int(instance.gpFirstSlot[g + 1])
            var s = instance.firstSlot(ofGP: g, notBefore: decisionAt)
            while s < end && instance.slotStart[s] <= latest {
                let sm = instance.slotMode[s]
                if sm & m != 0 && instance.slotStart[s] >= decisionAt + (sm == video ? 0 : travelSeconds) {
                    inWindow = true
                    if !state.taken[s] { free = true; break }
                }
                s += 1
            }
            if free { break }
        }
        if !anyMode { return .modeUnavailable }
        if !inWindow { return .nothingBeforeDeadline }
        return free ? .allCapped : .slotsTaken
    }

    // MARK: nearest

    func runNearest(progress: ((Double) -> Void)?) -> PolicyRun {
        let n = instance.requestCount
        var state = ReplayState(instance)
        var outcomes: [RequestOutcome] = []
        outcomes.reserveCapacity(n)
        for r in 0 ..< n {
            if let o = noSlotOutcome(r) { outcomes.append(o); continue }
            let at = instance.requestAt[r]
            if let (s, c) = nearest(r, decisionAt: at, latest: instance.requestDeadline[r], state: &state) {
                outcomes.append(book(r, slot: s, candidate: c, state: &state))
            } else {
                outcomes.append(fallback(r, decisionAt: at, state: &state))
            }
            if let progress, r & 4095 == 0 { progress(Double(r) / Double(max(1, n))) }
        }
        return PolicyRun(policy: .nearest, outcomes: outcomes)
    }
}
