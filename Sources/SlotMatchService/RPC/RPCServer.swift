/// JSON-RPC 2.0 framing over lines: one JSON value per line in, at most one line out (JSON-RPC 2.0 §4–§6).
///
/// - a request (with `id`) gets one response; a notification (no `id`) gets none, even on error (§4.1);
/// - a batch (array) gets an array of the responses of its requests, in their order; an empty batch is
///   -32600; a batch of notifications only gets nothing at all (§6);
/// - anything that is not JSON is -32700 with id null; a value that is not a valid request object is -32600
///   (answered even without an id: it is no valid notification either, as the spec's §7 examples show).
/// Responses are written straight into the answer line's bytes (compact, as `JSONWriter` writes them), so a
/// method may hand back its result already written (`RPCResult.rendered`).
/// The methods are the `RPCMethods` table; this type never touches the store itself.
public final class RPCServer {
    /// A method: reads its params, answers a result, or throws an `RPCError` (any other error is -32603).
    public typealias Handler = (ParamReader) throws -> JSONValue
    /// A method that may answer its result already written (`RPCResult.rendered`).
    public typealias ResultHandler = (ParamReader) throws -> RPCResult

    public let maximumDepth: Int
    private var handlers: [String: ResultHandler] = [:]
    /// Set by `shutdown`: the loop stops after answering the current line.
    public private(set) var isShuttingDown = false
    /// Where logs go (standard error in `serve`).
    public var log: (String) -> Void

    public init(maximumDepth: Int = JSONReader.defaultMaximumDepth, log: @escaping (String) -> Void = { _ in }) {
        self.maximumDepth = maximumDepth
        self.log = log
    }

    /// Adds or replaces a method.
    public func register(_ method: String, _ handler: @escaping Handler) {
        handlers[method] = { params in .value(try handler(params)) }
    }

    /// Adds or replaces a method whose result may come already written.
    public func register(_ method: String, result handler: @escaping ResultHandler) { handlers[method] = handler }

    public var methodNames: [String] { handlers.keys.sorted() }

    /// The answer line to one input line (without its line end), or nil when nothing is to be written.
    public func answer(line: [UInt8]) -> [UInt8]? {
        let value: JSONValue
        do { value = try JSONReader.parse(line, maximumDepth: maximumDepth) } catch {
            log("parse error: \(error)")
            return JSONWriter.bytes(RPCServer.response(id: .null, error: .parseError(error)))
        }
        var out: [UInt8] = []
        return write(answerTo: value, into: &out) ? out : nil
    }

    /// The answer to an over-long line (its content was not kept).
    public func answerLineTooLong(limit: Int) -> [UInt8] {
        JSONWriter.bytes(RPCServer.response(id: .null, error: .lineTooLong(limit: limit)))
    }

    /// The answer to one parsed value, or nil when nothing is to be written (the answer line read back).
    public func answer(_ value: JSONValue) -> JSONValue? {
        var out: [UInt8] = []
        guard write(answerTo: value, into: &out) else { return nil }
        // The line is this server's own compact JSON; its depth is the request's plus the response's own levels.
        do { return try JSONReader.parse(out, maximumDepth: Int.max) } catch {
            return RPCServer.response(id: .null, error: .internalError("an answer could not be read back: \(error)"))
        }
    }

    /// Appends the answer to one parsed value (a request or a batch); false when nothing is to be written.
    private func write(answerTo value: JSONValue, into out: inout [UInt8]) -> Bool {
        guard case .array(let items) = value else { return single(value, path: "$", into: &out) }
        guard !items.isEmpty else {
            JSONWriter.write(RPCServer.response(id: .null, error: .invalidRequest("an empty batch (array) holds no request")), into: &out)
            return true
        }
        let start = out.count
        out.append(UInt8(ascii: "["))
        var answered = 0
        for (i, item) in items.enumerated() {
            let mark = out.count
            if answered > 0 { out.append(UInt8(ascii: ",")) }
            if single(item, path: "$[\(i)]", into: &out) { answered += 1 } else { out.removeSubrange(mark...) }
        }
        guard answered > 0 else { out.removeSubrange(start...); return false }
        out.append(UInt8(ascii: "]"))
        return true
    }

    /// JSON-RPC 2.0 §4: appends the response to one request object; false for a notification (nothing written).
    private func single(_ value: JSONValue, path: String, into out: inout [UInt8]) -> Bool {
        func fail(_ id: JSONValue, _ error: RPCError) -> Bool {
            JSONWriter.write(RPCServer.response(id: id, error: error), into: &out)
            return true
        }
        guard case .object(let request) = value else {
            return fail(.null, .invalidRequest("a request must be a JSON object, not \(value.kind)", path: path))
        }
        // The id, when valid, is echoed even if something else is wrong (§5: null only when it cannot be read).
        var id: JSONValue = .null
        let isNotification: Bool
        if let given = request["id"] {
            switch given {
            case .string, .number, .null: id = given
            default:
                return fail(.null, .invalidRequest("the id must be a string, a number or null, not \(given.kind)", path: path + ".id"))
            }
            isNotification = false
        } else {
            isNotification = true
        }
        // A value that is not a valid Request object is answered -32600 even without an id (it is then no
        // notification either): JSON-RPC 2.0 §6 example `{"jsonrpc": "2.0", "method": 1, "params": "bar"}`.
        guard case .string("2.0")? = request["jsonrpc"] else {
            return fail(id, .invalidRequest("\"jsonrpc\" must be exactly \"2.0\"", path: path + ".jsonrpc"))
        }
        guard case .string(let method)? = request["method"] else {
            return fail(id, .invalidRequest("\"method\" must be a string", path: path + ".method"))
        }
        for key in request.keys where !["jsonrpc", "method", "params", "id"].contains(key) {
            return fail(id, .invalidRequest("unknown member \"\(key)\" in the request", path: path + "." + key))
        }
        if let params = request["params"] {
            switch params {
            case .object, .array: break
            default:
                // §4.2: params, when present, MUST be a structured value.
                return fail(id, .invalidRequest("\"params\" must be an object (or an array), not \(params.kind)", path: path + ".params"))
            }
        }
        let result: Result<RPCResult, RPCError>
        if method == "shutdown" {
            // Answered, then the loop ends after this line (and the rest of its batch).
            do {
                let params = try ParamReader.top(request["params"])
                try params.finish()
                isShuttingDown = true
                result = .success(.value(.string("bye")))
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
        if isNotification { return false }
        switch result {
        case .success(let v):
            // The bytes of `{"jsonrpc": "2.0", "result": v, "id": id}` in that member order, as JSONWriter writes it.
            JSONWriter.writeRaw(#"{"jsonrpc":"2.0","result":"#, into: &out)
            switch v {
            case .value(let tree): JSONWriter.write(tree, into: &out)
            case .rendered(let bytes): out.append(contentsOf: bytes)
            }
            JSONWriter.writeRaw(#","id":"#, into: &out)
            JSONWriter.write(id, into: &out)
            out.append(UInt8(ascii: "}"))
            return true
        case .failure(let e): return fail(id, e)
        }
    }

    static func response(id: JSONValue, error: RPCError) -> JSONValue {
        .members([("jsonrpc", .string("2.0")), ("error", error.json), ("id", id)])
    }
}
