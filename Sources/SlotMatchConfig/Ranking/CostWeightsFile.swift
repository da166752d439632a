import Foundation
import SlotMatchCore

/// Reads the ranking weights file (`--weights FILE`): a JSON object whose members are the property names of
/// the matching engine's `CostWeights`, each a whole number ≥ 0; a member left out keeps its default. The
/// defaults ship as `Resources/cost-weights.json` (docs/service.md, "Ranking"). The reader answers the
/// weights by name, so SlotMatchConfig needs no dependency on SlotMatchMatching; the service applies them.
public enum CostWeightsFile {
    public static let fields = ["travelMinute", "waitMinute", "treatingGPBonus", "practitionerLoad", "poleLoad"]

    public static var bundledURL: URL? { Bundle.module.url(forResource: "cost-weights", withExtension: "json") }

    /// The weights by field name from the file at `path`, or from the bundled file when `path` is nil.
    public static func load(path: String?) throws(InputError) -> [String: Int] {
        if let path { return try parse(Data(try FileInput.bytes(path: path, what: "ranking weights")), file: path) }
        guard let url = bundledURL else { return [:] }
        return try parse(Data(try FileInput.bytes(path: url.path, what: "ranking weights")), file: url.path)
    }

    public static func parse(_ data: Data, file: String? = nil) throws(InputError) -> [String: Int] {
        let root = try JSONNode.parse(data, file: file)
        var w: [String: Int] = [:]
        for (key, node) in try root.object() {
            if key == "$comment" { continue }
            guard fields.contains(key) else {
                throw node.error("unknown field \"\(key)\"", remedy: "Known fields: " + fields.joined(separator: ", ") + ".")
            }
            let v = try node.int()
            guard v >= 0, v <= 1_000_000 else {
                throw node.error("the weight \(v) is outside 0 … 1000000", remedy: "Give a whole number of cost units, 0 or more.")
            }
            w[key] = v
        }
        return w
    }

}
