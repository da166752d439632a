import SlotMatchCore

/// Numbers and dates as the reader writes them. French: narrow no-break space (U+202F) between thousands,
/// decimal comma, `4 déc. 2026`, percentages `87,5 %` (no-break space before %); English: `1,234`, `87.5%`,
/// `4 Dec 2026`. Integer arithmetic only, so the output never depends on the machine's locale.
public struct ReportFormatter: Sendable, Hashable {
    public var language: ReportLanguage

    public init(language: ReportLanguage) { self.language = language }

    static let frMonths = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
    static let enMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// 12345 → `12 345` (fr, U+202F) or `12,345` (en).
    public func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        let separator = language == .fr ? "\u{202F}" : ","
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
            out.append(ch)
        }
        return (value < 0 ? "−" : "") + out
    }

    /// A decimal with `places` digits after the mark: `3,5` / `3.5`.
    public func decimal(_ value: Double, places: Int = 1) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1
        for _ in 0 ..< places { scale *= 10 }
        let scaled = Int((value.magnitude * Double(scale)).rounded())
        let whole = integer(scaled / scale)
        let sign = value < 0 && scaled > 0 ? "−" : ""
        guard places > 0 else { return sign + whole }
        let frac = String(scaled % scale)
        return sign + whole + (language == .fr ? "," : ".") + String(repeating: "0", count: places - frac.count) + frac
    }

    /// A share 0…1 as a percentage: `87,5 %` / `87.5%`.
    public func percent(_ share: Double, places: Int = 1) -> String {
        decimal(share * 100, places: places) + (language == .fr ? "\u{00A0}%" : "%")
    }

    /// `4 déc. 2026` / `4 Dec 2026`.
    public func date(_ d: CivilDate) -> String {
        let months = language == .fr ? ReportFormatter.frMonths : ReportFormatter.enMonths
        return String(d.day) + " " + months[max(0, min(11, d.month - 1))] + " " + String(d.year)
    }

    /// Minutes as `2 h 05` / `2 h 05 min` style durations are long for tables: minutes below 2 h, else hours with one decimal.
    public func duration(minutes: Int) -> String {
        if minutes < 120 { return integer(minutes) + (language == .fr ? "\u{00A0}min" : " min") }
        return decimal(Double(minutes) / 60, places: 1) + "\u{00A0}h"
    }
}
