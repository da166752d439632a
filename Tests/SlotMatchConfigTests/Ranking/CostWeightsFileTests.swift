import Foundation
import Testing
import SlotMatchConfig

/// The ranking weights file.
@Suite struct CostWeightsFileTests {
    @Test func bundledWeightsAndOverrides() throws {
        let bundled = try CostWeightsFile.load(path: nil)
        #expect(bundled == ["travelMinute": 3, "waitMinute": 1, "treatingGPBonus": 240, "practitionerLoad": 120, "poleLoad": 60])
        let some = try CostWeightsFile.parse(Data(#"{"waitMinute": 2}"#.utf8))
        #expect(some == ["waitMinute": 2])
    }

    @Test(arguments: [(#"{"speed": 1}"#, "$.speed"), (#"{"waitMinute": -1}"#, "$.waitMinute"), (#"{"waitMinute": 1.5}"#, "$.waitMinute"), (#"{"poleLoad": "a"}"#, "$.poleLoad")])
    func badWeightsNameTheField(_ c: (String, String)) {
        do { _ = try CostWeightsFile.parse(Data(c.0.utf8)); Issue.record("accepted") } catch { #expect(error.place.jsonPath == c.1) }
    }
}
