import SlotMatchCore

/// The formats a published agenda file may come in, recognised from its first bytes (not its name:
/// agenda software exports `.ics` files named `.txt`, and FHIR bundles arrive as `.json` or `.xml`).
public enum PublishedFileFormat: String, CaseIterable, Sendable, Hashable {
    /// RFC 5545 iCalendar: starts with `BEGIN:VCALENDAR`.
    case iCalendar = "icalendar"
    /// RFC 6321 xCal: XML whose root is in the `urn:ietf:params:xml:ns:icalendar-2.0` namespace.
    case xCal = "xcal"
    /// FHIR R4 JSON Bundle: a JSON object with `"resourceType": "Bundle"`.
    case fhirJSON = "fhir-json"
    /// FHIR R4 XML Bundle: XML in the `http://hl7.org/fhir` namespace.
    case fhirXML = "fhir-xml"
    /// SlotMatch CSV: a header line naming at least a start and an end column.
    case csv

    static let xCalNamespace = Array("urn:ietf:params:xml:ns:icalendar-2.0".utf8)
    static let fhirNamespace = Array("http://hl7.org/fhir".utf8)
    /// How far into the file detection looks: far enough for an XML prolog, comments and the root element.
    static let sniffLength = 64 * 1024

    /// Recognises the format of a file's bytes, or says what the file looks like and what SlotMatch reads.
    public static func detect(_ bytes: [UInt8], file: String? = nil) throws(InputError) -> PublishedFileFormat {
        let head = Array(bytes.prefix(sniffLength))
        var i = 0
        if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { i = 3 }  // UTF-8 BOM
        while i < head.count, head[i] == 0x20 || head[i] == 0x09 || head[i] == 0x0D || head[i] == 0x0A { i += 1 }
        let place = SourcePlace(file: file, line: 1)
        guard i < head.count else {
            throw InputError(place, "the file is empty", remedy: "Export the agenda again; the file has no content.")
        }
        let body = Array(head[i...])
        if startsCaseInsensitive(body, "BEGIN:VCALENDAR") { return .iCalendar }
        switch body[0] {
        case UInt8(ascii: "<"):
            if contains(body, xCalNamespace) { return .xCal }
            if contains(body, fhirNamespace) { return .fhirXML }
            throw InputError(place, "this XML file is neither xCal (RFC 6321) nor a FHIR bundle",
                             remedy: "Export the agenda as iCalendar (.ics), xCal, or a FHIR R4 Bundle.")
        case UInt8(ascii: "{"):
            if jsonDeclaresBundle(body) { return .fhirJSON }
            throw InputError(SourcePlace(file: file, jsonPath: "$.resourceType"), "this JSON file is not a FHIR Bundle",
                             remedy: "Send a FHIR R4 Bundle (\"resourceType\": \"Bundle\") of Slot and Schedule resources.")
        default:
            if looksLikeCSVHeader(body) { return .csv }
            throw InputError(place, "the file is not in a format SlotMatch reads",
                             remedy: "Publish iCalendar (starting BEGIN:VCALENDAR), xCal, a FHIR R4 Bundle, or CSV with a header line (see docs/slot-rules.md).")
        }
    }

    static func startsCaseInsensitive(_ bytes: [UInt8], _ prefix: String) -> Bool {
        let p = Array(prefix.utf8)
        guard bytes.count >= p.count else { return false }
        for k in 0 ..< p.count where upper(bytes[k]) != p[k] { return false }
        return true
    }

    @inline(__always) static func upper(_ b: UInt8) -> UInt8 { b >= 0x61 && b <= 0x7A ? b - 0x20 : b }

    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool { firstIndex(of: needle, in: bytes, from: 0) != nil }

    static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count, from <= bytes.count - needle.count else { return nil }
        var k = from
        while k <= bytes.count - needle.count {
            if bytes[k] == needle[0] {
                var m = 1
                while m < needle.count && bytes[k + m] == needle[m] { m += 1 }
                if m == needle.count { return k }
            }
            k += 1
        }
        return nil
    }

    /// `"resourceType"` then optional spaces, `:`, optional spaces, `"Bundle"`, anywhere in the head.
    static func jsonDeclaresBundle(_ bytes: [UInt8]) -> Bool {
        let key = Array("\"resourceType\"".utf8), value = Array("\"Bundle\"".utf8)
        var from = 0
        while let k = firstIndex(of: key, in: bytes, from: from) {
            var j = k + key.count
            while j < bytes.count, isSpace(bytes[j]) { j += 1 }
            if j < bytes.count, bytes[j] == UInt8(ascii: ":") {
                j += 1
                while j < bytes.count, isSpace(bytes[j]) { j += 1 }
                if j + value.count <= bytes.count, Array(bytes[j ..< j + value.count]) == value { return true }
            }
            from = k + 1
        }
        return false
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }

    /// A first line with comma- or semicolon-separated names, among them a start and an end column.
    static func looksLikeCSVHeader(_ bytes: [UInt8]) -> Bool {
        let line = bytes.prefix { $0 != 0x0A && $0 != 0x0D }
        let text = String(decoding: line, as: UTF8.self).lowercased()
        let names = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\t" })
            .map { String($0).trimmingSpaces.trimmingCharacters(quote: "\"") }
        return names.count >= 2 && names.contains { $0.hasPrefix("start") } && names.contains { $0.hasPrefix("end") }
    }
}

private extension String {
    func trimmingCharacters(quote: Character) -> String {
        var s = Substring(self)
        while s.first == quote { s = s.dropFirst() }
        while s.last == quote { s = s.dropLast() }
        return String(s)
    }
}
