/// Escaping and number formatting for the balance report's HTML and SVG, without Foundation.
enum BalanceMarkup {
    /// Text safe inside an element or a double-quoted attribute (XML 1.0 §2.4: `&`, `<`, `>`; `"` in attributes).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab/newline are not allowed in XML 1.0 (§2.2).
                if c.value < 0x20 && c != "\t" && c != "\n" { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A coordinate with one decimal (`12.3`, `-4.0`).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return sign + String(abs(tenths) / 10) + "." + String(abs(tenths) % 10)
    }

    /// Tenths as a decimal (`23` → `2.3`), with a comma in French.
    static func tenths(_ value: Int, french: Bool) -> String {
        String(value / 10) + (french ? "," : ".") + String(abs(value) % 10)
    }

    /// An integer with thin grouping (`12 345` / `12,345`).
    static func grouped(_ value: Int64, french: Bool) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += french ? "\u{202F}" : "," }
            out.append(c)
        }
        return (value < 0 ? "−" : "") + out
    }
}
