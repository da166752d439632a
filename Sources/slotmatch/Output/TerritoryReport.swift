import SlotMatchCore

/// The territory as `slotmatch territory` and the demo show it: communes with their pole, and each
/// pole with its member communes, its GPs (from the roster) and GP density per 10,000 inhabitants.
struct TerritoryReport {
    var territory: Territory
    /// The roster, to count GPs per pole (empty when there is no database yet).
    var practitioners: [Practitioner]

    /// GPs practising in each pole (same index as `territory.poles`).
    var gpCountByPole: [Int] {
        var counts = [Int](repeating: 0, count: territory.poles.count)
        for p in practitioners {
            if let i = territory.communeIndex(insee: p.site.communeInsee) { counts[territory.poleIndexOfCommune[i]] += 1 }
        }
        return counts
    }

    func population(ofPole index: Int) -> Int {
        territory.communes.indices.filter { territory.poleIndexOfCommune[$0] == index }.reduce(0) { $0 + territory.communes[$1].population }
    }

    /// GPs per 10,000 inhabitants, one decimal.
    static func density(gps: Int, population: Int) -> Double {
        guard population > 0 else { return 0 }
        return (Double(gps) * 100_000 / Double(population)).rounded() / 10
    }

    /// `80722` → `80,722` (people read large counts more easily grouped; JSON keeps plain integers).
    static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    static func oneDecimal(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return String(tenths / 10) + "." + String(abs(tenths % 10))
    }

    var table: String {
        let gps = gpCountByPole
        var out = "\(territory.name): \(territory.communes.count) communes, \(TerritoryReport.grouped(territory.population)) inhabitants, "
            + "\(practitioners.count) GPs, time zone \(territory.timeZoneIdentifier)\n\nCOMMUNES\n"
        var communes = TextTable([.init("INSEE"), .init("COMMUNE"), .init("POSTCODE"), .init("POPULATION", right: true), .init("POLE")])
        for (i, c) in territory.communes.enumerated() {
            communes.add([c.insee, c.name, c.postcode, TerritoryReport.grouped(c.population), territory.poles[territory.poleIndexOfCommune[i]].name])
        }
        out += communes.rendered + "\nPOLES\n"
        var poles = TextTable([.init("POLE"), .init("SEAT"), .init("COMMUNES", right: true), .init("POPULATION", right: true),
                               .init("GPS", right: true), .init("GPS PER 10,000", right: true)])
        for (p, pole) in territory.poles.enumerated() {
            let pop = population(ofPole: p)
            poles.add([pole.name, pole.seatInsee, String(territory.communes(ofPole: pole.id).count), TerritoryReport.grouped(pop), String(gps[p]),
                       TerritoryReport.oneDecimal(TerritoryReport.density(gps: gps[p], population: pop))])
        }
        out += poles.rendered
        for pole in territory.poles {
            out += "\n\(pole.name): " + territory.communes(ofPole: pole.id).map(\.name).joined(separator: ", ") + "\n"
        }
        return out
    }

    var json: JSONValue {
        let gps = gpCountByPole
        let communes: [JSONValue] = territory.communes.enumerated().map { i, c in
            .object(["insee": .string(c.insee), "name": .string(c.name), "postcode": .string(c.postcode), "population": .int(c.population),
                     "lat": .double(c.location.latitude), "lon": .double(c.location.longitude),
                     "pole": .string(territory.poles[territory.poleIndexOfCommune[i]].id)])
        }
        let poles: [JSONValue] = territory.poles.enumerated().map { p, pole in
            let pop = population(ofPole: p)
            return .object(["id": .string(pole.id), "name": .string(pole.name), "seat": .string(pole.seatInsee),
                            "communes": .array(territory.communes(ofPole: pole.id).map { .string($0.insee) }),
                            "population": .int(pop), "gps": .int(gps[p]),
                            "gpsPer10000": .double(TerritoryReport.density(gps: gps[p], population: pop))])
        }
        return .object(["name": .string(territory.name), "timeZone": .string(territory.timeZoneIdentifier),
                        "population": .int(territory.population), "gps": .int(practitioners.count),
                        "communes": .array(communes), "poles": .array(poles)])
    }
}
