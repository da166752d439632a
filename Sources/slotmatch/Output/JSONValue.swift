import SlotMatchService

/// The CLI's JSON value is the service's (`SlotMatchService.JSONValue`): one value type and one writer for
/// every JSON SlotMatch prints. The CLI renders it with `rendered`: pretty, keys sorted, byte-stable.
typealias JSONValue = SlotMatchService.JSONValue

extension SlotMatchService.JSONValue {
    /// Pretty-printed with two-space indentation, sorted keys and a final line end (`JSONWriter.pretty`).
    var rendered: String { JSONWriter.pretty(self) }
}
