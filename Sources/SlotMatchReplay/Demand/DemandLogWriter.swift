import SlotMatchConfig
import SlotMatchCore

/// Writes demand records as CSV (RFC 4180 quoting, `\n` line ends) or JSON Lines (keys in the fixed
/// column order, empty fields left out): the same records always give the same bytes.
public enum DemandLogWriter {
    public static func header() -> String { DemandLogColumns.all.joined(separator: ",") + "\n" }

    /// The whole log, header included for CSV.
    public static func write(_ records: [DemandRecord], format: DemandLogFormat) -> String {
        var out = format == .csv ? header() : ""
        for r in records { append(r, format: format, to: &out) }
        return out
    }

    /// One record as one line.
    public static func append(_ r: DemandRecord, format: DemandLogFormat, to out: inout String) {
        let values = fields(r)
        switch format {
        case .csv:
            for (i, v) in values.enumerated() {
                if i > 0 { out += "," }
                out += csvQuoted(v)
            }
            out += "\n"
        case .jsonl:
            out += "{"
            var first = true
            for (i, v) in values.enumerated() where !v.isEmpty {
                if !first { out += "," }
                first = false
                let name = DemandLogColumns.all[i]
                out += "\"" + name + "\":"
                if name == "lat" || name == "lon" { out += v } else { jsonQuoted(v, into: &out) }
            }
            out += "}\n"
        }
    }

    static func fields(_ r: DemandRecord) -> [String] {
        var commune = "", lat = "", lon = ""
        switch r.location {
        case .commune(let insee): commune = insee
        case .point(let p): lat = decimal(p.latitude); lon = decimal(p.longitude)
        }
        return [
            r.id, r.receivedAt.iso8601, commune, lat, lon, r.ageBand?.rawValue ?? "", r.reason ?? "",
            r.flags.joined(separator: "|"), r.urgency?.rawValue ?? "", r.mobility?.rawValue ?? "",
            r.wantedModes == [.office] ? "" : r.wantedModes.map(\.code).joined(separator: "|"),
            r.treatingGP?.digits ?? "", r.outcome.bookedStart?.iso8601 ?? "", r.outcome.practitioner?.digits ?? "",
            r.outcome.status?.rawValue ?? "",
        ]
    }

    /// Degrees with six decimals (about 10 cm), written without Foundation so bytes never depend on a locale.
    static func decimal(_ value: Double) -> String {
        let micro = Int64((value * 1_000_000).rounded())
        let sign = micro < 0 ? "-" : ""
        let a = micro.magnitude
        let frac = String(a % 1_000_000)
        return sign + String(a / 1_000_000) + "." + String(repeating: "0", count: 6 - frac.count) + frac
    }

    static func csvQuoted(_ v: String) -> String {
        // RFC 4180 §2.6–2.7: a field with a comma, quote or line break is quoted, inner quotes doubled.
        guard v.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return v }
        var s = "\""
        for ch in v { if ch == "\"" { s += "\"\"" } else { s.append(ch) } }
        return s + "\""
    }

    static func jsonQuoted(_ v: String, into out: inout String) {
        // RFC 8259 §7, the shared escaping; DEL is left as is, as the demand log always wrote it.
        JSONString.quote(v, escapingDelete: false, into: &out)
    }
}
