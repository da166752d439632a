import Testing
@testable import SlotMatchCore

/// Europe/Paris for 2026 built by hand: CET (+1) until the last Sunday of March at 01:00 UTC,
/// CEST (+2) until the last Sunday of October at 01:00 UTC.
private let paris2026 = ZoneRules(identifier: "Europe/Paris", initialOffset: 3600, transitions: [
    (instant: Instant.parseISO8601("2026-03-29T01:00:00Z")!.secondsSinceEpoch, offsetAfter: 7200),
    (instant: Instant.parseISO8601("2026-10-25T01:00:00Z")!.secondsSinceEpoch, offsetAfter: 3600),
])

private func utc(_ s: String) -> Instant { Instant.parseISO8601(s)! }
private func local(_ s: String) -> LocalDateTime { LocalDateTime.parse(s)! }

@Suite struct ZoneRulesTests {
    @Test func offsetsAroundTransitions() {
        #expect(paris2026.offset(at: utc("2026-03-29T00:59:59Z")) == 3600)
        #expect(paris2026.offset(at: utc("2026-03-29T01:00:00Z")) == 7200)
        #expect(paris2026.offset(at: utc("2026-10-25T00:59:59Z")) == 7200)
        #expect(paris2026.offset(at: utc("2026-10-25T01:00:00Z")) == 3600)
        #expect(paris2026.localTime(of: utc("2026-07-01T10:00:00Z")) == local("2026-07-01T12:00:00"))
    }

    @Test func ordinaryTimeIsUnique() {
        #expect(paris2026.resolve(local("2026-07-01T12:00:00")) == .unique(utc("2026-07-01T10:00:00Z")))
        #expect(paris2026.resolve(local("2026-12-04T15:30:00")) == .unique(utc("2026-12-04T14:30:00Z")))
    }

    @Test func springGapReadsWithTheOffsetBefore() {
        // 02:30 does not exist on 2026-03-29; RFC 5545 §3.3.5 reads it with +01:00, which is 03:30 CEST.
        let r = paris2026.resolve(local("2026-03-29T02:30:00"))
        #expect(r == .skipped(utc("2026-03-29T01:30:00Z")))
        #expect(paris2026.localTime(of: r.instant) == local("2026-03-29T03:30:00"))
        #expect(paris2026.resolve(local("2026-03-29T03:00:00")) == .unique(utc("2026-03-29T01:00:00Z")))
        #expect(paris2026.resolve(local("2026-03-29T01:59:59")) == .unique(utc("2026-03-29T00:59:59Z")))
    }

    @Test func autumnOverlapIsRepeatedAndReadsFirst() {
        let r = paris2026.resolve(local("2026-10-25T02:30:00"))
        #expect(r == .repeated(first: utc("2026-10-25T00:30:00Z"), second: utc("2026-10-25T01:30:00Z")))
        #expect(r.instant == utc("2026-10-25T00:30:00Z"))
        #expect(paris2026.resolve(local("2026-10-25T03:00:00")) == .unique(utc("2026-10-25T02:00:00Z")))
    }

    @Test func resolveInvertsLocalTimeAcrossTheYear() {
        var t = utc("2026-01-01T00:00:00Z")
        while t < utc("2027-01-01T00:00:00Z") {
            let wall = paris2026.localTime(of: t)
            let r = paris2026.resolve(wall)
            switch r {
            case .unique(let i): #expect(i == t)
            case .repeated(let first, let second): #expect(first == t || second == t)
            case .skipped: Issue.record("a reading of a real instant was called skipped: \(wall)")
            }
            t = t.adding(seconds: 1799)
        }
    }

    @Test func fixedZones() {
        #expect(ZoneRules.utc.resolve(local("2026-03-29T02:30:00")) == .unique(utc("2026-03-29T02:30:00Z")))
        #expect(ZoneRules.fixed(identifier: "Etc/GMT-1", offsetSeconds: 3600).offset(at: utc("2026-07-01T00:00:00Z")) == 3600)
    }
}
