import SlotMatchCore

/// The resources of a FHIR Bundle, indexed the ways FHIR R4 Bundle, "Resolving references in Bundles",
/// lets a reference find them: by `fullUrl` (`urn:uuid:…`, absolute URL), by `Type/id`, and by `#id`
/// among the `contained` resources of the referring resource.
struct FHIRBundleIndex {
    struct Resource {
        var type: String
        var id: String?
        var fullUrl: String?
        var cursor: FHIRCursor
        /// The top-level resource a contained resource lives in.
        var container: Int?
        /// `id` → index, for the resources this one contains.
        var contained: [String: Int] = [:]
    }

    private(set) var resources: [Resource] = []
    private var byFullUrl: [String: Int] = [:]
    private var byTypeAndId: [String: Int] = [:]

    init(entries: [FHIRCursor]) throws(InputError) {
        for entry in entries {
            // A transaction DELETE entry has no resource; a searchset entry may be an OperationOutcome.
            guard let resource = try entry.optional("resource") else { continue }
            let fullUrl = try entry.string("fullUrl")
            let index = try add(resource, fullUrl: fullUrl, container: nil)
            if let fullUrl { byFullUrl[fullUrl] = index }
            if let id = resources[index].id { byTypeAndId[resources[index].type + "/" + id] = index }
        }
    }

    private mutating func add(_ cursor: FHIRCursor, fullUrl: String?, container: Int?) throws(InputError) -> Int {
        guard let type = try cursor.string("resourceType") else {
            throw cursor.error("this resource has no resourceType", remedy: "Every FHIR resource names its type, for example \"resourceType\": \"Slot\".")
        }
        let index = resources.count
        resources.append(Resource(type: type, id: try cursor.string("id"), fullUrl: fullUrl, cursor: cursor, container: container))
        for child in try cursor.list("contained") {
            let childIndex = try add(child, fullUrl: nil, container: index)
            if let id = resources[childIndex].id { resources[index].contained[id] = childIndex }
        }
        return index
    }

    /// The resource a `Reference.reference` string names, seen from resource `from`; nil when not in the bundle.
    func resolve(_ reference: String, from: Int) -> Int? {
        if reference.hasPrefix("#") {
            let top = resources[from].container ?? from
            let id = String(reference.dropFirst())
            return id.isEmpty ? top : resources[top].contained[id]
        }
        if let i = byFullUrl[reference] { return i }
        var r = Substring(reference)
        if let history = r.firstRange(of: "/_history/") { r = r[..<history.lowerBound] }
        if let i = byFullUrl[String(r)] { return i }
        let parts = r.split(separator: "/")
        guard parts.count >= 2 else { return nil }
        return byTypeAndId[parts[parts.count - 2] + "/" + parts[parts.count - 1]]
    }
}
