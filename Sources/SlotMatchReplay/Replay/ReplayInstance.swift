import SlotMatchCore
import SlotMatchMatching

/// A replay's inputs flattened into arrays once, shared by every policy: requests in time order with
/// their triage, GPs with their practice, slots grouped by GP and sorted by start, weekly cap cells
/// (GP × Paris ISO week of the slot), and for each patient place the GPs within reach sorted by travel.
///
/// Feasible (the same rule for every policy, so `hindsight` bounds them all): slot mode wanted; home
/// visit only within the GP's radius; start ≥ decision time + travel (video: + 0) and ≤ the latest start
/// allowed; the slot free; its cap cell below the GP's weekly cap; the GP within `maxTravelMinutes`.
/// Only slots the regulation line sees are kept (SNP for GPs in the SAS scheme, or CPTS).
public struct ReplayInstance: Sendable {
    public let territory: Territory
    public let zone: ZoneRules
    public let options: ReplayOptions
    public let records: [DemandRecord]
    public let practitioners: [Practitioner]

    // Requests (time order).
    public internal(set) var requestAt: [Int64] = []
    /// Latest start in target; -1 for vital and advice.
    public internal(set) var requestDeadline: [Int64] = []
    public internal(set) var requestLevel: [UrgencyLevel] = []
    var requestModes: [UInt8] = []
    var requestPlace: [Int32] = []
    public internal(set) var requestCommune: [Int32] = []
    public internal(set) var requestPole: [Int32] = []
    var requestTreating: [Int32] = []
    var requestPoint: [GeoPoint] = []

    // GPs.
    var gpLocation: [GeoPoint] = []
    var gpRadiusKm: [Double] = []
    var gpCap: [Int32] = []
    public internal(set) var gpPole: [Int32] = []

    // Slots, by GP then start.
    public internal(set) var slotStart: [Int64] = []
    var slotEnd: [Int64] = []
    var slotMode: [UInt8] = []
    var slotGP: [Int32] = []
    var slotCell: [Int32] = []
    var slotVisibility: [SlotVisibility] = []
    var gpFirstSlot: [Int32] = []
    /// The modes each GP's slots are in (ModeSet bits).
    var gpModes: [UInt8] = []
    /// Cap cells: (GP, week) → dense index; the cap of each.
    var cellLimit: [Int32] = []
    var cellIndex: [Int64: Int32] = [:]
    var cellWeek: [Int32] = []

    // Patient places: per place, GPs within reach sorted by (travel, GP).
    var placeFirst: [Int32] = []
    var candidateGP: [Int32] = []
    var candidateTravel: [Int32] = []
    var candidateKm: [Float] = []

    public var requestCount: Int { requestAt.count }
    public var slotCount: Int { slotStart.count }
    public var practitionerCount: Int { practitioners.count }

    /// Builds the instance; records are triaged (a reason code with `ruleBook`; a level as is) and sorted by
    /// (received, id). A commune that is not in the territory is an `InputError` naming the request.
    public init(territory: Territory, zone: ZoneRules, supply: ReplaySupply, demand: [DemandRecord],
                ruleBook: TriageRuleBook = .defaults, options: ReplayOptions = ReplayOptions()) throws(InputError) {
        self.territory = territory
        self.zone = zone
        self.options = options
        self.records = demand.sorted { ($0.receivedAt, $0.id) < ($1.receivedAt, $1.id) }
        var seen = Set<RPPS>()
        self.practitioners = supply.practitioners.filter { seen.insert($0.rpps).inserted }.sorted { $0.rpps < $1.rpps }
        try buildPractitioners()
        buildSlots(supply.slots)
        try buildRequests(ruleBook: ruleBook)
    }

    static func modeBits(_ modes: some Sequence<ConsultationMode>) -> UInt8 {
        modes.reduce(0) { $0 | ModeSet($1).rawValue }
    }

    mutating func buildPractitioners() throws(InputError) {
        let poleIndex = Dictionary(territory.poles.enumerated().map { ($1.id, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        for (i, p) in practitioners.enumerated() {
            let commune = territory.commune(insee: p.site.communeInsee)
            guard let location = p.site.location ?? commune?.location else {
                throw InputError(SourcePlace(jsonPath: "$.practitioners[\(i)]"),
                                 "the practice of \(p.displayName) (\(p.rpps)) has no coordinates and its commune \(p.site.communeInsee) is not in the territory",
                                 remedy: "Give the practice's commune as one of the territory's INSEE codes, or its coordinates.")
            }
            gpLocation.append(location)
            gpRadiusKm.append(max(0, p.homeVisitRadiusKm))
            gpCap.append(Int32(clamping: max(0, p.weeklySNPCap)))
            gpPole.append(territory.pole(ofCommune: p.site.communeInsee).flatMap { poleIndex[$0.id] } ?? -1)
        }
    }

    /// Monday-based week number of a local day count (1970-01-01 was a Thursday).
    static func weekNumber(localDays: Int64) -> Int64 { (localDays + 3 >= 0 ? (localDays + 3) / 7 : (localDays + 3 - 6) / 7) }

    mutating func buildSlots(_ slots: [Slot]) {
        var gpOf: [RPPS: Int32] = [:]
        for (i, p) in practitioners.enumerated() { gpOf[p.rpps] = Int32(i) }
        var kept: [(gp: Int32, slot: Slot)] = []
        for s in slots {
            guard let g = gpOf[s.practitioner], s.end > s.start, s.status == .free else { continue }
            let p = practitioners[Int(g)]
            let visible = s.visibility.contains(.cpts) || (s.visibility.contains(.snp) && p.participatesInSNP)
            guard visible else { continue }
            kept.append((g, s))
        }
        kept.sort { ($0.gp, $0.slot.start, $0.slot.end, $0.slot.mode.rawValue, $0.slot.id) < ($1.gp, $1.slot.start, $1.slot.end, $1.slot.mode.rawValue, $1.slot.id) }
        // The same slot published twice (two files, or the same window) is one slot.
        var unique: [(gp: Int32, slot: Slot)] = []
        for k in kept {
            if let last = unique.last, last.gp == k.gp, last.slot.start == k.slot.start, last.slot.mode == k.slot.mode { continue }
            unique.append(k)
        }
        gpFirstSlot = [Int32](repeating: 0, count: practitioners.count + 1)
        for k in unique {
            gpFirstSlot[Int(k.gp) + 1] += 1
            slotStart.append(k.slot.start.secondsSinceEpoch)
            slotEnd.append(k.slot.end.secondsSinceEpoch)
            slotMode.append(ModeSet(k.slot.mode).rawValue)
            slotGP.append(k.gp)
            slotVisibility.append(k.slot.visibility)
            let local = zone.localTime(of: k.slot.start).wallSeconds
            let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
            let week = ReplayInstance.weekNumber(localDays: days)
            let key = Int64(k.gp) << 32 | (week & 0xFFFF_FFFF)
            if let c = cellIndex[key] {
                slotCell.append(c)
            } else {
                let c = Int32(cellLimit.count)
                cellIndex[key] = c
                cellLimit.append(gpCap[Int(k.gp)])
                cellWeek.append(Int32(truncatingIfNeeded: week))
                slotCell.append(c)
            }
        }
        for g in 0 ..< practitioners.count { gpFirstSlot[g + 1] += gpFirstSlot[g] }
        gpModes = (0 ..< practitioners.count).map { g in
            (Int(gpFirstSlot[g]) ..< Int(gpFirstSlot[g + 1])).reduce(UInt8(0)) { $0 | slotMode[$1] }
        }
    }

    mutating func buildRequests(ruleBook: TriageRuleBook) throws(InputError) {
        var placeOfCommune: [Int32: Int32] = [:]
        var placeOfPoint: [GeoPoint: Int32] = [:]
        var places: [GeoPoint] = []
        var gpOf: [RPPS: Int32] = [:]
        for (i, p) in practitioners.enumerated() { gpOf[p.rpps] = Int32(i) }
        var nearestCache: [GeoPoint: Int32] = [:]
        for r in records {
            let point: GeoPoint
            let commune: Int32
            let place: Int32
            switch r.location {
            case .commune(let insee):
                guard let c = territory.communeIndex(insee: insee) else {
                    throw InputError(SourcePlace(jsonPath: "request \(r.id)"), "the commune \(insee) is not in the territory",
                                     remedy: "Use one of the territory's INSEE codes, or give the patient's lat and lon.")
                }
                commune = Int32(c)
                point = territory.communes[c].location
                if let p = placeOfCommune[commune] { place = p } else {
                    place = Int32(places.count); places.append(point); placeOfCommune[commune] = place
                }
            case .point(let p):
                point = p
                if let c = nearestCache[p] { commune = c } else {
                    var best = -1, bestKm = Double.infinity
                    for (ci, c) in territory.communes.enumerated() {
                        let km = c.location.distanceKilometres(to: p)
                        if km < bestKm { bestKm = km; best = ci }
                    }
                    commune = Int32(best)
                    nearestCache[p] = commune
                }
                if let q = placeOfPoint[p] { place = q } else {
                    place = Int32(places.count); places.append(p); placeOfPoint[p] = place
                }
            }
            // Triage: a level given is used as is; a reason code goes through the rule book.
            var level: UrgencyLevel
            var modes = Set(r.wantedModes)
            var deadline: Int64 = -1
            if let given = r.urgency {
                level = given
                if let d = ruleBook.delays.maximumDelaySeconds(for: given) { deadline = r.receivedAt.secondsSinceEpoch + d }
                if r.mobility == .bedridden && modes.contains(.office) { modes.remove(.office); modes.insert(.homeVisit) }
            } else {
                let decision = ruleBook.decide(TriageInput(reason: r.reason ?? "", flags: Set(r.flags), ageBand: r.ageBand,
                                                           mobility: r.mobility ?? .ambulant, receivedAt: r.receivedAt))
                level = decision.level
                if let d = decision.deadline { deadline = d.secondsSinceEpoch }
                let allowed = decision.modes.intersection(modes)
                modes = allowed.isEmpty ? decision.modes : allowed
            }
            if !level.mayReceiveSlot { deadline = -1 }
            if modes.isEmpty { modes = [.office] }
            requestAt.append(r.receivedAt.secondsSinceEpoch)
            requestDeadline.append(deadline)
            requestLevel.append(level)
            requestModes.append(ReplayInstance.modeBits(modes))
            requestPlace.append(place)
            requestCommune.append(commune)
            requestPole.append(commune >= 0 ? Int32(territory.poleIndexOfCommune[Int(commune)]) : -1)
            requestTreating.append(r.treatingGP.flatMap { gpOf[$0] } ?? -1)
            requestPoint.append(point)
        }
        // Candidate GPs per place, by travel.
        let travel = territory.travel
        placeFirst = [0]
        var list: [(minutes: Int32, gp: Int32, km: Float)] = []
        for p in places {
            list.removeAll(keepingCapacity: true)
            for g in 0 ..< practitioners.count {
                let minutes = travel.minutes(from: p, to: gpLocation[g])
                guard minutes <= options.maxTravelMinutes else { continue }
                list.append((Int32(minutes), Int32(g), Float(travel.roadKilometres(from: p, to: gpLocation[g]))))
            }
            list.sort { ($0.minutes, $0.gp) < ($1.minutes, $1.gp) }
            for c in list { candidateGP.append(c.gp); candidateTravel.append(c.minutes); candidateKm.append(c.km) }
            placeFirst.append(Int32(candidateGP.count))
        }
    }

    /// The patient's travel for a slot mode (home visit and video: 0).
    @inline(__always) static func patientTravel(mode: UInt8, travel: Int32) -> Int32 {
        mode == ModeSet.office.rawValue ? travel : 0
    }

    /// The first slot index of GP `g` starting at or after `t` (binary search).
    @inline(__always) func firstSlot(ofGP g: Int, notBefore t: Int64) -> Int {
        var lo = Int(gpFirstSlot[g]), hi = Int(gpFirstSlot[g + 1])
        while lo < hi {
            let mid = (lo + hi) >> 1
            if slotStart[mid] < t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Local hour (0…23) of an instant in the territory's zone.
    public func localHour(_ seconds: Int64) -> Int {
        zone.localTime(of: Instant(secondsSinceEpoch: seconds)).hour
    }

    /// The GP of a slot.
    public func practitioner(ofSlot s: Int32) -> Int32 { slotGP[Int(s)] }
}
