import SlotMatchCore

/// Synthetic FHIR bundles in the SAS aggregator shape, built in code (no real practitioner, no patient).
enum FHIRFixtures {
    /// Synthetic RPPS numbers with a valid Luhn check digit.
    static let martin = rpps("1000345678")
    static let lefevre = rpps("1000987654")
    static let oid = "urn:oid:1.2.250.1.71.4.2.1"

    static func rpps(_ prefix: String) -> String { prefix + String(RPPS.checkDigit(forPrefix: prefix)) }

    /// A wrong check digit for `martin`.
    static var martinMistyped: String {
        let last = Int(String(martin.last!))!
        return String(martin.dropLast()) + String((last + 1) % 10)
    }

    static func slot(_ id: String, status: String = "free", start: String = "2026-12-07T09:00:00+01:00",
                     end: String = "2026-12-07T09:20:00+01:00", schedule: String = "Schedule/sched-martin",
                     extra: String = "") -> String {
        """
        {"fullUrl": "https://sas.example.invalid/fhir/Slot/\(id)",
         "resource": {"resourceType": "Slot", "id": "\(id)", \(extra)
           "schedule": {"reference": "\(schedule)"}, "status": "\(status)", "start": "\(start)", "end": "\(end)"},
         "search": {"mode": "match"}}
        """
    }

    static func practitioner(_ id: String, value: String) -> String {
        """
        {"fullUrl": "https://sas.example.invalid/fhir/Practitioner/\(id)",
         "resource": {"resourceType": "Practitioner", "id": "\(id)",
           "identifier": [{"system": "urn:oid:1.2.250.1.71.4.2.2", "value": "ADELI-IGNORED"},
                          {"system": "\(oid)", "value": "\(value)"}],
           "name": [{"family": "Martin", "given": ["Claire"], "prefix": ["Dr"]}]},
         "search": {"mode": "include"}}
        """
    }

    static let role = """
        {"fullUrl": "https://sas.example.invalid/fhir/PractitionerRole/role-martin",
         "resource": {"resourceType": "PractitionerRole", "id": "role-martin",
           "practitioner": {"reference": "Practitioner/pr-martin"}, "location": [{"reference": "Location/loc-ramb"}]},
         "search": {"mode": "include"}}
        """

    static let location = """
        {"fullUrl": "https://sas.example.invalid/fhir/Location/loc-ramb",
         "resource": {"resourceType": "Location", "id": "loc-ramb", "name": "Cabinet de la Poste, Rambouillet",
           "address": {"city": "Rambouillet", "postalCode": "78120"}},
         "search": {"mode": "include"}}
        """

    static func schedule(horizon: String = #""planningHorizon": {"start": "2026-12-07T00:00:00+01:00", "end": "2026-12-14T00:00:00+01:00"},"#) -> String {
        """
        {"fullUrl": "https://sas.example.invalid/fhir/Schedule/sched-martin",
         "resource": {"resourceType": "Schedule", "id": "sched-martin", "active": true, \(horizon)
           "actor": [{"reference": "PractitionerRole/role-martin"}, {"reference": "Location/loc-ramb"}]},
         "search": {"mode": "include"}}
        """
    }

    static func bundle(_ entries: [String], type: String = "searchset") -> String {
        "{\"resourceType\": \"Bundle\", \"id\": \"b1\", \"type\": \"\(type)\", \"total\": \(entries.count),\n \"entry\": [\n"
            + entries.joined(separator: ",\n") + "]}"
    }

    /// The SAS search answer for one GP: Schedule, PractitionerRole, Practitioner, Location, and slots of every kind.
    static var sasBundle: String {
        bundle([
            slot("s1", extra: #""meta": {"security": [{"system": "https://sas.sante.fr/slot-type", "code": "SNP"}]}, "serviceType": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB"}]}], "appointmentType": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0276", "code": "WALKIN"}]},"#),
            slot("s2", start: "2026-12-07T14:00:00+01:00", end: "2026-12-07T14:30:00+01:00",
                 extra: #""meta": {"security": [{"code": "PRO"}, {"code": "CPTS"}, {"system": "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "code": "N"}]}, "serviceType": [{"coding": [{"code": "HH"}]}],"#),
            slot("s3", status: "busy-unavailable", start: "2026-12-08T08:00:00Z", end: "2026-12-08T11:00:00Z"),
            slot("s4", status: "entered-in-error", start: "2026-12-09T09:00:00+01:00", end: "2026-12-09T09:20:00+01:00"),
            slot("s5", status: "busy-tentative", start: "2026-12-07T10:00:00+01:00", end: "2026-12-07T10:20:00+01:00"),
            slot("s6", start: "2026-12-07T08:40:00+01:00", end: "2026-12-07T09:00:00+01:00",
                 schedule: "https://sas.example.invalid/fhir/Schedule/sched-martin",
                 extra: #""serviceType": [{"coding": [{"code": "VR"}]}],"#),
            schedule(), role, practitioner("pr-martin", value: "8" + martin), location,
        ])
    }

    /// The same bundle in FHIR XML.
    static var sasBundleXML: String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Bundle xmlns="http://hl7.org/fhir">
          <id value="b1"/>
          <type value="searchset"/>
          <total value="9"/>
          <entry>
            <fullUrl value="https://sas.example.invalid/fhir/Slot/s1"/>
            <resource><Slot>
              <id value="s1"/>
              <meta><security><system value="https://sas.sante.fr/slot-type"/><code value="SNP"/></security></meta>
              <text><status value="generated"/><div xmlns="http://www.w3.org/1999/xhtml"><p>Créneau SNP</p></div></text>
              <serviceType><coding><system value="http://terminology.hl7.org/CodeSystem/v3-ActCode"/><code value="AMB"/></coding></serviceType>
              <appointmentType><coding><code value="WALKIN"/></coding></appointmentType>
              <schedule><reference value="Schedule/sched-martin"/></schedule>
              <status value="free"/>
              <start value="2026-12-07T09:00:00+01:00"/>
              <end value="2026-12-07T09:20:00+01:00"/>
            </Slot></resource>
            <search><mode value="match"/></search>
          </entry>
          <entry>
            <resource><Slot>
              <id value="s2"/>
              <meta><security><code value="PRO"/></security><security><code value="CPTS"/></security></meta>
              <serviceType><coding><code value="HH"/></coding></serviceType>
              <schedule><reference value="Schedule/sched-martin"/></schedule>
              <status value="free"/>
              <start value="2026-12-07T14:00:00+01:00"/>
              <end value="2026-12-07T14:30:00+01:00"/>
            </Slot></resource>
          </entry>
          <entry><resource><Slot><id value="s3"/><schedule><reference value="Schedule/sched-martin"/></schedule>
            <status value="busy-unavailable"/><start value="2026-12-08T08:00:00Z"/><end value="2026-12-08T11:00:00Z"/></Slot></resource></entry>
          <entry><resource><Slot><id value="s4"/><schedule><reference value="Schedule/sched-martin"/></schedule>
            <status value="entered-in-error"/><start value="2026-12-09T09:00:00+01:00"/><end value="2026-12-09T09:20:00+01:00"/></Slot></resource></entry>
          <entry><resource><Slot><id value="s5"/><schedule><reference value="Schedule/sched-martin"/></schedule>
            <status value="busy-tentative"/><start value="2026-12-07T10:00:00+01:00"/><end value="2026-12-07T10:20:00+01:00"/></Slot></resource></entry>
          <entry><resource><Slot><id value="s6"/><serviceType><coding><code value="VR"/></coding></serviceType>
            <schedule><reference value="urn:uuid:7f0c2a4e-0b1d-4c47-9d43-2f6f3c1d9a10"/></schedule>
            <status value="free"/><start value="2026-12-07T08:40:00+01:00"/><end value="2026-12-07T09:00:00+01:00"/></Slot></resource></entry>
          <entry>
            <fullUrl value="urn:uuid:7f0c2a4e-0b1d-4c47-9d43-2f6f3c1d9a10"/>
            <resource><Schedule>
              <id value="sched-martin"/>
              <active value="true"/>
              <actor><reference value="PractitionerRole/role-martin"/></actor>
              <actor><reference value="Location/loc-ramb"/></actor>
              <planningHorizon><start value="2026-12-07T00:00:00+01:00"/><end value="2026-12-14T00:00:00+01:00"/></planningHorizon>
            </Schedule></resource>
          </entry>
          <entry><resource><PractitionerRole><id value="role-martin"/>
            <practitioner><reference value="#p"/></practitioner>
            <contained><Practitioner><id value="p"/>
              <identifier><system value="\(oid)"/><value value="8\(martin)"/></identifier>
            </Practitioner></contained>
          </PractitionerRole></resource></entry>
          <entry><resource><Location><id value="loc-ramb"/><name value="Cabinet de la Poste, Rambouillet"/></Location></resource></entry>
        </Bundle>
        """
    }
}
