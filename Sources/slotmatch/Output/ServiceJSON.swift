import SlotMatchService

/// The service's JSON value (the same type as the CLI's `JSONValue`).
typealias ServiceValue = SlotMatchService.JSONValue

/// Reads the service's answers for the CLI. `cli` normalises an answer for `--format json` the way the CLI
/// always printed it: whole numbers within Int64 as integers, other numbers in Swift's shortest double form,
/// the first of duplicate keys kept.
enum ServiceJSON {
    static func cli(_ v: ServiceValue) -> JSONValue {
        switch v {
        case .null, .bool, .string: return v
        case .number(let n): return n.int64.map { .int($0) } ?? .double(n.double)
        case .array(let items): return .array(items.map(cli))
        case .object(let o):
            var out = JSONObject()
            for (key, value) in o.members where out[key] == nil { out.set(key, cli(value)) }
            return .object(out)
        }
    }

    static func string(_ v: ServiceValue?) -> String {
        switch v {
        case .string(let s)?: return s
        case .number(let n)?: return n.text
        case .bool(let b)?: return b ? "yes" : "no"
        case .array(let items)?: return items.map { string($0) }.joined(separator: ",")
        case .null?, nil: return "-"
        case .object?: return "…"
        }
    }

    static func member(_ v: ServiceValue, _ path: String...) -> ServiceValue? {
        var current: ServiceValue? = v
        for key in path {
            guard case .object(let o)? = current else { return nil }
            current = o[key]
        }
        return current
    }

    static func items(_ v: ServiceValue?) -> [ServiceValue] {
        if case .array(let a)? = v { return a }
        return []
    }
}
