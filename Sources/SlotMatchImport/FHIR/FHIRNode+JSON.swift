import Foundation
import SlotMatchCore

extension FHIRNode {
    /// FHIR JSON (FHIR R4 "JSON Representation") read with Foundation's `JSONSerialization` at the edge, then turned
    /// into the neutral tree once. Primitive extensions (`_start`) are not needed and dropped.
    static func json(_ bytes: [UInt8], file: String) throws(InputError) -> FHIRNode {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            throw InputError(SourcePlace(file: file, jsonPath: "$"),
                             "the file is not valid JSON" + (detail.map { " (\($0))" } ?? ""),
                             remedy: "Export the bundle again; if it was edited by hand, check the commas, quotes and brackets.")
        }
        return convert(object)
    }

    private static func convert(_ any: Any) -> FHIRNode {
        if let s = any as? String { return FHIRNode(.string(s)) }
        if let d = any as? [String: Any] {
            var fields: [String: Field] = [:]
            fields.reserveCapacity(d.count)
            for (key, value) in d where !key.hasPrefix("_") {
                if let list = value as? [Any] {
                    fields[key] = Field(nodes: list.map(convert), isArray: true)
                } else {
                    fields[key] = Field(nodes: [convert(value)], isArray: false)
                }
            }
            return FHIRNode(.object(fields))
        }
        if any is NSNull { return FHIRNode(.null) }
        // Booleans and numbers are not read by SlotMatch; both are kept as their text.
        if let n = any as? NSNumber { return FHIRNode(.number(n.stringValue)) }
        return FHIRNode(.null)  // a list directly inside a list: not FHIR, read as nothing
    }
}
