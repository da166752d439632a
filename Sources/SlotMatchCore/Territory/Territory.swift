/// The area a CPTS serves: its communes, its poles of GP care, how people travel, and its clock.
///
/// Built once from the territory file; every lookup afterwards is by integer index or INSEE code.
public struct Territory: Sendable {
    public var name: String
    /// IANA name of the zone local times are read and shown in (`Europe/Paris`).
    public var timeZoneIdentifier: String
    public private(set) var communes: [Commune]
    public private(set) var poles: [Pole]
    public var travel: TravelModel
    /// For each commune (same index as `communes`), the index in `poles` of the pole it belongs to.
    public private(set) var poleIndexOfCommune: [Int]
    private var communeIndexByInsee: [String: Int]

    /// Builds the territory and assigns every commune to a pole: the territory file's choice where
    /// it makes one, else the pole whose seat is the shortest travel time away (ties: the first pole).
    public init(name: String, timeZoneIdentifier: String, communes: [Commune], poles: [Pole], travel: TravelModel) throws(InputError) {
        self.name = name
        self.timeZoneIdentifier = timeZoneIdentifier
        self.communes = communes
        self.poles = poles
        self.travel = travel
        var index: [String: Int] = [:]
        for (i, c) in communes.enumerated() {
            if index[c.insee] != nil {
                throw InputError(SourcePlace(jsonPath: "$.communes[\(i)].insee"), "the INSEE code \(c.insee) appears twice",
                                 remedy: "Give each commune once.")
            }
            index[c.insee] = i
        }
        self.communeIndexByInsee = index
        guard !poles.isEmpty else {
            throw InputError(SourcePlace(jsonPath: "$.poles"), "the territory has no pole", remedy: "List at least one pole of care.")
        }
        var seats: [Int] = []
        for (p, pole) in poles.enumerated() {
            guard let seat = index[pole.seatInsee] else {
                throw InputError(SourcePlace(jsonPath: "$.poles[\(p)].seat"), "the pole seat \(pole.seatInsee) is not a commune of the territory",
                                 remedy: "Use the INSEE code of one of the listed communes.")
            }
            seats.append(seat)
        }
        var membership: [Int] = []
        membership.reserveCapacity(communes.count)
        for (i, c) in communes.enumerated() {
            if let override = c.poleOverride {
                guard let p = poles.firstIndex(where: { $0.id == override }) else {
                    throw InputError(SourcePlace(jsonPath: "$.communes[\(i)].pole"), "the pole \"\(override)\" is not defined",
                                     remedy: "Use one of the pole ids: \(poles.map(\.id).joined(separator: ", ")).")
                }
                membership.append(p)
                continue
            }
            var best = 0, bestMinutes = Int.max
            for (p, seat) in seats.enumerated() {
                let m = travel.minutes(from: c, to: communes[seat])
                if m < bestMinutes { best = p; bestMinutes = m }
            }
            membership.append(best)
        }
        self.poleIndexOfCommune = membership
    }

    public func communeIndex(insee: String) -> Int? { communeIndexByInsee[insee] }
    public func commune(insee: String) -> Commune? { communeIndexByInsee[insee].map { communes[$0] } }

    /// The pole a commune belongs to.
    public func pole(ofCommune insee: String) -> Pole? {
        communeIndexByInsee[insee].map { poles[poleIndexOfCommune[$0]] }
    }

    /// The communes of a pole, in territory order.
    public func communes(ofPole poleID: String) -> [Commune] {
        guard let p = poles.firstIndex(where: { $0.id == poleID }) else { return [] }
        return communes.indices.filter { poleIndexOfCommune[$0] == p }.map { communes[$0] }
    }

    public var population: Int { communes.reduce(0) { $0 + $1.population } }

    /// The commune whose centre is closest to a point (for patients located by coordinates).
    public func nearestCommune(to point: GeoPoint) -> Commune? {
        communes.min { $0.location.distanceKilometres(to: point) < $1.location.distanceKilometres(to: point) }
    }
}
