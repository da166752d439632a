import SlotMatchCore

/// A JSON-RPC 2.0 error object (JSON-RPC 2.0 §5.1): the code, a message for people, and `data` with a
/// stable string `code` for programs, plus the JSON path of a bad parameter and what to do.
///
/// Codes: the spec's -32700 … -32603, and the service's own in -32001 … -32099 (docs/service.md).
public struct RPCError: Error, Sendable, Hashable {
    public var code: Int
    public var message: String
    public var data: JSONObject

    public init(code: Int, message: String, data: JSONObject = JSONObject()) {
        self.code = code; self.message = message; self.data = data
    }

    public var json: JSONValue {
        var members: [(String, JSONValue)] = [("code", .int(code)), ("message", .string(message))]
        if !data.isEmpty { members.append(("data", .object(data))) }
        return .members(members)
    }

    /// The stable string code in `data.code`.
    public var dataCode: String? {
        if case .string(let s)? = data["code"] { return s }
        return nil
    }

    static func with(_ code: Int, _ message: String, _ dataCode: String, _ extra: [(String, JSONValue)] = []) -> RPCError {
        RPCError(code: code, message: message, data: JSONObject([("code", .string(dataCode))] + extra))
    }

    // JSON-RPC 2.0 §5.1 pre-defined errors.
    public static func parseError(_ e: JSONSyntaxError) -> RPCError {
        with(-32700, "Parse error: \(e.problem)", e.kind.rawValue, [("offset", .int(e.offset))])
    }
    public static func lineTooLong(limit: Int) -> RPCError {
        with(-32600, "Invalid Request: the line is longer than \(limit) bytes", "line-too-long", [("limit", .int(limit))])
    }
    public static func invalidRequest(_ problem: String, path: String = "$") -> RPCError {
        with(-32600, "Invalid Request: \(problem)", "invalid-request", [("path", .string(path))])
    }
    public static func methodNotFound(_ name: String) -> RPCError {
        with(-32601, "Method not found: \(name)", "method-not-found", [("method", .string(name))])
    }
    /// -32602 with the JSON path of the bad field (`$.params.modes[1]`) and a remedy.
    public static func invalidParams(path: String, _ problem: String, remedy: String) -> RPCError {
        with(-32602, "Invalid params: \(path): \(problem)", "invalid-params",
             [("path", .string(path)), ("problem", .string(problem)), ("remedy", .string(remedy))])
    }
    public static func invalidParams(_ e: InputError) -> RPCError {
        invalidParams(path: e.place.jsonPath ?? "$.params", e.problem, remedy: e.remedy)
    }
    public static func internalError(_ problem: String) -> RPCError {
        with(-32603, "Internal error: \(problem)", "internal-error")
    }

    // The service's application errors (docs/service.md, "Errors").
    public static func slotUnavailable(_ message: String) -> RPCError { with(-32001, message, "slot-unavailable") }
    public static func holdExpired(_ message: String) -> RPCError { with(-32002, message, "hold-expired") }
    public static func capReached(_ message: String) -> RPCError { with(-32003, message, "cap-reached") }
    public static func notFound(_ message: String) -> RPCError { with(-32004, message, "not-found") }
    public static func notAllowed(_ message: String) -> RPCError { with(-32005, message, "not-allowed") }
    public static func storeBusy(_ message: String) -> RPCError { with(-32007, message, "store-busy") }
}
