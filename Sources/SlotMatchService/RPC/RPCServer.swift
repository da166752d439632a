/// JSON-RPC 2.0 framing over lines: one JSON value per line in, at most one line out (JSON-RPC 2.0 §4–§6).
///
/// - a request (with `id`) gets one response; a notification (no `id`) gets none, even on error (§4.1);
/// - a batch (array) gets an array of the responses of its requests, in their order; an empty batch is
///   -32600; a batch of notifications only gets nothing at all (§6);
/// - anything that is not JSON is -32700 with id null; a value that is not a valid request object is -32600
///   (answered even without an id: it is no valid notification either, as the spec's §7 examples show).
/// The methods are the `RPCMethods` table; this type never touches the store itself.
public final class RPCServer {
    /// A method: reads its params, answers a result, or throws an `RPCError` (any other error is -32603).
    public typealias Handler = (ParamReader) throws -> JSONValue

    public let maximumDepth: Int
    private var handlers: [String: Handler] = [:]
    /// Set by `shutdown`: the loop stops after answering the current line.
    public private(set) var isShuttingDown = false
    /// Where logs go (standard error in `serve`).
    public var log: (String) -> Void

    public init(maximumDepth: Int = JSONReader.defaultMaximumDepth, log: @escaping (String) -> Void = { _ in }) {
        self.maximumDepth = maximumDepth
        self.log = log
    }

    /// Adds or replaces a method.
    public func register(_ method: String, _ handler: @escaping Handler) { handlers[method] = handler }

    public var methodNames: [String] { handlers.keys.sorted() }

    /// The answer line to one input line (without its line end), or nil when nothing is to be written.
    public func answer(line: [UInt8]) -> [UInt8]? {
        let value: JSONValue
        do { value = try JSONReader.parse(line, maximumDepth: maximumDepth) } catch {
            log("parse error: \(error)")
            return JSONWriter.bytes(RPCServer.response(id: .null, error: .parseError(error)))
        }
        return answer(value).map(JSONWriter.bytes)
    }

    /// The answer to an over-long line (its content was not kept).
    public func answerLineTooLong(limit: Int) -> [UInt8] {
        JSONWriter.bytes(RPCServer.response(id: .null, error: .lineTooLong(limit: limit)))
    }

    /// The answer to one parsed value, or nil when nothing is to be written.
    public func answer(_ value: JSONValue) -> JSONValue? {
        if case .array(let items) = value {
            guard !items.isEmpty else {
                return RPCServer.response(id: .null, error: .invalidRequest("an empty batch (array) holds no request"))
            }
            var answers: [JSONValue] = []
            for (i, item) in items.enumerated() {
                if let a = single(item, path: "$[\(i)]") { answers.append(a) }
            }
            return answers.isEmpty ? nil : .array(answers)
        }
        return single(value, path: "$")
    }

    /// JSON-RPC 2.0 §4: a request object.
    private func single(_ value: JSONValue, path: String) -> JSONValue? {
        guard case .object(let request) = value else {
            return RPCServer.response(id: .null, error: .invalidRequest("a request must be a JSON object, not \(value.kind)", path: path))
        }
        // The id, when valid, is echoed even if something else is wrong (§5: null only when it cannot be read).
        var id: JSONValue = .null
        let isNotification: Bool
        if let given = request["id"] {
            switch given {
            case .string, .number, .null: id = given
            default:
                return RPCServer.response(id: .null, error: .invalidRequest("the id must be a string, a number or null, not \(given.kind)", path: path + ".id"))
            }
            isNotification = false
        } else {
            isNotification = true
        }
        // A value that is not a valid Request object is answered -32600 even without an id (it is then no
        // notification either): JSON-RPC 2.0 §6 example `{"jsonrpc": "2.0", "method": 1, "params": "bar"}`.
        guard case .string("2.0")? = request["jsonrpc"] else {
            return RPCServer.response(id: id, error: .invalidRequest("\"jsonrpc\" must be exactly \"2.0\"", path: path + ".jsonrpc"))
        }
        guard case .string(let method)? = request["method"] else {
            return RPCServer.response(id: id, error: .invalidRequest("\"method\" must be a string", path: path + ".method"))
        }
        for key in request.keys where !["jsonrpc", "method", "params", "id"].contains(key) {
            return RPCServer.response(id: id, error: .invalidRequest("unknown member \"\(key)\" in the request", path: path + "." + key))
        }
        if let params = request["params"] {
            switch params {
            case .object, .array: break
            default:
                // §4.2: params, when present, MUST be a structured value.
                return RPCServer.response(id: id, error: .invalidRequest("\"params\" must be an object (or an array), not \(params.kind)", path: path + ".params"))
            }
        }
        let result: Result<JSONValue, RPCError>
        if method == "shutdown" {
            // Answered, then the loop ends after this line (and the rest of its batch).
            do {
                let params = try ParamReader.top(request["params"])
                try params.finish()
                isShuttingDown = true
                result = .success(.string("bye"))
            } catch {
                result = .failure(error)
            }
        } else if let handler = handlers[method] {
            do {
                let params = try ParamReader.top(request["params"])
                result = .success(try handler(params))
            } catch let e as RPCError {
                result = .failure(e)
            } catch {
                result = .failure(.internalError("\(error)"))
            }
        } else {
            result = .failure(.methodNotFound(method))
        }
        if case .failure(let e) = result { log("\(method): \(e.code) \(e.message)") }
        if isNotification { return nil }
        switch result {
        case .success(let v): return .members([("jsonrpc", .string("2.0")), ("result", v), ("id", id)])
        case .failure(let e): return RPCServer.response(id: id, error: e)
        }
    }

    static func response(id: JSONValue, error: RPCError) -> JSONValue {
        .members([("jsonrpc", .string("2.0")), ("error", error.json), ("id", id)])
    }
}
