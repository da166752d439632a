import SlotMatchService
import SlotMatchCore
import SlotMatchStore

/// What happened to one published file in an import run: the `--format json` record and the table row.
struct FileImportResult: Sendable {
    enum Status: String, Sendable { case imported, unchanged, rejected }

    var path: String
    var practitioners: [String]
    var status: Status
    var added = 0
    var removed = 0
    var kept = 0
    var conflicts: [ImportConflict] = []
    var errors: [String] = []
    /// Where the inbox moved the file, in inbox mode.
    var movedTo: String?

    var json: JSONValue {
        var members: [String: JSONValue] = [
            "path": .string(path),
            "practitioner": practitioners.count == 1 ? .string(practitioners[0]) : (practitioners.isEmpty ? .null : .array(practitioners.map(JSONValue.string))),
            "status": .string(status.rawValue),
            "slots": .object(["added": .int(added), "removed": .int(removed), "kept": .int(kept)]),
            "conflicts": .array(conflicts.map { c in
                .object(["slot": .int(Int(c.slotID)), "start": .string(c.start.iso8601), "end": .string(c.end.iso8601),
                         "mode": .string(c.mode.code), "status": .string(c.status.rawValue)])
            }),
            "errors": .array(errors.map(JSONValue.string)),
        ]
        if let movedTo { members["movedTo"] = .string(movedTo) }
        return .object(JSONObject(sortingKeysOf: members))
    }
}
