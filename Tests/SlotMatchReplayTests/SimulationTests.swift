import SlotMatchConfig
import SlotMatchCore
import Testing
@testable import SlotMatchReplay

@Suite struct SimulationTests {
    static func territory() throws -> Territory { try TerritoryFile.loadDefault() }

    @Test(arguments: DemandScale.allCases)
    func sameSeedSameBytesOtherSeedOtherBytes(_ scale: DemandScale) throws {
        let sim = DemandSimulator(scale: scale, territory: try Self.territory(), zone: ReplayFixtures.paris)
        let days = scale == .national ? 1 : 7
        let a = DemandLogWriter.write(sim.records(start: CivilDate(year: 2027, month: 1, day: 4), days: days, seed: 42), format: .csv)
        let b = DemandLogWriter.write(sim.records(start: CivilDate(year: 2027, month: 1, day: 4), days: days, seed: 42), format: .csv)
        let c = DemandLogWriter.write(sim.records(start: CivilDate(year: 2027, month: 1, day: 4), days: days, seed: 43), format: .csv)
        #expect(a == b)
        #expect(a != c)
        #expect(a.utf8.count > 1000)
    }

    @Test func volumeFollowsTheBaselineAndTheEpidemic() throws {
        let t = try Self.territory()
        let sim = DemandSimulator(scale: .department, territory: t, zone: ReplayFixtures.paris)
        let population = Double(sim.communes.reduce(0) { $0 + $1.population })
        // Four weeks in June (no epidemic): about 1 request per 1,000 inhabitants a week.
        let june = sim.records(start: CivilDate(year: 2027, month: 6, day: 7), days: 28, seed: 1)
        let expected = population / 1000 * 4
        #expect(Double(june.count) > expected * 0.85 && Double(june.count) < expected * 1.15)
        // Mid-January is lifted by the wave (amplitude 0.8 at the peak).
        let january = sim.records(start: CivilDate(year: 2027, month: 1, day: 11), days: 28, seed: 1)
        #expect(Double(january.count) > Double(june.count) * 1.4)
    }

    @Test func mondaysAndEveningsPeak() throws {
        let sim = DemandSimulator(scale: .department, territory: try Self.territory(), zone: ReplayFixtures.paris)
        var byWeekday = [Int](repeating: 0, count: 8), byHour = [Int](repeating: 0, count: 24)
        for r in sim.records(start: CivilDate(year: 2027, month: 6, day: 7), days: 28, seed: 3) {
            let local = ReplayFixtures.paris.localTime(of: r.receivedAt)
            byWeekday[local.date.weekday.rawValue] += 1
            byHour[local.hour] += 1
        }
        #expect(byWeekday[1] > byWeekday[2] && byWeekday[1] > byWeekday[7])
        #expect(byHour[18] > byHour[14] && byHour[18] > byHour[3] * 5)
        #expect(byHour[9] > byHour[14])
    }

    @Test func recordsAreInTimeOrderWithUniqueIdsAndValidPlaces() throws {
        let t = try Self.territory()
        let records = DemandSimulator(scale: .territory, territory: t, zone: ReplayFixtures.paris)
            .records(start: CivilDate(year: 2027, month: 1, day: 4), days: 14, seed: 9)
        #expect(records.count > 50)
        #expect(zip(records, records.dropFirst()).allSatisfy { $0.receivedAt <= $1.receivedAt })
        #expect(Set(records.map(\.id)).count == records.count)
        for r in records {
            guard case .commune(let insee) = r.location else { Issue.record("territory scale writes communes"); continue }
            #expect(t.commune(insee: insee) != nil)
            if r.mobility == .bedridden && r.urgency?.mayReceiveSlot == true { #expect(r.wantedModes == [.homeVisit]) }
        }
    }

    @Test func splitMixIsTheReferenceSequence() {
        // SplitMix64 from seed 0: first outputs of the reference implementation (Vigna's splitmix64.c).
        var g = SplitMix64(seed: 0)
        #expect(g.next() == 0xE220_A839_7B1D_CDAF)
        #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
    }
}
