import SlotMatchConfig

/// Writes a `JSONValue` on one line, compact, members in their order (RFC 8259 §7 escapes: quote,
/// backslash and control characters; everything else as UTF-8), or pretty with sorted keys for the CLI
/// (`pretty(_:)`): one writer and one escaping routine for every JSON the service and the CLI print.
public enum JSONWriter {
    public static func string(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public static func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, into: &out)
        return out
    }

    public static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(let b):
            if b { out.append(contentsOf: [0x74, 0x72, 0x75, 0x65]) } else { out.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65]) }
        case .number(let n): out.append(contentsOf: n.text.utf8)
        case .string(let s): quotePlain(s, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                write(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            for i in 0..<object.count {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                quotePlain(object.keys[i], into: &out)
                out.append(UInt8(ascii: ":"))
                write(object.values[i], into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// The value pretty-printed with two-space indentation, object keys sorted (String order) and a final
    /// line end: the CLI's byte-stable `--format json` layout. `[]` and `{}` when empty; `"key": value`.
    /// DEL (0x7F) is left as is here, as the CLI always wrote it (both forms are valid RFC 8259 §7).
    public static func pretty(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        writePretty(value, indent: 0, into: &out)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    static func writePretty(_ value: JSONValue, indent: Int, into out: inout [UInt8]) {
        func pad(_ level: Int) { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level)) }
        switch value {
        case .null, .bool, .number: write(value, into: &out)
        case .string(let s): quote(s, escapingDelete: false, into: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: [UInt8(ascii: "["), UInt8(ascii: "]")]); return }
            out.append(contentsOf: [UInt8(ascii: "["), 0x0A])
            for (i, item) in items.enumerated() {
                pad(indent + 1)
                writePretty(item, indent: indent + 1, into: &out)
                if i + 1 < items.count { out.append(UInt8(ascii: ",")) }
                out.append(0x0A)
            }
            pad(indent)
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty { out.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")]); return }
            out.append(contentsOf: [UInt8(ascii: "{"), 0x0A])
            let order = object.keys.indices.sorted { object.keys[$0] < object.keys[$1] }
            for (n, i) in order.enumerated() {
                pad(indent + 1)
                quote(object.keys[i], escapingDelete: false, into: &out)
                out.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
                writePretty(object.values[i], indent: indent + 1, into: &out)
                if n + 1 < order.count { out.append(UInt8(ascii: ",")) }
                out.append(0x0A)
            }
            pad(indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// `quote` for the common case of printable ASCII without quote or backslash (every key, instant, code
    /// and id of an answer): the bytes copied between quotes in one go; anything else goes to `quote`, so
    /// the bytes written are the same.
    @inline(__always)
    static func quotePlain(_ s: String, into out: inout [UInt8]) {
        let done = s.utf8.withContiguousStorageIfAvailable { b -> Bool in
            for c in b where c < 0x20 || c == 0x22 || c == 0x5C || c >= 0x7F { return false }
            out.append(0x22)
            out.append(contentsOf: b)
            out.append(0x22)
            return true
        } ?? false
        if !done { quote(s, into: &out) }
    }

    /// Appends a whole number as `JSONValue.int` writes it (`JSONByteSink.writeInteger`).
    static func writeInteger<T: BinaryInteger>(_ value: T, into out: inout [UInt8]) { out.writeInteger(value) }

    /// Appends a literal piece of JSON text as is (keys with their quotes and colon, punctuation): the caller
    /// writes only text the compact writer would write.
    @inline(__always)
    static func writeRaw(_ text: StaticString, into out: inout [UInt8]) { out.write(text) }

    /// A JSON string literal (RFC 8259 §7), written by the shared `SlotMatchConfig.JSONString`: quote and
    /// backslash escaped, `\n` `\r` `\t`, other control characters (and DEL, unless `escapingDelete` is
    /// false) as `\u00XX`; everything else as UTF-8.
    public static func quote(_ s: String, into out: inout [UInt8]) { JSONString.quote(s, into: &out) }

    public static func quote(_ s: String, escapingDelete: Bool, into out: inout [UInt8]) {
        JSONString.quote(s, escapingDelete: escapingDelete, into: &out)
    }
}
