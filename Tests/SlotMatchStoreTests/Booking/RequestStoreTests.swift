import Foundation
import Testing
import SlotMatchCore
@testable import SlotMatchStore

@Suite struct RequestStoreTests {
    @Test func submittedRequestReadsBackWithItsCodesAndIsAudited() throws {
        let f = try BookingFixture()
        let seq = try f.store.changeSequence()
        let request = CareRequest(id: "R-7F3A", receivedAt: t0, location: .point(GeoPoint(latitude: 48.65, longitude: 1.83)),
                                  ageBand: .senior, urgency: .within24h, wantedModes: [.homeVisit, .video], treatingGP: syntheticRPPS(1))
        let inserted = try f.store.submitRequest(request, reasonCode: "fever_adult", flags: ["fever_over_3_days", "cough"],
                                                 knownFlags: ["cough", "fever_over_3_days", "confusion"], operator: "op-ana", at: t0)
        #expect(inserted)
        let stored = try #require(try f.store.request(id: "R-7F3A"))
        #expect(stored.request == request)
        #expect(stored.reasonCode == "fever_adult" && stored.flags == ["cough", "fever_over_3_days"] && stored.status == .pending)
        #expect(try f.store.changeSequence() == seq + 1)
        let entry = try #require(try f.store.auditEntries().last)
        #expect(entry.action == "request.submit" && entry.actor == "op-ana" && entry.subject == "request:R-7F3A")
        #expect(try f.store.requests(from: t0, to: t0.adding(seconds: 1), status: .pending).map(\.request.id) == ["R-7F3A"])
        #expect(try f.store.requests(from: t0, to: t0.adding(seconds: 1), status: .booked).isEmpty)
    }

    @Test func resubmittingTheSameRequestIsANoOpButAnotherRequestUnderItsIdIsRefused() throws {
        let f = try BookingFixture()
        let request = try f.submit("R-1")
        let audit = try f.store.auditEntries().count
        #expect(try f.store.submitRequest(request, reasonCode: "fever_adult", operator: "op-ana", at: t0) == false)
        #expect(try f.store.auditEntries().count == audit)
        var other = request
        other.urgency = .urgent
        #expect(bookingErrorCode { try f.store.submitRequest(other, reasonCode: "fever_adult", operator: "op-ana", at: t0) } == "not-allowed")
        #expect(try f.store.request(id: "R-1")?.request.urgency == .sameDay)
    }

    @Test(arguments: ["", "has space", "0612345678", "1850275123456", "a|b", String(repeating: "x", count: 65), "Jean Dupont",
                      "patiënt", "R-1;DROP"])
    func requestIdsThatAreNotShortPseudonymousTokensAreRefused(id: String) throws {
        let f = try BookingFixture()
        let before = try f.store.storeStatistics()
        let request = CareRequest(id: id, receivedAt: t0, location: .commune(insee: "78517"), urgency: .sameDay)
        #expect(throws: InputError.self) { try f.store.submitRequest(request, reasonCode: "fever_adult", operator: "op-ana", at: t0) }
        #expect(try f.store.storeStatistics() == before)
    }

    @Test(arguments: [
        ("Fever", Set<String>(), "78517"), ("fièvre", [], "78517"), ("call me on 06", [], "78517"), ("", [], "78517"),
        ("fever_adult", ["confusion"], "78517"), ("fever_adult", ["Not A Flag"], "78517"), ("fever_adult", [], "7851"),
        ("fever_adult", [], "Rambouillet"),
    ] as [(String, Set<String>, String)])
    func reasonFlagsAndCommuneMustBeCodes(reason: String, flags: Set<String>, commune: String) throws {
        let f = try BookingFixture()
        let request = CareRequest(id: "R-2", receivedAt: t0, location: .commune(insee: commune), urgency: .sameDay)
        #expect(throws: InputError.self) {
            try f.store.submitRequest(request, reasonCode: reason, flags: flags, knownFlags: ["cough"], operator: "op-ana", at: t0)
        }
        #expect(try f.store.request(id: "R-2") == nil)
    }

    @Test func triageOverrideChangesTheLevelAndIsAudited() throws {
        let f = try BookingFixture()
        try f.submit("R-1")
        let seq = try f.store.changeSequence()
        try f.store.recordTriageOverride(requestID: "R-1", operator: "dr-regul-2", from: .sameDay, to: .urgent, at: t0.adding(seconds: 30))
        let stored = try #require(try f.store.request(id: "R-1"))
        #expect(stored.request.urgency == .urgent && stored.urgencyOverriddenBy == "dr-regul-2")
        #expect(try f.store.changeSequence() == seq + 1)
        let entry = try #require(try f.store.auditEntries().last)
        #expect(entry.action == "triage.override" && entry.actor == "dr-regul-2" && entry.subject == "request:R-1")
        #expect(entry.details.contains("\"from\":\"same-day\"") && entry.details.contains("\"to\":\"urgent\""))
        // A second doctor deciding from the stale level is refused; an unknown request is not found.
        #expect(bookingErrorCode { try f.store.recordTriageOverride(requestID: "R-1", operator: "dr-b", from: .sameDay, to: .within48h, at: t0) }
                == "not-allowed")
        #expect(bookingErrorCode { try f.store.recordTriageOverride(requestID: "R-9", operator: "dr-b", from: .sameDay, to: .urgent, at: t0) }
                == "not-found")
        #expect(try f.store.request(id: "R-1")?.request.urgency == .urgent)
        #expect(try f.store.verifyAudit().isIntact)
    }
}
