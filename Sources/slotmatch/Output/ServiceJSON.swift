import SlotMatchService

/// Converts the service's JSON values to the CLI's renderer (sorted keys, indented), so `--format json`
/// of an operator command prints the same members as the service's answer.
/// The service's JSON value (the CLI has its own `JSONValue` renderer).
typealias ServiceValue = SlotMatchService.JSONValue

enum ServiceJSON {
    static func cli(_ v: ServiceValue) -> JSONValue {
        switch v {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n): return n.int64.map { .int(Int($0)) } ?? .double(n.double)
        case .string(let s): return .string(s)
        case .array(let items): return .array(items.map(cli))
        case .object(let o): return .object(Dictionary(o.members.map { ($0.key, cli($0.value)) }, uniquingKeysWith: { a, _ in a }))
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
