import SlotMatchCore
import SlotMatchStore

extension RegulationDesk {
    /// `territory.get`: the territory's communes (INSEE code, name, centre, population, pole) and poles.
    func territoryInfo(_ p: ParamReader) throws(RPCError) -> JSONValue {
        try p.finish()
        let communes: [JSONValue] = territory.communes.map { c in
            .members([("insee", .string(c.insee)), ("name", .string(c.name)), ("postcode", .string(c.postcode)),
                      ("lat", .double(c.location.latitude)), ("lon", .double(c.location.longitude)),
                      ("population", .int(c.population)), ("pole", territory.pole(ofCommune: c.insee).map { .string($0.id) } ?? .null)])
        }
        let poles: [JSONValue] = territory.poles.map { .members([("id", .string($0.id)), ("name", .string($0.name)), ("seat", .string($0.seatInsee))]) }
        return .members([("name", .string(territory.name)), ("timeZone", .string(territory.timeZoneIdentifier)),
                         ("communes", .array(communes)), ("poles", .array(poles))])
    }

    /// `practitioners.list`: the roster GPs the index knows, with their weekly SNP use.
    func practitionerList(_ p: ParamReader) throws(RPCError) -> JSONValue {
        let at = try instant(p)
        try p.finish()
        try refreshIndex(now: at)
        var list: [JSONValue] = []
        for (i, gp) in slots.practitioners.enumerated() {
            let point = slots.locations[i]
            list.append(.members([
                ("rpps", .string(gp.rpps.digits)), ("name", .string(gp.displayName)), ("commune", .string(gp.site.communeInsee)),
                ("lat", .double(point.latitude)), ("lon", .double(point.longitude)),
                ("modes", .array(gp.modes.sorted().map { .string($0.rawValue) })), ("snp", .bool(gp.participatesInSNP)),
                ("weeklyCap", .int(gp.weeklySNPCap)), ("usedThisWeek", .int(slots.index.practitioners[i].usedThisWeek)),
                ("homeVisitRadiusKm", .double(gp.homeVisitRadiusKm)),
            ]))
        }
        return .members([("practitioners", .array(list))])
    }

    /// `stats`: the store's counts and the index's.
    func statistics(_ p: ParamReader) throws(RPCError) -> JSONValue {
        let at = try instant(p)
        try p.finish()
        try refreshIndex(now: at)
        let s = try storeCall { try store.storeStatistics() }
        return .members([
            ("schemaVersion", .int(s.schemaVersion)), ("practitioners", .int(s.practitioners)), ("slots", .int(s.slots)),
            ("freeSlots", .int(s.freeSlots)), ("heldSlots", .int(s.heldSlots)), ("bookedSlots", .int(s.bookedSlots)),
            ("blockedSlots", .int(s.blockedSlots)), ("requests", .int(s.requests)), ("appointments", .int(s.appointments)),
            ("auditEntries", .int(s.auditEntries)), ("imports", .int(s.imports)), ("changeSequence", .int(s.changeSequence)),
            ("index", .members([("practitioners", .int(slots.index.practitionerCount)), ("freeSlots", .int(slots.index.freeSlotCount)),
                                ("refreshes", .int(slots.refreshCount))])),
        ])
    }
}
