/// Where in some input a problem was found: a file with line and column, or a JSON path.
public struct SourcePlace: Sendable, Hashable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var column: Int?
    /// `$.communes[3].lat` style path, for JSON documents and JSON-RPC parameters.
    public var jsonPath: String?

    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, jsonPath: String? = nil) {
        self.file = file; self.line = line; self.column = column; self.jsonPath = jsonPath
    }

    /// `file:line:column`, `file: $.a.b`, or whatever part is known.
    public var description: String {
        var s = file ?? ""
        if let line {
            s += (s.isEmpty ? "line " : ":") + String(line)
            if let column { s += ":" + String(column) }
        }
        if let jsonPath { s += (s.isEmpty ? "" : " at ") + jsonPath }
        return s.isEmpty ? "input" : s
    }
}

/// A problem in data someone gave SlotMatch, said so they can fix it: where, what, and what to do.
///
/// Every reader (territory, roster, calendars, rules, JSON-RPC parameters) throws this one type,
/// so the CLI and the service report bad input the same way (exit code 65, or error -32602).
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    public var place: SourcePlace
    public var problem: String
    public var remedy: String

    public init(_ place: SourcePlace, _ problem: String, remedy: String) {
        self.place = place; self.problem = problem; self.remedy = remedy
    }

    /// `roster.csv:4: the RPPS number 1234 has 4 digits, not 11. Fix: …`
    public var description: String { "\(place): \(problem). \(remedy)" }

    /// The same error found inside a file: prefixes the file name unless one is already set.
    public func inFile(_ file: String) -> InputError {
        var copy = self
        if copy.place.file == nil { copy.place.file = file }
        return copy
    }
}
