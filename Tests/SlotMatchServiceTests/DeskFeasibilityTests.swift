import Testing
import SlotMatchCore
import SlotMatchService
import SlotMatchStore

/// Feasibility edges seen through the service: visibility, home-visit radius, video, the deadline.
@Suite struct DeskFeasibilityTests {
    @Test func publicOnlySlotsAreNotOfferedToTheRegulationLine() throws {
        let f = try ServiceFixture(hours: [2])
        let t0 = ServiceFixture.t0
        _ = try f.store.applyImport(ImportPlan(practitioner: ServiceFixture.rpps(1), source: "public.ics", horizonStart: t0,
                                               horizonEnd: t0.adding(seconds: 86_400),
                                               slots: [PlannedSlot(start: t0.adding(seconds: 1800), end: t0.adding(seconds: 3000), visibility: .publicAccess)],
                                               contentHash: "public", path: "/inbox/public.ics", now: t0))
        let a = try #require(f.rpc("slots.find", #"{"commune":"78517","urgency":"same-day","at":"2026-12-07T08:00:00Z"}"#))
        let starts = a["result.slots"]!.list.compactMap { $0["start"]?.text }
        #expect(!starts.contains("2026-12-07T08:30:00Z"))
        #expect(starts.contains("2026-12-07T10:00:00Z"))
    }

    @Test func homeVisitsOnlyWithinTheRadius() throws {
        let f = try ServiceFixture()
        // GP 1's home visit (12:00Z) from Rambouillet: offered at the practice's commune, not 40 km away.
        let near = try #require(f.rpc("slots.find", #"{"commune":"78517","urgency":"same-day","modes":["HH"],"at":"2026-12-07T08:00:00Z"}"#))
        #expect(near["result.slots.0.mode"]?.text == "HH")
        let far = try #require(f.rpc("slots.find", #"{"location":{"lat":48.95,"lon":1.85},"urgency":"same-day","modes":["HH"],"at":"2026-12-07T08:00:00Z"}"#))
        #expect(far["result.slots"]?.list.isEmpty == true)
        #expect(far["result.reasons"]?.list.isEmpty == false)
    }

    @Test func videoSlotsNeedNoTravelAndTheDeadlineIsInclusive() throws {
        let f = try ServiceFixture()
        // GP 3's video slot starts at 09:00Z; a deadline of exactly 09:00Z still admits it.
        let a = try #require(f.rpc("slots.find", #"{"commune":"78517","deadline":"2026-12-07T09:00:00Z","modes":["VR"],"at":"2026-12-07T08:00:00Z"}"#))
        #expect(a["result.slots.0.mode"]?.text == "VR")
        #expect(a["result.slots.0.travelMinutes"]?.integer == 0)
        let before = try #require(f.rpc("slots.find", #"{"commune":"78517","deadline":"2026-12-07T08:59:59Z","modes":["VR"],"at":"2026-12-07T08:00:00Z"}"#))
        #expect(before["result.slots"]?.list.isEmpty == true)
        #expect(before["result.outsideTarget.start"]?.text == "2026-12-07T09:00:00Z")
    }
}
