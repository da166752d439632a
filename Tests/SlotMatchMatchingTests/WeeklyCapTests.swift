import Testing
import SlotMatchCore
@testable import SlotMatchMatching

/// The weekly SNP cap counted per cap week: a slot is refused only when its GP is at the cap in the
/// slot's own week. The week starts are Monday 00:00 Europe/Paris as UTC instants, as the service gives them.
@Suite struct WeeklyCapTests {
    let search = MatchingFixture.search
    let patient = MatchingFixture.rambouillet
    /// Mondays 2026-10-19 (CEST), 2026-10-26 (CET, after the DST change), 2026-11-02, 00:00 Paris.
    static let dstWeeks: [Int64] = [1_792_360_800, 1_792_969_200, 1_793_574_000]
    /// Mondays 2026-12-28 (ISO week 2026-W53), 2027-01-04, 2027-01-11, 00:00 Paris.
    static let newYearWeeks: [Int64] = [1_798_412_400, 1_799_017_200, 1_799_622_000]

    func gp(cap: Int32) -> IndexedPractitioner {
        IndexedPractitioner(location: MatchingFixture.north(of: patient, km: 3), weeklyCap: cap, modes: [.office], pole: 0)
    }

    func offered(_ index: SlotIndex, now: Int64, until deadline: Int64) -> [Int64] {
        let q = SlotQuery(patient: patient, now: now, deadline: deadline, limit: 50)
        let fast = search.find(q, in: index)
        #expect(fast == search.findByScanningAll(q, in: index))
        return fast.slots.map(\.slotID).sorted()
    }

    /// This week: slots 1, 2 (Tuesday, Wednesday); next week: 3, 4 (Monday, Tuesday); weeks as in `dstWeeks`.
    func twoWeeks(used: [WeeklyUse], cap: Int32 = 2) throws -> SlotIndex {
        let w = WeeklyCapTests.dstWeeks
        let slots = [w[0] + 86_400 + 36_000, w[0] + 2 * 86_400 + 36_000, w[1] + 36_000, w[1] + 86_400 + 36_000].enumerated().map {
            IndexedSlot(id: Int64($0.offset + 1), practitioner: 0, start: $0.element, end: $0.element + 900)
        }
        return try SlotIndex(practitioners: [gp(cap: cap)], slots: slots, weeks: CapWeeks(starts: w), weeklyUse: used,
                             currentWeekContaining: w[0] + 3600)
    }

    @Test func capReachedThisWeekStillOffersNextWeek() throws {
        let w = WeeklyCapTests.dstWeeks
        let index = try twoWeeks(used: [WeeklyUse(practitioner: 0, weekStart: w[0], count: 2)])
        #expect(offered(index, now: w[0] + 3600, until: w[2]) == [3, 4])
        #expect(index.isCapped(practitioner: 0, at: w[0] + 86_400))
        #expect(!index.isCapped(practitioner: 0, at: w[1]))
        #expect(index.practitioners[0].usedThisWeek == 2)
    }

    @Test func capReachedNextWeekRefusesOnlyNextWeek() throws {
        let w = WeeklyCapTests.dstWeeks
        var index = try twoWeeks(used: [WeeklyUse(practitioner: 0, weekStart: w[1] + 5000, count: 1)])
        #expect(offered(index, now: w[0] + 3600, until: w[2]) == [1, 2, 3, 4])
        index.markUsed(practitioner: 0, slotStart: w[1] + 36_000)
        #expect(offered(index, now: w[0] + 3600, until: w[2]) == [1, 2])
        // The load term is this week's: nothing used yet.
        #expect(index.practitioners[0].usedThisWeek == 0)
        #expect(index.practitionerLoadPermille(0) == 0)
        index.setCurrentWeek(containing: w[1])
        #expect(index.practitioners[0].usedThisWeek == 2)
        #expect(index.practitionerLoadPermille(0) == 1000)
        // The window inside next week only: everything capped.
        let q = SlotQuery(patient: patient, now: w[1], deadline: w[2], limit: 5)
        #expect(search.find(q, in: index).reasons == [.allCapped])
        index.adjustUsed(practitioner: 0, weekContaining: w[1] + 1, by: -1)
        #expect(offered(index, now: w[0] + 3600, until: w[2]) == [1, 2, 3, 4])
    }

    @Test func acrossTheDSTChange() throws {
        // DST ends on Sunday 2026-10-25; that week is 169 hours long. Sunday 23:30 CET (22:30Z) is still in it:
        // a week cut at a fixed UTC+2 (Monday 00:30) would put it in the next one.
        let w = WeeklyCapTests.dstWeeks
        #expect(w[1] - w[0] == 169 * 3600)
        let sundayLate: Int64 = 1_792_967_400, mondayEarly: Int64 = 1_792_971_000
        let slots = [IndexedSlot(id: 1, practitioner: 0, start: sundayLate, end: sundayLate + 900),
                     IndexedSlot(id: 2, practitioner: 0, start: mondayEarly, end: mondayEarly + 900)]
        let index = try SlotIndex(practitioners: [gp(cap: 1)], slots: slots, weeks: CapWeeks(starts: w),
                                  weeklyUse: [WeeklyUse(practitioner: 0, weekStart: w[0], count: 1)], currentWeekContaining: w[0])
        #expect(offered(index, now: sundayLate - 7200, until: w[2]) == [2])
    }

    @Test func acrossTheNewYear() throws {
        // 31 December 2026 and 2 January 2027 are both in ISO week 2026-W53; 4 January starts 2027-W01.
        let w = WeeklyCapTests.newYearWeeks
        let dec31: Int64 = 1_798_707_600, jan2: Int64 = 1_798_880_400, jan4: Int64 = 1_799_053_200
        var index = try SlotIndex(practitioners: [gp(cap: 1)],
                                  slots: [dec31, jan2, jan4].enumerated().map { IndexedSlot(id: Int64($0.offset + 1), practitioner: 0,
                                                                                            start: $0.element, end: $0.element + 900) },
                                  weeks: CapWeeks(starts: w), currentWeekContaining: dec31)
        #expect(offered(index, now: dec31 - 86_400, until: w[2]) == [1, 2, 3])
        index.remove(slotID: 1)
        index.markUsed(practitioner: 0, slotStart: dec31)
        #expect(offered(index, now: dec31 - 86_400, until: w[2]) == [3])
    }

    @Test func weeksOrdinalsAndBadCounts() throws {
        let weeks = CapWeeks(starts: [300, 100, 200, 200])
        #expect(weeks.starts == [100, 200, 300])
        #expect([99, 100, 199, 200, 299, 300, 10_000].map(weeks.ordinal(of:)) == [0, 1, 1, 2, 2, 3, 3])
        #expect(CapWeeks.single.ordinal(of: 12_345) == 0)
        #expect(throws: InputError.self) {
            try SlotIndex(practitioners: [gp(cap: 2)], slots: [], weeks: weeks, weeklyUse: [WeeklyUse(practitioner: 1, weekStart: 100, count: 1)])
        }
        #expect(throws: InputError.self) {
            try SlotIndex(practitioners: [gp(cap: 2)], slots: [], weeks: weeks, weeklyUse: [WeeklyUse(practitioner: 0, weekStart: 100, count: -1)])
        }
    }

    @Test func slotEntryStaysThirtyTwoBytes() {
        #expect(MemoryLayout<SlotEntry>.stride == 32)
    }
}
