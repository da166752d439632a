/// The two FHIR R4 serialisations SlotMatch reads (FHIR R4 "XML Representation" and "JSON Representation").
public enum FHIRFormat: String, Sendable, Hashable, CaseIterable {
    case json, xml

    /// Detected from the first significant byte: `{` is JSON, `<` is XML (a UTF-8 BOM and spaces skipped).
    public static func detect(_ bytes: [UInt8]) -> FHIRFormat? {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        guard i < bytes.count else { return nil }
        switch bytes[i] {
        case UInt8(ascii: "{"): return .json
        case UInt8(ascii: "<"): return .xml
        default: return nil
        }
    }
}
