import Foundation
import SlotMatchCore
import SlotMatchConfig
import Testing
@testable import SlotMatchReplay

@Suite struct WhatIfAndDeterminismTests {
    typealias F = ReplayFixtures

    static func served(_ supply: ReplaySupply, _ demand: [DemandRecord], _ policy: ReplayPolicy = .nearest) throws -> PolicyKPIs {
        let inst = try ReplayInstance(territory: try F.lineTerritory(), zone: F.utc, supply: supply, demand: demand)
        return PolicyKPIs(run: ReplayEngine(inst).run(policy), instance: inst)
    }

    @Test func removingTheOnlyNearGPLeavesCommuneAUnserved() throws {
        let supply = ReplayKPITests.supply()
        let demand = [F.request("a", commune: "90001", hours: 8), F.request("b", commune: "90001", hours: 8.2)]
        let before = try Self.served(supply, demand)
        #expect(before.overall.servedInTarget == 2)
        let withoutTwo = try Self.served(supply.removing(practitioner: F.rpps(2)), demand)
        #expect(withoutTwo.overall.servedInTarget == 1)
        #expect(withoutTwo.practitioners.count == 1)
        let withoutBoth = try Self.served(supply.removing(practitioner: F.rpps(2)).removing(practitioner: F.rpps(1)), demand)
        #expect(withoutBoth.overall.servedInTarget == 0)
        #expect(withoutBoth.overall.unservedByReason[.nothingWithinReach] == 2)
    }

    @Test func addingSaturdaySupplyServesSaturdayCalls() throws {
        let base = ReplaySupply(practitioners: [F.gp(1, commune: "90001")], slots: [F.slot(1, hours: 10)])
        // Saturday 9 January 2027 = Monday + 5 days; calls at 8 h need a slot the same day.
        let demand = (0 ..< 3).map { F.request("s\($0)", commune: "90001", hours: 5 * 24 + 8 + Double($0) / 10) }
        #expect(try Self.served(base, demand).overall.servedInTarget == 0)
        let saturday = ReplaySupply(practitioners: [F.gp(3, commune: "90002")],
                                    slots: (0 ..< 4).map { F.slot(3, hours: 5 * 24 + 9 + Double($0) / 4) })
        let more = try Self.served(base.adding(saturday), demand)
        #expect(more.overall.servedInTarget == 3)
        #expect(more.practitioners.map(\.booked) == [0, 3])
    }

    @Test func addingAPublishedFileThroughTheFolderReader() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("replay-whatif-" + String(UInt64.random(in: 0 ... .max)))
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let gp = F.rpps(1)
        let ics = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//test//EN\r
            BEGIN:VEVENT\r
            UID:sat-1\r
            DTSTAMP:20261201T000000Z\r
            DTSTART:20270109T090000Z\r
            DTEND:20270109T100000Z\r
            TRANSP:TRANSPARENT\r
            CATEGORIES:SNP\r
            END:VEVENT\r
            END:VCALENDAR\r

            """
        let file = dir.appendingPathComponent("\(gp.digits)-saturday.ics").path
        try ics.write(toFile: file, atomically: true, encoding: .utf8)
        let base = ReplaySupply(practitioners: [F.gp(1, commune: "90001")], slots: [])
        let added = try ReplaySupplyFolder.load(path: file, territory: try F.lineTerritory(), zone: F.utc,
                                                from: F.at(hours: 0), to: F.at(hours: 24 * 7), roster: base.practitioners)
        #expect(added.slots.count == 4)
        #expect(added.slots.allSatisfy { $0.practitioner == gp })
        let demand = [F.request("s", commune: "90001", hours: 5 * 24 + 8)]
        #expect(try Self.served(base.adding(added), demand).overall.servedInTarget == 1)
    }

    @Test(arguments: ["nearest", "ranked", "batch:15m", "hindsight"])
    func sameInputsSameResults(_ name: String) throws {
        let policy = try #require(ReplayPolicy(name))
        let territory = try TerritoryFile.loadDefault()
        let demand = DemandSimulator(scale: .territory, territory: territory, zone: F.paris)
            .records(start: CivilDate(year: 2027, month: 1, day: 4), days: 7, seed: 5)
        var slots: [Slot] = []
        let gps = (0 ..< 8).map { i in F.gp(i + 1, commune: territory.communes[i * 4 % territory.communes.count].insee) }
        for (i, _) in gps.enumerated() {
            for d in 0 ..< 7 { for q in 0 ..< 6 { slots.append(F.slot(i + 1, hours: Double(d * 24) + 8 + Double(i % 3) + Double(q) / 4)) } }
        }
        let supply = ReplaySupply(practitioners: gps, slots: slots)
        let a = try ReplayInstance(territory: territory, zone: F.paris, supply: supply, demand: demand)
        let b = try ReplayInstance(territory: territory, zone: F.paris, supply: supply, demand: demand.reversed())
        let ra = ReplayEngine(a).run(policy), rb = ReplayEngine(b).run(policy)
        #expect(ra == rb)
        #expect(PolicyKPIs(run: ra, instance: a) == PolicyKPIs(run: rb, instance: b))
        #expect(ra.outcomes.contains { $0.status == .servedInTarget })
    }
}
