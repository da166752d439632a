import SlotMatchCore

/// Everything a replay reports for one policy: KPIs overall and by urgency, pole and commune; the load of
/// each GP and pole; cap pressure; the wait of every request served (for the distributions); and the gap
/// to `hindsight` (requests it serves in target that this policy does not), when hindsight was run.
public struct PolicyKPIs: Sendable, Hashable {
    public var policy: String
    public var exact: Bool
    public var overall: KPIGroup
    public var byUrgency: [KPIGroup]
    public var byPole: [KPIGroup]
    public var byCommune: [KPIGroup]
    public var practitioners: [PracticeLoad]
    public var poles: [PracticeLoad]
    public var capPressure: PracticeLoad
    /// Minutes, in request order, of requests served.
    public var waits: [Int32]
    public var gapToHindsight: Int?

    /// Computes the KPIs of a run.
    public init(run: PolicyRun, instance inst: ReplayInstance) {
        policy = run.policy.description
        exact = run.exact
        var all = Accumulator(key: "all")
        var urg = UrgencyLevel.allCases.map { Accumulator(key: $0.rawValue) }
        var pol = inst.territory.poles.map { Accumulator(key: $0.id) }
        var com = inst.territory.communes.map { Accumulator(key: $0.insee) }
        waits = []
        for (r, o) in run.outcomes.enumerated() {
            all.add(o)
            if let u = UrgencyLevel.allCases.firstIndex(of: inst.requestLevel[r]) { urg[u].add(o) }
            let p = Int(inst.requestPole[r]); if p >= 0 && p < pol.count { pol[p].add(o) }
            let c = Int(inst.requestCommune[r]); if c >= 0 && c < com.count { com[c].add(o) }
            if o.status == .servedInTarget || o.status == .servedOutsideTarget { waits.append(o.waitMinutes) }
        }
        overall = all.finished
        byUrgency = urg.filter { $0.group.requests > 0 }.map(\.finished)
        byPole = pol.map(\.finished)
        byCommune = com.filter { $0.group.requests > 0 }.map(\.finished)
        // Load.
        var gp = inst.practitioners.map { PracticeLoad(key: $0.rpps.digits) }
        var pl = inst.territory.poles.map { PracticeLoad(key: $0.id) }
        var cellBooked = [Int32](repeating: 0, count: inst.cellLimit.count)
        for s in 0 ..< inst.slotCount { gp[Int(inst.slotGP[s])].slotsOffered += 1 }
        for o in run.outcomes where o.practitioner >= 0 {
            gp[Int(o.practitioner)].booked += 1
            if o.slot >= 0 { cellBooked[Int(inst.slotCell[Int(o.slot)])] += 1 }
        }
        var cellGP = [Int32](repeating: -1, count: inst.cellLimit.count)
        for s in 0 ..< inst.slotCount { cellGP[Int(inst.slotCell[s])] = inst.slotGP[s] }
        var pressure = PracticeLoad(key: "all")
        for cell in cellGP.indices where cellGP[cell] >= 0 {
            let g = Int(cellGP[cell])
            gp[g].weeksWithSupply += 1
            if cellBooked[cell] >= inst.cellLimit[cell] { gp[g].weeksAtCap += 1 }
        }
        for (g, load) in gp.enumerated() {
            pressure.slotsOffered += load.slotsOffered; pressure.booked += load.booked
            pressure.weeksWithSupply += load.weeksWithSupply; pressure.weeksAtCap += load.weeksAtCap
            let p = Int(inst.gpPole[g])
            guard p >= 0 && p < pl.count else { continue }
            pl[p].slotsOffered += load.slotsOffered; pl[p].booked += load.booked
            pl[p].weeksWithSupply += load.weeksWithSupply; pl[p].weeksAtCap += load.weeksAtCap
        }
        practitioners = gp
        poles = pl
        capPressure = pressure
        gapToHindsight = nil
    }

    /// Sets `gapToHindsight` on each of `kpis` from the hindsight entry among them, if any.
    public static func withGaps(_ kpis: [PolicyKPIs]) -> [PolicyKPIs] {
        guard let bound = kpis.first(where: { $0.policy == "hindsight" }) else { return kpis }
        return kpis.map { var k = $0; k.gapToHindsight = bound.overall.servedInTarget - k.overall.servedInTarget; return k }
    }

    struct Accumulator {
        var group: KPIGroup
        var travel: [Int32] = []
        var wait: [Int32] = []
        init(key: String) { group = KPIGroup(key: key) }

        mutating func add(_ o: RequestOutcome) {
            group.requests += 1
            switch o.status {
            case .servedInTarget: group.needingSlot += 1; group.servedInTarget += 1
            case .servedOutsideTarget: group.needingSlot += 1; group.servedOutsideTarget += 1
            case .unserved:
                group.needingSlot += 1; group.unserved += 1
                if let reason = o.reason { group.unservedByReason[reason, default: 0] += 1 }
            case .samu: group.samu += 1
            case .advice: group.advice += 1
            }
            if o.status == .servedInTarget || o.status == .servedOutsideTarget {
                travel.append(o.travelMinutes); wait.append(o.waitMinutes)
            }
        }

        var finished: KPIGroup {
            var g = group
            g.travelP50 = Accumulator.percentile(travel, 50); g.travelP90 = Accumulator.percentile(travel, 90)
            g.waitP50 = Accumulator.percentile(wait, 50); g.waitP90 = Accumulator.percentile(wait, 90)
            return g
        }

        /// Nearest-rank percentile (the smallest value with at least p % of values at or below it); 0 when empty.
        static func percentile(_ values: [Int32], _ p: Int) -> Int {
            guard !values.isEmpty else { return 0 }
            let sorted = values.sorted()
            let rank = max(1, (p * sorted.count + 99) / 100)
            return Int(sorted[rank - 1])
        }
    }
}
