/// What a JSON-RPC method answers on success: a value that the server writes with `JSONWriter`, or the compact
/// text of that value already written (`rendered`), which the server copies into the response as is.
/// `slots.find` answers `rendered`, so a search answer costs no tree (see `SearchAnswer`).
public enum RPCResult {
    case value(JSONValue)
    /// Bytes exactly as `JSONWriter.write` would write the result value: compact, one whole JSON value.
    case rendered([UInt8])
}
