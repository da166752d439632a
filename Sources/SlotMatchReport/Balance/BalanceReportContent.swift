/// What the balance report shows, as plain values (names, counts, coordinates), so the report target depends on
/// nothing but the core: the CLI fills it from a `BalancePlan` and the forecast.
public struct BalanceReportContent: Sendable, Hashable {
    /// A pole: where the map draws it and its load against its GPs' caps summed.
    public struct Pole: Sendable, Hashable {
        public var name: String
        public var latitude: Double
        public var longitude: Double
        public var capacity: Int
        public var before: Int
        public var after: Int
        public init(name: String, latitude: Double, longitude: Double, capacity: Int, before: Int, after: Int) {
            self.name = name; self.latitude = latitude; self.longitude = longitude
            self.capacity = capacity; self.before = before; self.after = after
        }
    }

    /// One GP in one ISO week: load before and after against the weekly cap.
    public struct Practitioner: Sendable, Hashable {
        public var name: String
        public var pole: String
        /// The week's Monday, `2026-11-30`.
        public var week: String
        public var weeklyCap: Int
        public var before: Int
        public var after: Int
        public init(name: String, pole: String, week: String, weeklyCap: Int, before: Int, after: Int) {
            self.name = name; self.pole = pole; self.week = week; self.weeklyCap = weeklyCap; self.before = before; self.after = after
        }
    }

    /// Expected demand against free SNP slots for a pole on a day, and the extra slots to ask for.
    public struct Day: Sendable, Hashable {
        /// `2026-12-05`.
        public var date: String
        public var pole: String
        public var expectedTenths: Int
        public var freeSlots: Int
        public var shortfall: Int
        /// "Dr Claire Martin: 2" for each GP asked.
        public var asks: [String]
        public init(date: String, pole: String, expectedTenths: Int, freeSlots: Int, shortfall: Int, asks: [String]) {
            self.date = date; self.pole = pole; self.expectedTenths = expectedTenths; self.freeSlots = freeSlots
            self.shortfall = shortfall; self.asks = asks
        }
    }

    /// A move: request, from where to where, what it gains.
    public struct Move: Sendable, Hashable {
        public var request: String
        public var from: String
        public var to: String
        public var costDelta: Int64
        public init(request: String, from: String, to: String, costDelta: Int64) {
            self.request = request; self.from = from; self.to = to; self.costDelta = costDelta
        }
    }

    public var territoryName: String
    /// ISO 8601 instants.
    public var generatedAt: String
    public var horizonEnd: String
    public var costBefore: Int64
    public var costAfter: Int64
    public var unassigned: Int
    /// Waiting requests past their deadline, left to the operators.
    public var overdue: Int
    public var poles: [Pole]
    public var practitioners: [Practitioner]
    public var days: [Day]
    public var moves: [Move]
    /// Commune centres (latitude, longitude), drawn as dots under the poles.
    public var communes: [[Double]]

    public init(territoryName: String, generatedAt: String, horizonEnd: String, costBefore: Int64, costAfter: Int64,
                unassigned: Int, overdue: Int = 0, poles: [Pole], practitioners: [Practitioner], days: [Day], moves: [Move], communes: [[Double]]) {
        self.territoryName = territoryName; self.generatedAt = generatedAt; self.horizonEnd = horizonEnd
        self.costBefore = costBefore; self.costAfter = costAfter; self.unassigned = unassigned; self.overdue = overdue; self.poles = poles
        self.practitioners = practitioners; self.days = days; self.moves = moves; self.communes = communes
    }
}
