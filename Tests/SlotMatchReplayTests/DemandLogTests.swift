import SlotMatchCore
import Testing
@testable import SlotMatchReplay

@Suite struct DemandLogTests {
    static let sample: [DemandRecord] = [
        DemandRecord(id: "a1", receivedAt: Instant(secondsSinceEpoch: 1_800_000_000), location: .commune(insee: "78517"),
                     ageBand: .adult, urgency: .sameDay, mobility: .ambulant, wantedModes: [.office, .video],
                     treatingGP: ReplayFixtures.rpps(7),
                     outcome: DemandOutcome(bookedStart: Instant(secondsSinceEpoch: 1_800_003_600), practitioner: ReplayFixtures.rpps(7), status: .fulfilled)),
        DemandRecord(id: "b,\"2\"", receivedAt: Instant(secondsSinceEpoch: 1_800_000_100),
                     location: .point(GeoPoint(latitude: 48.643_21, longitude: 1.830_05)), ageBand: .elderly,
                     reason: "fever_adult", flags: ["confusion", "alone"], mobility: .bedridden, wantedModes: [.homeVisit]),
    ]

    @Test(arguments: DemandLogFormat.allCases)
    func roundTripKeepsEveryFieldAndBytes(_ format: DemandLogFormat) throws {
        let text = DemandLogWriter.write(Self.sample, format: format)
        let back = try DemandLogReader.read(bytes: Array(text.utf8), file: "log." + format.rawValue)
        #expect(back == Self.sample)
        #expect(DemandLogWriter.write(back, format: format) == text)
    }

    @Test func formatIsDetectedFromNameOrContent() {
        #expect(DemandLogFormat.detect(file: "x.jsonl", bytes: []) == .jsonl)
        #expect(DemandLogFormat.detect(file: "x.csv", bytes: Array("{".utf8)) == .csv)
        #expect(DemandLogFormat.detect(file: "x", bytes: Array("\n {\"id\":1}".utf8)) == .jsonl)
        #expect(DemandLogFormat.detect(file: "x", bytes: Array("id,received_at".utf8)) == .csv)
    }

    @Test(arguments: [
        ("id,received_at,commune,urgency\nr1,2027-01-04T08:00:00Z,78517,same-day\nr2,yesterday,78517,urgent\n", 3, "received_at"),
        ("id,received_at,commune,urgency\nr1,2027-01-04T08:00:00Z,78517,soon\n", 2, "urgency"),
        ("id,received_at,commune\nr1,2027-01-04T08:00:00Z,78517\n", 2, "neither a reason"),
        ("id,received_at,urgency\nr1,2027-01-04T08:00:00Z,urgent\n", 2, "place is missing"),
        ("id,received_at,commune,urgency,modes\nr1,2027-01-04T08:00:00Z,78517,urgent,AMB|XX\n", 2, "XX"),
        ("id,received_at,commune,urgency,treating_gp\nr1,2027-01-04T08:00:00Z,78517,urgent,12345678901\n", 2, "check digit"),
        ("id,received_at,lat,lon,urgency\nr1,2027-01-04T08:00:00Z,95,2,urgent\n", 2, "coordinates"),
        ("id,received_at,commune,urgency,outcome\nr1,2027-01-04T08:00:00Z,78517,urgent,seen\n", 2, "outcome"),
    ])
    func csvErrorsNameTheLine(_ text: String, _ line: Int, _ words: String) {
        do {
            _ = try DemandLogReader.read(bytes: Array(text.utf8), file: "log.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.place.file == "log.csv")
            #expect(error.place.line == line)
            #expect(error.description.contains(words))
        }
    }

    @Test(arguments: [
        ("{\"id\":\"r1\",\"received_at\":\"2027-01-04T08:00:00Z\",\"commune\":\"78517\",\"urgency\":\"urgent\"}\n\n{\"id\":\"r2\",\n", 3, "not valid JSON"),
        ("{\"id\":\"r1\",\"received_at\":\"2027-01-04T08:00:00Z\",\"commune\":\"78517\",\"urgency\":\"urgent\",\"name\":\"x\"}\n", 1, "not a demand log field"),
        ("[1,2]\n", 1, "not a JSON object"),
    ])
    func jsonLinesErrorsNameTheLine(_ text: String, _ line: Int, _ words: String) {
        do {
            _ = try DemandLogReader.read(bytes: Array(text.utf8), file: "log.jsonl")
            Issue.record("expected an error")
        } catch {
            #expect(error.place.line == line)
            #expect(error.description.contains(words))
        }
    }

    @Test func jsonLinesAcceptsNumbersAndArrays() throws {
        let line = "{\"id\":\"r1\",\"received_at\":\"2027-01-04T09:00:00+01:00\",\"lat\":48.6,\"lon\":1.8,\"reason\":\"rash\",\"flags\":[\"a\",\"b\"]}\n"
        let r = try DemandLogReader.read(bytes: Array(line.utf8), file: "x.jsonl")
        #expect(r.count == 1)
        #expect(r[0].receivedAt.iso8601 == "2027-01-04T08:00:00Z")
        #expect(r[0].location == .point(GeoPoint(latitude: 48.6, longitude: 1.8)))
        #expect(r[0].flags == ["a", "b"])
        #expect(r[0].urgency == nil && r[0].reason == "rash")
    }
}
