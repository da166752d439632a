import Testing
@testable import SlotMatchCore

@Suite struct InstantTests {
    @Test(arguments: [
        ("1970-01-01T00:00:00Z", Int64(0)),
        ("2026-12-04T14:30:00Z", Int64(1_796_394_600)),
        ("2026-12-04T15:30:00+01:00", Int64(1_796_394_600)),
        ("2026-12-04T09:30:00-05:00", Int64(1_796_394_600)),
        ("2026-12-04T14:30Z", Int64(1_796_394_600)),
        ("2026-12-04T14:30:00.750Z", Int64(1_796_394_600)),
        ("1969-12-31T23:59:59Z", Int64(-1)),
        ("2024-02-29T12:00:00Z", Int64(1_709_208_000)),
    ])
    func parse(text: String, seconds: Int64) {
        #expect(Instant.parseISO8601(text)?.secondsSinceEpoch == seconds)
    }

    @Test(arguments: ["2026-12-04T14:30:00", "2026-12-04", "2026-13-04T14:30:00Z", "2026-12-04T24:00:00Z", "2026-12-04T14:30:00+1:00",
                      "yesterday", "", "2026-12-04X14:30:00Z", "2026-02-30T10:00:00Z"])
    func parseRejects(text: String) {
        #expect(Instant.parseISO8601(text) == nil)
    }

    @Test func formatRoundTrips() {
        var s: Int64 = -86_400 * 365 * 30
        while s < 86_400 * 365 * 100 {
            let i = Instant(secondsSinceEpoch: s)
            #expect(i.iso8601.hasSuffix("Z"))
            #expect(Instant.parseISO8601(i.iso8601) == i)
            s += 7_777_777
        }
        #expect(Instant(secondsSinceEpoch: 1_796_394_600).iso8601 == "2026-12-04T14:30:00Z")
    }
}
