import SlotMatchCore

/// The roster grouped by pole, as `slotmatch roster list` and the demo show it.
struct RosterReport {
    var territory: Territory
    var practitioners: [Practitioner]

    /// Groups in pole order; GPs whose commune is not in this territory come last, under no pole.
    var groups: [(pole: Pole?, practitioners: [Practitioner])] {
        var byPole = [[Practitioner]](repeating: [], count: territory.poles.count)
        var outside: [Practitioner] = []
        for p in practitioners.sorted(by: { ($0.site.communeInsee, $0.displayName, $0.rpps) < ($1.site.communeInsee, $1.displayName, $1.rpps) }) {
            if let i = territory.communeIndex(insee: p.site.communeInsee) { byPole[territory.poleIndexOfCommune[i]].append(p) }
            else { outside.append(p) }
        }
        var result: [(pole: Pole?, practitioners: [Practitioner])] = territory.poles.enumerated().map { ($1, byPole[$0]) }
        if !outside.isEmpty { result.append((nil, outside)) }
        return result
    }

    static func modes(_ p: Practitioner) -> String { p.modes.sorted().map(\.code).joined(separator: "|") }

    var table: String {
        var out = "\(practitioners.count) GPs in the roster\n"
        for group in groups {
            out += "\n" + (group.pole.map { "\($0.name) (pole \($0.id))" } ?? "Outside the territory") + ": \(group.practitioners.count) GPs\n"
            if group.practitioners.isEmpty { continue }
            var t = TextTable([.init("RPPS"), .init("NAME"), .init("COMMUNE"), .init("MODES"), .init("SNP"), .init("CAP/WEEK", right: true),
                               .init("RADIUS KM", right: true)])
            for p in group.practitioners {
                t.add([p.rpps.digits, p.displayName, territory.commune(insee: p.site.communeInsee)?.name ?? p.site.communeInsee,
                       RosterReport.modes(p), p.participatesInSNP ? "yes" : "no", String(p.weeklySNPCap), p.modes.contains(.homeVisit) ? RosterReport.kilometres(p.homeVisitRadiusKm) : "-"])
            }
            out += t.rendered
        }
        return out
    }

    static func kilometres(_ km: Double) -> String {
        km == km.rounded() ? String(Int(km)) : TerritoryReport.oneDecimal(km)
    }

    static func json(_ p: Practitioner, territory: Territory) -> JSONValue {
        .object(["rpps": .string(p.rpps.digits), "name": .string(p.displayName), "commune_insee": .string(p.site.communeInsee),
                 "commune": territory.commune(insee: p.site.communeInsee).map { .string($0.name) } ?? .null,
                 "pole": territory.pole(ofCommune: p.site.communeInsee).map { .string($0.id) } ?? .null,
                 "modes": .array(p.modes.sorted().map { .string($0.code) }), "snp": .bool(p.participatesInSNP),
                 "weekly_cap": .int(p.weeklySNPCap), "home_radius_km": .double(p.homeVisitRadiusKm)])
    }

    var json: JSONValue {
        .object(["count": .int(practitioners.count),
                 "poles": .array(groups.map { group in
                     .object(["id": group.pole.map { .string($0.id) } ?? .null, "name": group.pole.map { .string($0.name) } ?? .string("Outside the territory"),
                              "practitioners": .array(group.practitioners.map { RosterReport.json($0, territory: territory) })])
                 })])
    }
}
