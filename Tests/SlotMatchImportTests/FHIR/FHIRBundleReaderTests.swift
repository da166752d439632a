import Foundation
import Testing
@testable import SlotMatchImport
import SlotMatchCore

private typealias F = FHIRFixtures

/// What an occurrence says, without where it was read.
private struct Seen: Hashable, CustomStringConvertible {
    var kind: PublishedOccurrence.Kind, uid: String, start: String, end: String, mode: ConsultationMode, visibility: [String], practitioner: String?
    init(_ o: PublishedOccurrence) {
        kind = o.kind; uid = o.uid; start = o.start.iso8601; end = o.end.iso8601; mode = o.mode
        visibility = o.visibility.codeList; practitioner = o.practitioner?.digits
    }
    var description: String { "\(kind) \(uid) \(start)–\(end) \(mode.code) \(visibility) \(practitioner ?? "-")" }
}

private func read(_ text: String, format: FHIRFormat? = nil, zone: ZoneRules = .utc) throws -> [PublishedAvailability] {
    try FHIRBundleReader.read(bytes: Array(text.utf8), file: "sas.json", format: format, zone: zone)
}

private func readError(_ text: String) -> InputError? {
    do { _ = try read(text); return nil } catch { return error as? InputError }
}

@Suite struct FHIRBundleReaderTests {
    fileprivate static let expectedSAS: [Seen] = {
        let m = F.martin
        func seen(_ kind: PublishedOccurrence.Kind, _ uid: String, _ s: String, _ e: String, _ mode: ConsultationMode, _ v: SlotVisibility) -> Seen {
            Seen(PublishedOccurrence(kind: kind, component: "Slot", uid: uid, start: Instant.parseISO8601(s)!, end: Instant.parseISO8601(e)!,
                                     mode: mode, visibility: v, practitioner: try? RPPS(m)))
        }
        return [
            seen(.slot, "s6", "2026-12-07T07:40:00Z", "2026-12-07T08:00:00Z", .video, .snp),
            seen(.slot, "s1", "2026-12-07T08:00:00Z", "2026-12-07T08:20:00Z", .office, .snp),
            seen(.busy, "s5", "2026-12-07T09:00:00Z", "2026-12-07T09:20:00Z", .office, .snp),
            seen(.slot, "s2", "2026-12-07T13:00:00Z", "2026-12-07T13:30:00Z", .homeVisit, [.professional, .cpts]),
            seen(.busy, "s3", "2026-12-08T08:00:00Z", "2026-12-08T11:00:00Z", .office, .snp),
        ]
    }()

    @Test(arguments: FHIRFormat.allCases)
    func sasBundleInBothFormats(format: FHIRFormat) throws {
        let text = format == .json ? F.sasBundle : F.sasBundleXML
        #expect(FHIRFormat.detect(Array(text.utf8)) == format)
        let result = try read(text)
        #expect(result.count == 1)
        let availability = try #require(result.first)
        #expect(availability.practitioner?.digits == F.martin)
        #expect(availability.occurrences.map(Seen.init) == Self.expectedSAS)
        #expect(availability.declaredRange?.start.iso8601 == "2026-12-06T23:00:00Z")
        #expect(availability.declaredRange?.end.iso8601 == "2026-12-13T23:00:00Z")
        #expect(availability.occurrences.allSatisfy { $0.component == "Slot" && $0.place.file == "sas.json" })
        if format == .xml {
            #expect(availability.occurrences.allSatisfy { $0.place.line != nil })
        } else {
            #expect(availability.occurrences.first { $0.uid == "s1" }?.place.jsonPath == "$.entry[0].resource")
        }
    }

    @Test(arguments: FHIRFormat.allCases)
    func byteOrderMarkIsAccepted(format: FHIRFormat) throws {
        // JSON may also start with blank space; XML may not (its declaration must come first).
        let text = format == .json ? "\u{FEFF}\n  " + F.sasBundle : "\u{FEFF}" + F.sasBundleXML
        #expect(try read(text).first?.occurrences.count == Self.expectedSAS.count)
    }

    @Test func slotRecordsKeepTheAppointmentType() throws {
        let slots = try FHIRBundleReader.readSlots(bytes: Array(F.sasBundle.utf8), file: "sas.json")
        #expect(slots.map(\.id) == ["s1", "s2", "s3", "s5", "s6"])  // s4 entered-in-error left out
        #expect(slots.first?.appointmentType == "WALKIN")
        #expect(slots.first?.status == "free")
        #expect(slots.map(\.isFree) == [true, true, false, false, true])
    }

    @Test(arguments: [
        ("free", PublishedOccurrence.Kind?.some(.slot)),
        ("busy", .some(.busy)),
        ("busy-unavailable", .some(.busy)),
        ("busy-tentative", .some(.busy)),
        ("entered-in-error", nil),
    ])
    func statuses(status: String, kind: PublishedOccurrence.Kind?) throws {
        let bundle = F.bundle([F.slot("x", status: status), F.schedule(), F.role, F.practitioner("pr-martin", value: "8" + F.martin)])
        let occurrences = try #require(try read(bundle).first).occurrences
        #expect(occurrences.map(\.kind) == (kind.map { [$0] } ?? []))
    }

    @Test(arguments: [
        (#""meta": {"security": [{"code": "PUBLIC"}]},"#, ["PUBLIC"], ConsultationMode.office),
        (#""meta": {"security": [{"code": "SNP"}, {"code": "PRO"}]},"#, ["PRO", "SNP"], .office),
        (#""meta": {"security": [{"code": "R"}]}, "serviceType": [{"coding": [{"code": "VR"}]}],"#, ["SNP"], .video),
        (#""meta": {"versionId": "3"}, "serviceType": [{"coding": [{"code": "consultation"}, {"code": "HH"}]}],"#, ["SNP"], .homeVisit),
        (#""serviceType": [{"coding": [{"code": "XYZ"}]}],"#, ["SNP"], .office),
        ("", ["SNP"], .office),
    ])
    func securityAndServiceType(extra: String, visibility: [String], mode: ConsultationMode) throws {
        let bundle = F.bundle([F.slot("x", extra: extra), F.schedule(), F.role, F.practitioner("pr-martin", value: "8" + F.martin)])
        let o = try #require(try read(bundle).first?.occurrences.first)
        #expect(o.visibility.codeList == visibility)
        #expect(o.mode == mode)
    }

    @Test(arguments: [
        // (planningHorizon JSON, expected start, expected end) with the zone at +01:00
        (#""planningHorizon": {"start": "2026-12-07", "end": "2026-12-13"},"#, "2026-12-06T23:00:00Z", "2026-12-13T23:00:00Z"),
        (#""planningHorizon": {"start": "2026-12-07T08:00:00Z", "end": "2026-12-31T18:00:00+01:00"},"#, "2026-12-07T08:00:00Z", "2026-12-31T17:00:00Z"),
        (#""planningHorizon": {"start": "2026-12", "end": "2026-12"},"#, "2026-11-30T23:00:00Z", "2026-12-31T23:00:00Z"),
        (#""planningHorizon": {"start": "2026-12-07"},"#, nil, nil),
        ("", nil, nil),
    ] as [(String, String?, String?)])
    func planningHorizon(horizon: String, start: String?, end: String?) throws {
        let bundle = F.bundle([F.slot("x"), F.schedule(horizon: horizon), F.role, F.practitioner("pr-martin", value: "8" + F.martin)])
        let paris = ZoneRules.fixed(identifier: "Europe/Paris", offsetSeconds: 3600)
        let range = try #require(try read(bundle, zone: paris).first).declaredRange
        #expect(range?.start.iso8601 == start)
        #expect(range?.end.iso8601 == end)
    }

    @Test func schedulesWithoutSlotsStillNameTheirPractitioner() throws {
        let result = try read(F.bundle([F.schedule(), F.role, F.practitioner("pr-martin", value: "8" + F.martin)]))
        #expect(result.count == 1)
        #expect(result[0].practitioner?.digits == F.martin)
        #expect(result[0].occurrences.isEmpty)
        #expect(result[0].declaredRange != nil)
    }

    @Test func emptyBundleGivesOneAvailabilityWithoutPractitioner() throws {
        let result = try read(F.bundle([]))
        #expect(result == [PublishedAvailability()])
    }

    @Test func severalPractitionersGiveOneAvailabilityEach() throws {
        // Lefèvre's Schedule contains its Practitioner; Martin's goes through the PractitionerRole.
        let lefevreSchedule = """
            {"fullUrl": "urn:uuid:0d5c7a52-1111-4c1e-9a53-7a6c0e2a0001",
             "resource": {"resourceType": "Schedule", "id": "sched-lefevre",
               "contained": [{"resourceType": "Practitioner", "id": "p", "identifier": [{"system": "\(F.oid)", "value": "8\(F.lefevre)"}]}],
               "actor": [{"reference": "#p"}]}}
            """
        let bundle = F.bundle([
            F.slot("m1"), F.slot("l1", schedule: "urn:uuid:0d5c7a52-1111-4c1e-9a53-7a6c0e2a0001"),
            F.slot("l2", start: "2026-12-07T08:00:00+01:00", end: "2026-12-07T08:20:00+01:00", schedule: "Schedule/sched-lefevre"),
            F.schedule(), F.role, F.practitioner("pr-martin", value: "8" + F.martin), lefevreSchedule,
        ], type: "collection")
        let result = try read(bundle)
        let byRPPS = Dictionary(uniqueKeysWithValues: result.map { ($0.practitioner?.digits ?? "-", $0) })
        #expect(result.map { $0.practitioner?.digits ?? "-" } == [F.martin, F.lefevre].sorted())
        #expect(byRPPS[F.martin]?.occurrences.map(\.uid) == ["m1"])
        #expect(byRPPS[F.lefevre]?.occurrences.map(\.uid) == ["l2", "l1"])
        #expect(byRPPS[F.lefevre]?.occurrences.allSatisfy { $0.practitioner?.digits == F.lefevre } == true)
        #expect(byRPPS[F.lefevre]?.declaredRange == nil)
    }

    @Test func logicalReferenceByIdentifier() throws {
        let schedule = """
            {"resource": {"resourceType": "Schedule", "id": "sched-martin",
               "actor": [{"identifier": {"system": "\(F.oid)", "value": "8\(F.martin)"}}]}}
            """
        let result = try read(F.bundle([F.slot("x"), schedule], type: "transaction"))
        #expect(result.first?.practitioner?.digits == F.martin)
        #expect(result.first?.occurrences.first?.practitioner?.digits == F.martin)
    }

    // Each rejection with the JSON path of its cause (entries: 0 slot, 1 schedule, 2 role, 3 practitioner).
    @Test(arguments: [
        (F.bundle([F.slot("x", start: "2026-12-07T09:00:00"), F.schedule(), F.role, F.practitioner("pr-martin", value: "8" + F.martin)]),
         "$.entry[0].resource.start", "has no UTC offset"),
        (F.bundle([F.slot("x", end: "07/12/2026 09:20"), F.schedule(), F.role, F.practitioner("pr-martin", value: "8" + F.martin)]),
         "$.entry[0].resource.end", "is not a FHIR instant"),
        (F.bundle([F.slot("x", end: "2026-12-07T08:00:00+01:00"), F.schedule(), F.role, F.practitioner("pr-martin", value: "8" + F.martin)]),
         "$.entry[0].resource.end", "before it starts"),
        (F.bundle([F.slot("x", status: "booked"), F.schedule(), F.role, F.practitioner("pr-martin", value: "8" + F.martin)]),
         "$.entry[0].resource.status", "not a FHIR R4 slot status"),
        (F.bundle([F.slot("x"), F.schedule(), F.role, F.practitioner("pr-martin", value: "8" + F.martinMistyped)]),
         "$.entry[3].resource.identifier[1].value", "fails its check digit"),
        (F.bundle([F.slot("x"), F.schedule(), F.role, F.practitioner("pr-martin", value: "8123")]),
         "$.entry[3].resource.identifier[1].value", "is not 8 followed by an 11-digit RPPS"),
        (F.bundle([F.slot("x", schedule: "Schedule/elsewhere"), F.schedule(), F.role, F.practitioner("pr-martin", value: "8" + F.martin)]),
         "$.entry[0].resource.schedule", "is not in the bundle"),
        (F.bundle([F.slot("x", schedule: "Practitioner/pr-martin"), F.schedule(), F.role, F.practitioner("pr-martin", value: "8" + F.martin)]),
         "$.entry[0].resource.schedule", "is a Practitioner, not a Schedule"),
        (F.bundle([F.slot("x"), F.schedule(), F.practitioner("pr-martin", value: "8" + F.martin)]),
         "$.entry[1].resource.actor[0]", "points to nothing in the bundle"),
        (F.bundle([F.slot("x"), F.schedule(), F.role,
                   #"{"resource": {"resourceType": "Practitioner", "id": "pr-martin", "identifier": [{"system": "urn:other", "value": "1"}]}}"#]),
         "$.entry[3].resource", "has no RPPS identifier"),
        (F.bundle([F.slot("x")], type: "document"), "$.type", "of type document"),
        (#"{"resourceType": "Slot", "id": "x"}"#, "$", "not a Bundle"),
        (#"{"resourceType": "Bundle", "entry": []}"#, "$", "the Bundle has no type"),
        (#"{"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": {"id": "x"}}]}"#, "$.entry[0].resource", "no resourceType"),
        (#"{"resourceType": "Bundle", "type": "searchset", "entry": {"resource": 3}}"#, "$.entry.resource", "an object was expected"),
        (#"{"resourceType": "Bundle", "type": ["searchset"]}"#, "$.type", "a list"),
        ("{\"resourceType\": \"Bundle\",", "$", "not valid JSON"),
    ])
    func rejections(bundle: String, path: String, problem: String) {
        let e = readError(bundle)
        #expect(e?.place.jsonPath == path, "\(String(describing: e))")
        #expect(e?.problem.contains(problem) == true, "\(String(describing: e))")
        #expect(e?.place.file == "sas.json")
    }

    @Test func otherNationalIdentifiersAreNotRPPS() throws {
        // A nurse known by ADELI (IdNat_PS 0…) in the bundle does not block the GP's slots.
        let nurse = #"{"resource": {"resourceType": "Practitioner", "id": "nurse", "identifier": [{"system": "urn:oid:1.2.250.1.71.4.2.1", "value": "0781234567"}]}}"#
        let result = try read(F.bundle([F.slot("x"), F.schedule(), F.role, F.practitioner("pr-martin", value: "8" + F.martin), nurse]))
        #expect(result.map { $0.practitioner?.digits } == [F.martin])
        #expect(result.first?.occurrences.count == 1)
        // But a Schedule pointing at that Practitioner cannot say whose slots they are.
        let nurseSchedule = #"{"resource": {"resourceType": "Schedule", "id": "sched-martin", "actor": [{"reference": "Practitioner/nurse"}]}}"#
        #expect(readError(F.bundle([F.slot("x"), nurseSchedule, nurse]))?.problem.contains("has no RPPS identifier") == true)
    }

    @Test func scheduleNamingTwoPractitionersIsRefused() {
        let schedule = """
            {"resource": {"resourceType": "Schedule", "id": "sched-martin",
               "actor": [{"identifier": {"system": "\(F.oid)", "value": "8\(F.martin)"}}, {"identifier": {"system": "\(F.oid)", "value": "\(F.lefevre)"}}]}}
            """
        #expect(readError(F.bundle([F.slot("x"), schedule]))?.problem.contains("names two practitioners") == true)
    }

    @Test func orphanSlotAmongSeveralPractitionersIsRefused() {
        let anonymous = #"{"resource": {"resourceType": "Schedule", "id": "anon", "actor": [{"reference": "Location/loc-ramb"}]}}"#
        let bundle = F.bundle([F.slot("x", schedule: "Schedule/anon"), anonymous, F.location,
                               F.practitioner("pr-martin", value: "8" + F.martin), F.practitioner("pr-lefevre", value: "8" + F.lefevre)])
        let e = readError(bundle)
        #expect(e?.problem.contains("names several practitioners") == true)
        #expect(e?.place.jsonPath == "$.entry[0].resource")
    }

    @Test func xmlErrorsCarryTheLineAndThePath() {
        let xml = F.sasBundleXML.replacingOccurrences(of: "<start value=\"2026-12-07T14:00:00+01:00\"/>", with: "<start value=\"2026-12-07T14:00:00\"/>")
        #expect {
            _ = try FHIRBundleReader.read(bytes: Array(xml.utf8), file: "sas.xml")
        } throws: { error in
            guard let e = error as? InputError else { return false }
            return e.problem.contains("no UTC offset") && e.place.line == 28 && e.place.jsonPath == "$.entry[1].resource.start"
        }
    }

    @Test(arguments: [
        ("<Bundle><type value=\"searchset\"/></Bundle>", "not FHIR XML"),
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE Bundle [<!ENTITY x \"y\">]>\n<Bundle xmlns=\"http://hl7.org/fhir\"/>", "declares a DTD"),
        ("<Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"searchset\"></Bundle>", "not well formed"),
        ("plain text", "neither FHIR JSON nor FHIR XML"),
    ])
    func xmlAndFormatRejections(text: String, problem: String) {
        #expect(readError(text)?.problem.contains(problem) == true, "\(String(describing: readError(text)))")
    }

    @Test func sizeLimit() {
        #expect {
            _ = try FHIRBundleReader.read(bytes: Array(F.sasBundle.utf8), file: "big.json", limits: XMLReadLimits(maxBytes: 100))
        } throws: { ($0 as? InputError)?.problem.contains("over the 100-byte limit") == true }
    }
}
