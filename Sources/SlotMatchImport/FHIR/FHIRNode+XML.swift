import SlotMatchCore

extension FHIRNode {
    /// FHIR R4 "XML Representation": the namespace.
    static let fhirNamespace = "http://hl7.org/fhir"

    /// FHIR XML read with the streaming reader into the neutral tree: a primitive is an element with a
    /// `value` attribute; a resource is an element whose name starts with a capital letter (the root,
    /// or the single child of `<resource>` / `<contained>`), read as an object with `resourceType`.
    /// The XHTML narrative and elements of other namespaces are skipped.
    static func xml(_ bytes: [UInt8], file: String, limits: XMLReadLimits) throws(InputError) -> FHIRNode {
        let stream = try XMLStreamReader(bytes: bytes, file: file, limits: limits)
        while let event = try stream.next() {
            guard case .start(let root) = event else { continue }
            guard root.namespaceURI == fhirNamespace, root.localName.first?.isUppercase == true else {
                throw InputError(SourcePlace(file: file, line: root.line),
                                 "this is not FHIR XML: the root element is <\(root.localName)>" +
                                     (root.namespaceURI.isEmpty ? " without a namespace" : " in namespace \(root.namespaceURI)"),
                                 remedy: "A FHIR bundle starts with <Bundle xmlns=\"\(fhirNamespace)\">; export the slots as a FHIR R4 Bundle.")
            }
            return try element(root, stream)
        }
        throw InputError(SourcePlace(file: file, line: 1), "the file has no root element", remedy: "Export the FHIR bundle again.")
    }

    private static func element(_ tag: XMLStartTag, _ stream: XMLStreamReader) throws(InputError) -> FHIRNode {
        if let value = tag.attribute("value") {
            try stream.skipElement()  // a primitive's extensions are not needed
            return FHIRNode(.string(value), line: tag.line)
        }
        let isResource = tag.localName.first?.isUppercase == true
        var fields: [String: Field] = [:]
        if isResource { fields["resourceType"] = Field(nodes: [FHIRNode(.string(tag.localName), line: tag.line)], isArray: false) }
        if let url = tag.attribute("url") { fields["url"] = Field(nodes: [FHIRNode(.string(url), line: tag.line)], isArray: false) }
        while let event = try stream.next() {
            switch event {
            case .end: return FHIRNode(.object(fields), line: tag.line)
            case .text: continue
            case .start(let child):
                guard child.namespaceURI == fhirNamespace else { try stream.skipElement(); continue }
                let node = try element(child, stream)
                if !isResource, child.localName.first?.isUppercase == true {
                    // `<resource><Slot>…</Slot></resource>`: the wrapper is the resource itself.
                    try stream.skipElement()
                    return node
                }
                fields[child.localName, default: Field(nodes: [], isArray: false)].nodes.append(node)
            }
        }
        return FHIRNode(.object(fields), line: tag.line)
    }
}
